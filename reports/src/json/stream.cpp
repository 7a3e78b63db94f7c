// The streaming JSON printer of json/stream.h.
#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <ostream>

#include <fmt/format.h>

#include "escape.h"
#include "json/stream.h"

namespace entente::reports::detail {
namespace {
constexpr std::size_t k_flush_bytes = 1 << 16;
}

// Starts an item of the innermost frame on a line of its own, after a comma unless it is
// the frame's first.
char* JsonStream::new_item(std::size_t then) {
  Frame& frame = frames_.back();
  const std::size_t indent = 2 * frames_.size();
  char* p = reserve(2 + indent + then);
  if (!frame.empty) *p++ = ',';
  *p++ = '\n';
  std::memset(p, ' ', indent);
  p += indent;
  size_ = static_cast<std::size_t>(p - buffer_.data());
  frame.empty = false;
  return p;
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
  if (plain_json(name)) return plain_key(name);
  assert(!frames_.empty() && frames_.back().object && !after_key_);
  new_item();
  put(json_string(name));
  put(": ");
  after_key_ = true;
  return *this;
}

// The item, the name in quotes and ": ", with room made once: keys are most of the items.
JsonStream& JsonStream::plain_key(std::string_view name) {
  assert(!frames_.empty() && frames_.back().object && !after_key_ && plain_json(name));
  char* p = new_item(name.size() + 4);
  *p++ = '"';
  if (!name.empty()) std::memcpy(p, name.data(), name.size());
  p += name.size();
  std::memcpy(p, "\": ", 3);
  size_ = static_cast<std::size_t>(p + 3 - buffer_.data());
  after_key_ = true;
  return *this;
}

void JsonStream::begin(char bracket, bool object) {
  before_value();
  put(std::string_view(&bracket, 1));
  frames_.push_back({object, true});
}

void JsonStream::end(char bracket, bool object) {
  assert(!frames_.empty() && frames_.back().object == object && !after_key_);
  (void)object;
  const bool empty = frames_.back().empty;
  frames_.pop_back();
  const std::size_t indent = empty ? 0 : 2 * frames_.size();
  char* p = reserve(2 + indent);
  if (!empty) {
    *p++ = '\n';
    std::memset(p, ' ', indent);
    p += indent;
  }
  *p++ = bracket;
  size_ = static_cast<std::size_t>(p - buffer_.data());
  if (size_ >= k_flush_bytes) flush();
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
  string(s);
  return *this;
}

JsonStream& JsonStream::value(bool b) {
  before_value();
  put(b ? "true" : "false");
  return *this;
}

JsonStream& JsonStream::value(std::int64_t n) {
  before_value();
  const auto printed = fmt::format_int(n);
  put({printed.data(), printed.size()});
  return *this;
}

JsonStream& JsonStream::number(double d) {
  if (!std::isfinite(d)) return null();
  // Below 2^53 an integral double is an integer exactly; fmt prints larger ones with an
  // exponent (1e+21), which JSON reads as the same number.
  if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) {
    return value(static_cast<std::int64_t>(d));
  }
  before_value();
  const std::string printed = fmt::format("{}", d);
  put(printed);
  return *this;
}

JsonStream& JsonStream::null() {
  before_value();
  put("null");
  return *this;
}

JsonStream& JsonStream::string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }

void JsonStream::finish() {
  assert(frames_.empty() && !after_key_);
  put("\n");
  flush();
}

void JsonStream::string(std::string_view s) {
  if (plain_json(s))
    quoted(s);
  else
    put(json_string(s));
}

void JsonStream::quoted(std::string_view s) {
  char* p = reserve(s.size() + 2);
  *p++ = '"';
  if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view's data may be null
  p[s.size()] = '"';
  size_ += s.size() + 2;
}

void JsonStream::grow(std::size_t n) {
  buffer_.resize(std::max({size_ + n, 2 * buffer_.size(), k_flush_bytes + 256}));
}

void JsonStream::flush() {
  if (out_ == nullptr) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(size_));
  size_ = 0;
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
  frames_.back().empty = false;
  if (out_ == nullptr) {
    put(printed);
    return *this;
  }
  // Written as it is rather than copied behind what is buffered.
  flush();
  out_->write(printed.data(), static_cast<std::streamsize>(printed.size()));
  return *this;
}

double weight_value(std::string_view weight) {
  double value = 0;
  const auto [ptr, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), value);
  if (ec != std::errc::result_out_of_range) return value;
  // Out of range: tiny with a negative exponent, or written without one as 0.000...
  const std::size_t e = weight.find_first_of("eE");
  const bool tiny = e != weight.npos ? weight.substr(e + 1).starts_with('-')
                                     : weight.substr(0, weight.find('.')).find_first_not_of('0') ==
                                           std::string_view::npos;
  return tiny ? 0.0 : std::numeric_limits<double>::infinity();
}

}  // namespace entente::reports::detail
