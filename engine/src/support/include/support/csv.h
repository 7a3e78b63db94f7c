#pragma once
// CSV (RFC 4180), once for the whole program: the fields the report's CSV tables and the
// sheets of `entente export csv` are written with (reports/src/csv/), and the records the
// loader reads those sheets back from (engine/src/loader/csv_loader.cpp). docs/csv.md says
// what a user sees of it.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::support {

/// True when a spreadsheet would run `cell` as a formula: it starts with '=', '+', '-', '@',
/// a tab or a carriage return.
bool looks_like_formula(std::string_view cell);

/// Appends `value` as one field: neutralised, then quoted when it must be. A value that looks
/// like a formula gets a single quote `'` in front, and so does a value that is single quotes
/// and then such a character, so that read_csv() gives back exactly `value`. A field that
/// holds '"', ',', CR or LF is put in quotes, its quotes doubled. Bytes that are not UTF-8
/// become U+FFFD, so that the output is UTF-8 whatever the value.
void append_csv_field(std::string& out, std::string_view value);

/// Appends one record: its fields separated by ',' and ended by CRLF.
void append_csv_record(std::string& out, std::initializer_list<std::string_view> fields);
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

/// One record as read: its fields unquoted, with the `'` of append_csv_field() taken off.
struct CsvRecord {
  int line = 0;  ///< the line it starts on, 1-based
  std::vector<std::string> fields{};
};

/// What stopped read_csv(): where (a record's first line and a 1-based field) and why.
struct CsvSyntaxError {
  int line = 0;
  int field = 0;
  std::string message{};
};

struct CsvText {
  std::vector<CsvRecord> records{};  ///< the records before any error
  std::optional<CsvSyntaxError> error{};
};

/// Reads CSV text (RFC 4180, LF or CRLF line ends; a CRLF inside a quoted field reads as
/// LF; blank lines are skipped; a UTF-8 byte order mark at the start is ignored). It stops at
/// the first error: a quote inside an unquoted field, text after a closing quote, a quote
/// left open at the end, a CR without LF outside quotes, or a record of more than
/// `max_fields` fields. The bytes of fields are not checked here (the loader checks UTF-8).
CsvText read_csv(std::string_view text, std::size_t max_fields = 256);

/// The byte of `line` where field `field` (1-based) of the record that starts there begins,
/// or nullopt when it starts on a later line (a quoted field before it runs on) or the record
/// has fewer fields. For a caret under a field in a diagnostic.
std::optional<std::size_t> csv_field_offset(std::string_view line, int field);

}  // namespace entente::support
