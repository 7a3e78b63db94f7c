#pragma once
// The model's two kinds of string. A large scenario holds a million of them: ids and
// references repeat (a party's id in each of its positions and stances and in every audience
// that names it), prose does not. A std::string costs 32 bytes even when empty, and a
// reference of 16 or more characters a heap block beside; a Symbol costs 4 (its number in
// the table of names) and a Text 8.

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace entente {

/// A string interned for the life of the process: ids, references and file names. Every copy
/// of one string is the same handle, so a copy costs nothing, equality is one comparison and
/// the order is that of the strings. The table behind it only grows, which suits names (a
/// scenario has few distinct ones) and not prose: use Text for that.
class Symbol {
 public:
  Symbol() = default;
  Symbol(std::string_view s);  // NOLINT(google-explicit-constructor): a name is a name
  Symbol(const std::string& s) : Symbol(std::string_view(s)) {}  // NOLINT
  Symbol(const char* s) : Symbol(std::string_view(s)) {}         // NOLINT

  const std::string& str() const;
  std::string_view view() const { return str(); }
  operator std::string_view() const { return view(); }   // NOLINT
  operator const std::string&() const { return str(); }  // NOLINT
  const char* c_str() const { return str().c_str(); }
  bool empty() const { return id_ == 0; }
  std::size_t size() const { return str().size(); }

  friend bool operator==(Symbol a, Symbol b) { return a.id_ == b.id_; }
  friend std::strong_ordering operator<=>(Symbol a, Symbol b) {
    return a.id_ == b.id_ ? std::strong_ordering::equal : a.view() <=> b.view();
  }
  template <class S>
  requires(std::convertible_to<const S&, std::string_view> && !std::same_as<S, Symbol>) friend bool
  operator==(Symbol a, const S& b) {
    return a.view() == std::string_view(b);
  }
  template <class S>
  requires(std::convertible_to<const S&, std::string_view> &&
           !std::same_as<S, Symbol>) friend std::strong_ordering
  operator<=>(Symbol a, const S& b) {
    return a.view() <=> std::string_view(b);
  }

  /// Hashes the number, which is as good as hashing the string and cheaper.
  std::size_t hash() const { return std::hash<std::uint32_t>{}(id_); }
  /// The string's number in the table of names, for the life of the process (0: the empty
  /// string): equal strings, equal numbers, so it keys a table of names without their bytes.
  std::uint32_t number() const { return id_; }

 private:
  std::uint32_t id_ = 0;  ///< the string's number in the table of names; 0 for the empty string
};

/// Prose: an immutable string that owns its bytes, 8 bytes when empty and a heap block of its
/// length (and four bytes) otherwise. Copies copy.
class Text {
 public:
  Text() noexcept = default;
  Text(std::string_view s);  // NOLINT(google-explicit-constructor): text is text
  Text(const std::string& s) : Text(std::string_view(s)) {}  // NOLINT
  Text(const char* s) : Text(std::string_view(s)) {}         // NOLINT
  Text(const Text& other) : Text(other.view()) {}
  Text(Text&&) noexcept = default;
  Text& operator=(const Text& other) {
    if (this != &other) *this = Text(other);
    return *this;
  }
  Text& operator=(Text&&) noexcept = default;
  ~Text() = default;

  std::string_view view() const;
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  bool empty() const { return bytes_ == nullptr; }
  std::size_t size() const { return view().size(); }

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  template <class S>
  requires(std::convertible_to<const S&, std::string_view> && !std::same_as<S, Text>) friend bool
  operator==(const Text& a, const S& b) {
    return a.view() == std::string_view(b);
  }

 private:
  std::unique_ptr<char[]> bytes_{};  ///< the length (4 bytes), then the text; null when empty
};

}  // namespace entente

template <>
struct std::hash<entente::Symbol> {
  std::size_t operator()(entente::Symbol s) const noexcept { return s.hash(); }
};

template <>
struct fmt::formatter<entente::Symbol> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(entente::Symbol s, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};

template <>
struct fmt::formatter<entente::Text> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const entente::Text& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.view(), ctx);
  }
};
