// The streaming JSON printer of json_value.h.
#include <cassert>
#include <ostream>

#include <fmt/format.h>

#include "escape.h"
#include "json_value.h"

namespace entente::reports::detail {
namespace {
constexpr std::size_t k_flush_bytes = 1 << 16;
}

// Starts an item of the innermost frame on a line of its own, after a comma unless it is
// the frame's first.
void JsonStream::new_item() {
  Frame& frame = frames_.back();
  buffer_ += frame.empty ? "\n" : ",\n";
  frame.empty = false;
  buffer_.append(2 * frames_.size(), ' ');
}

void JsonStream::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (frames_.empty()) return;
  assert(!frames_.back().object && "an object member needs a key first");
  new_item();
}

JsonStream& JsonStream::key(std::string_view name) {
  assert(!frames_.empty() && frames_.back().object && !after_key_);
  new_item();
  append_json_string(buffer_, name);
  buffer_ += ": ";
  after_key_ = true;
  return *this;
}

void JsonStream::begin(char bracket, bool object) {
  before_value();
  buffer_ += bracket;
  frames_.push_back({object, true});
}

void JsonStream::end(char bracket, bool object) {
  assert(!frames_.empty() && frames_.back().object == object && !after_key_);
  (void)object;
  const bool empty = frames_.back().empty;
  frames_.pop_back();
  if (!empty) {
    buffer_ += '\n';
    buffer_.append(2 * frames_.size(), ' ');
  }
  buffer_ += bracket;
  if (buffer_.size() >= k_flush_bytes) flush();
}

JsonStream& JsonStream::begin_object() {
  begin('{', true);
  return *this;
}
JsonStream& JsonStream::end_object() {
  end('}', true);
  return *this;
}
JsonStream& JsonStream::begin_array() {
  begin('[', false);
  return *this;
}
JsonStream& JsonStream::end_array() {
  end(']', false);
  return *this;
}

JsonStream& JsonStream::value(std::string_view s) {
  before_value();
  append_json_string(buffer_, s);
  return *this;
}

JsonStream& JsonStream::value(bool b) {
  before_value();
  buffer_ += b ? "true" : "false";
  return *this;
}

JsonStream& JsonStream::value(std::int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(buffer_), "{}", n);
  return *this;
}

JsonStream& JsonStream::null() {
  before_value();
  buffer_ += "null";
  return *this;
}

JsonStream& JsonStream::string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }

// Printed by hand rather than by Json::dump() so that strings go through json_string, the one
// escaper, and invalid UTF-8 in a file degrades to U+FFFD instead of throwing.
JsonStream& JsonStream::value(const Json& json) {
  using Type = Json::value_t;
  switch (json.type()) {
    case Type::object:
      begin_object();
      for (const auto& item : json.items()) {
        key(item.key());
        value(item.value());
      }
      return end_object();
    case Type::array:
      begin_array();
      for (const Json& item : json) value(item);
      return end_array();
    case Type::string:
      return value(std::string_view(json.get_ref<const std::string&>()));
    case Type::boolean:
      return value(json.get<bool>());
    case Type::number_integer:
      return value(json.get<std::int64_t>());
    case Type::number_unsigned:
      before_value();
      fmt::format_to(std::back_inserter(buffer_), "{}", json.get<std::uint64_t>());
      return *this;
    default:
      assert(json.is_null() && "reports hold no floats or binary values");
      return null();
  }
}

void JsonStream::finish() {
  assert(frames_.empty() && !after_key_);
  buffer_ += '\n';
  flush();
}

void JsonStream::flush() {
  if (out_ == nullptr) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

JsonStream JsonStream::fragment(bool after_others) const {
  assert(!frames_.empty() && !frames_.back().object && !after_key_);
  JsonStream part(*this, nullptr);
  if (after_others) part.frames_.back().empty = false;
  return part;
}

JsonStream& JsonStream::append_values(std::string_view printed) {
  assert(!frames_.empty() && !frames_.back().object && !after_key_);
  if (printed.empty()) return *this;
  buffer_ += printed;
  frames_.back().empty = false;
  if (buffer_.size() >= k_flush_bytes) flush();
  return *this;
}

void write_json_value(const Json& value, std::ostream& out) {
  JsonStream json(out);
  json.value(value);
  json.finish();
}

}  // namespace entente::reports::detail
