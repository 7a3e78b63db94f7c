#pragma once
// JSON output: one streaming printer for every JSON the reports write (the report, a
// comparison, an explanation, a concede answer). It prints two-space indentation,
// `"key": value`, `{}` and `[]` when empty, integers in decimal, a final newline.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/reports/report.h"

namespace entente::reports::detail {

/// Writes JSON as it goes, so a report of a hundred thousand positions is never held twice
/// in memory. Strings go through json_string(), the one escaper. Calls must nest properly
/// (asserted); finish() writes the final newline and flushes.
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(&out) {}
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;
  JsonStream(JsonStream&& other) noexcept
      : out_(std::exchange(other.out_, nullptr)),
        buffer_(std::move(other.buffer_)),
        size_(std::exchange(other.size_, 0)),
        frames_(std::move(other.frames_)),
        after_key_(other.after_key_) {}
  ~JsonStream() { flush(); }

  /// A stream that prints into a string what this one would print next, at the same depth,
  /// for values of the open array made on another thread: pass `after_others` unless it
  /// holds the array's first values. Take the text with take(), give it to append_values().
  /// This stream changes as values are appended: another thread takes its fragments from a
  /// fragment made before it started, which nothing writes to.
  JsonStream fragment(bool after_others) const;
  std::string take() {
    buffer_.resize(size_);
    size_ = 0;
    return std::move(buffer_);
  }
  /// Values of the open array that fragment() printed, in the order they go.
  JsonStream& append_values(std::string_view printed);

  JsonStream& begin_object();
  JsonStream& end_object();
  JsonStream& begin_array();
  JsonStream& end_array();
  /// The next member's key; its value follows.
  JsonStream& key(std::string_view name);
  /// A key written in the code, as nearly all are: plain ASCII (asserted), printed unscanned.
  template <std::size_t N>
  JsonStream& key(const char (&name)[N]) {
    return plain_key(std::string_view(name, N - 1));
  }

  JsonStream& value(std::string_view s);
  JsonStream& value(const char* s) { return value(std::string_view(s)); }
  JsonStream& value(const std::string& s) { return value(std::string_view(s)); }
  JsonStream& value(bool b);
  JsonStream& value(std::int64_t n);
  JsonStream& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonStream& null();
  /// A number in the shortest form that reads back to the same double (`1`, `0.75`,
  /// `0.3333333333333333`), an integral one as an integer; `null` when it is not finite.
  JsonStream& number(double d);
  /// `null` for an empty string, the string otherwise (optional text fields).
  JsonStream& string_or_null(std::string_view s);
  /// An array of strings: std::string or views.
  template <class String>
  JsonStream& strings(const std::vector<String>& items) {
    begin_array();
    for (const std::string_view item : items) value(item);
    return end_array();
  }

  /// `key` then `value`.
  template <typename Name, typename T>
  JsonStream& member(const Name& name, const T& v) {
    key(name);
    return value(v);
  }

  void finish();

 private:
  // A fragment of `context`: its open frames, no output (see fragment()).
  JsonStream(const JsonStream& context, std::nullptr_t) : out_(nullptr), frames_(context.frames_) {}

  void begin(char bracket, bool object);
  void end(char bracket, bool object);
  // Starts an item of the innermost frame (see json/stream.cpp) with room for `then` bytes
  // more; returns where they go.
  char* new_item(std::size_t then = 0);
  void before_value();
  void string(std::string_view s);
  void quoted(std::string_view plain);
  JsonStream& plain_key(std::string_view name);
  void flush();

  // What is printed and not yet flushed is buffer_[0, size_). buffer_ is kept longer than
  // that, so that the printing writes through a pointer: reserve(n) makes room for n more
  // bytes and says where they go; put() writes them. Items are many and short, and one
  // reserve per item costs less than a string's bounds check per piece.
  char* reserve(std::size_t n) {
    if (buffer_.size() - size_ < n) grow(n);
    return buffer_.data() + size_;
  }
  void grow(std::size_t n);
  void put(std::string_view s) {
    if (s.empty()) return;  // an empty view's data may be null, which memcpy may not be given
    std::memcpy(reserve(s.size()), s.data(), s.size());
    size_ += s.size();
  }

  struct Frame {
    bool object;
    bool empty;
  };
  std::ostream* out_;  ///< null for a fragment, which keeps what it prints
  std::string buffer_;
  std::size_t size_ = 0;
  std::vector<Frame> frames_;
  bool after_key_ = false;
};

/// The report in the shape documented at the top of json/report.cpp.
void stream_report(const Report& report, JsonStream& json);
/// The same for a report whose positions' rows are made a block at a time as they print.
void stream_report(const StreamedReport& report, JsonStream& json);
/// Prints the positions [begin, end) (in ref order) into a fragment of the stream; it may run
/// on two threads at once.
using PrintPositions =
    std::function<void(std::size_t begin, std::size_t end, JsonStream& fragment)>;
/// The same, with `positions` positions printed by `print` instead of the report's rows.
void stream_report(const Report& report, std::size_t positions, const PrintPositions& print,
                   JsonStream& json);

/// A weight (docs/format.md 6.1) as a double: one too small for a double (1e-999) as 0, one
/// too large (1e999) as infinity, which number() writes as null.
double weight_value(std::string_view weight);

}  // namespace entente::reports::detail
