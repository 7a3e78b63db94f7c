// The CSV of csv.h: fields written, records read, one definition of both.
#include "support/csv.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "support/utf8.h"

namespace entente::support {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Single quotes, then what looks like a formula: the form append_csv_field() gives a value that
// looks like a formula, so read_csv() takes one quote off such a field.
bool is_neutralised(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of('\'');
  return first != 0 && first != std::string_view::npos && is_formula_start(cell[first]);
}

bool needs_quotes(std::string_view value) {
  return value.find_first_of("\",\r\n") != std::string_view::npos;
}

// Reads records from `text`, as read_csv() says.
class Reader {
 public:
  Reader(std::string_view text, std::size_t max_fields) : text_(text), max_fields_(max_fields) {}

  CsvText run() {
    if (text_.starts_with(k_bom)) pos_ = k_bom.size();
    while (pos_ < text_.size() && !result_.error) {
      if (skip_line_end()) continue;  // a blank line
      read_record();
    }
    return std::move(result_);
  }

 private:
  // Steps over a line end at pos_: true when there was one.
  bool skip_line_end() {
    if (text_[pos_] == '\n') {
      ++pos_;
    } else if (text_.substr(pos_).starts_with("\r\n")) {
      pos_ += 2;
    } else {
      return false;
    }
    ++line_;
    return true;
  }

  void fail(const CsvRecord& record, std::string message) {
    result_.error =
        CsvSyntaxError{record.line, static_cast<int>(record.fields.size()) + 1, std::move(message)};
  }

  void read_record() {
    CsvRecord record{.line = line_};
    for (;;) {
      if (record.fields.size() >= max_fields_) {
        fail(record, fmt::format("more than {} fields in one record", max_fields_));
        return;
      }
      std::optional<std::string> field =
          pos_ < text_.size() && text_[pos_] == '"' ? quoted_field(record) : unquoted_field(record);
      if (!field) return;
      if (is_neutralised(*field)) field->erase(0, 1);
      record.fields.push_back(std::move(*field));
      if (pos_ >= text_.size() || skip_line_end()) break;
      ++pos_;  // the ',' (anything else has failed already)
    }
    result_.records.push_back(std::move(record));
  }

  std::optional<std::string> unquoted_field(const CsvRecord& record) {
    const std::size_t end = std::min(text_.find_first_of(",\r\n\"", pos_), text_.size());
    std::string field(text_.substr(pos_, end - pos_));
    pos_ = end;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      fail(record,
           "a quote inside a field that does not start with one (put the whole field in quotes "
           "and double the quotes inside it)");
      return std::nullopt;
    }
    if (pos_ < text_.size() && text_[pos_] == '\r' && !text_.substr(pos_).starts_with("\r\n")) {
      fail(record, "carriage return without line feed (use LF or CRLF line ends)");
      return std::nullopt;
    }
    return field;
  }

  std::optional<std::string> quoted_field(const CsvRecord& record) {
    std::string field;
    ++pos_;  // the opening quote
    for (;;) {
      const std::size_t next = text_.find_first_of("\"\n", pos_);
      if (next == std::string_view::npos) {
        fail(record, "a quoted field is not closed before the end of the file");
        return std::nullopt;
      }
      std::size_t text_end = next;
      if (text_[next] == '\n' && next > pos_ && text_[next - 1] == '\r') --text_end;
      field.append(text_.substr(pos_, text_end - pos_));
      pos_ = next + 1;
      if (text_[next] == '\n') {
        field += '\n';  // a CRLF inside quotes reads as LF
        ++line_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '"') {  // a doubled quote
        field += '"';
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
        !text_.substr(pos_).starts_with("\r\n")) {
      fail(record,
           "text after the closing quote of a field (a quote inside a quoted field is "
           "written twice)");
      return std::nullopt;
    }
    return field;
  }

  std::string_view text_;
  std::size_t max_fields_;
  std::size_t pos_ = 0;
  int line_ = 1;
  CsvText result_{};
};

}  // namespace

bool looks_like_formula(std::string_view cell) {
  return !cell.empty() && is_formula_start(cell.front());
}

void append_csv_field(std::string& out, std::string_view value) {
  const bool quote = needs_quotes(value);
  if (quote) out += '"';
  if (looks_like_formula(value) || is_neutralised(value)) out += '\'';
  for (std::size_t i = 0; i < value.size();) {
    const CodePoint c = decode_utf8(value, i);
    if (!c.valid) {
      out += k_replacement;
    } else {
      if (value[i] == '"') out += '"';
      out.append(value.substr(i, c.length));
    }
    i += c.length;
  }
  if (quote) out += '"';
}

void append_csv_record(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (const std::string_view field : fields) {
    if (!std::exchange(first, false)) out += ',';
    append_csv_field(out, field);
  }
  out += "\r\n";
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  bool first = true;
  for (const std::string& field : fields) {
    if (!std::exchange(first, false)) out += ',';
    append_csv_field(out, field);
  }
  out += "\r\n";
}

CsvText read_csv(std::string_view text, std::size_t max_fields) {
  return Reader(text, max_fields).run();
}

std::optional<std::size_t> csv_field_offset(std::string_view line, int field) {
  std::size_t pos = 0;
  for (int n = 1; n < field; ++n) {
    if (pos < line.size() && line[pos] == '"') {
      ++pos;  // to the closing quote, over doubled ones
      for (;;) {
        pos = line.find('"', pos);
        if (pos == std::string_view::npos) return std::nullopt;  // runs on to a later line
        if (pos + 1 < line.size() && line[pos + 1] == '"') {
          pos += 2;
          continue;
        }
        ++pos;
        break;
      }
    }
    pos = line.find(',', pos);
    if (pos == std::string_view::npos) return std::nullopt;
    ++pos;
  }
  return pos;
}

}  // namespace entente::support
