#pragma once
// Why not std::optional: an optional holds the room of its value in every item, present or
// not. A stance is 104 bytes with two of these and 152 with two std::optional<IdRef>, and
// most stances of a large scenario name neither a `via` nor a source. This is the one
// std::unique_ptr outside a pimpl (STYLE.md section 3): it owns its value as a value type
// does (copies copy it, nothing is shared), only not in place.

#include <memory>
#include <optional>
#include <utility>

namespace entente {

/// An optional value kept on the heap: the size of a pointer when absent.
template <class T>
class HeapOptional {
 public:
  HeapOptional() noexcept = default;
  HeapOptional(std::nullopt_t) noexcept {}  // NOLINT(google-explicit-constructor): as optional
  HeapOptional(T value)                     // NOLINT(google-explicit-constructor): as optional
      : value_(std::make_unique<T>(std::move(value))) {}
  HeapOptional(std::optional<T> value)  // NOLINT(google-explicit-constructor): as optional
      : value_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  HeapOptional(const HeapOptional& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  /// Leaves `other` empty (a moved-from std::optional keeps a moved-from value).
  HeapOptional(HeapOptional&& other) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&& other) noexcept = default;
  ~HeapOptional() = default;

  bool has_value() const noexcept { return value_ != nullptr; }
  explicit operator bool() const noexcept { return has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }

  void reset() noexcept { value_.reset(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }

  // As std::optional's: empty equals empty, values compare as values, empty is not a value.
  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    return a && b ? *a == *b : a.has_value() == b.has_value();
  }
  friend bool operator==(const HeapOptional& a, const std::optional<T>& b) {
    return a && b ? *a == *b : a.has_value() == b.has_value();
  }
  friend bool operator==(const HeapOptional& a, const T& b) { return a && *a == b; }
  friend bool operator==(const HeapOptional& a, std::nullopt_t) noexcept { return !a; }

 private:
  std::unique_ptr<T> value_{};
};

}  // namespace entente
