#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace entente {

/// An optional value kept on the heap: the size of a pointer when absent, where a
/// std::optional holds the whole value's room in every item. For the fields that most items
/// of a large list leave out (a stance's `via` and `source`). A value type: copies copy the
/// value. The interface is std::optional's, as far as the model uses it.
template <class T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): as std::optional
  HeapOptional(T value)            // NOLINT(google-explicit-constructor): as std::optional
      : value_(std::make_unique<T>(std::move(value))) {}
  HeapOptional(std::optional<T> value)  // NOLINT(google-explicit-constructor)
      : value_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  HeapOptional(const HeapOptional& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  ~HeapOptional() = default;

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }

  void reset() { value_.reset(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }

  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    return a && b ? *a == *b : a.has_value() == b.has_value();
  }
  friend bool operator==(const HeapOptional& a, std::nullopt_t) { return !a; }

 private:
  std::unique_ptr<T> value_{};
};

}  // namespace entente
