#pragma once
// Why not std::vector: a vector is three pointers in every item that holds one, empty or not.
// A position holds two lists (`to`, `sources`) and a stance two (`agree_if`, `sources`), most
// of them empty or of two or three names; on a scenario of 100,000 positions and 160,000
// stances the two pointers a vector spends beyond this one are 8 MB, and a vector grown item
// by item keeps room it never fills. This list is one pointer: to a block that holds its size,
// its capacity and its items, or null when it is empty. It is a value type: copies copy.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <new>
#include <span>
#include <utility>
#include <vector>

namespace entente {

/// A list of T in one heap block, the size of a pointer; null when empty.
template <class T>
class CompactList {
 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  CompactList() noexcept = default;
  CompactList(std::initializer_list<T> items) { assign(items.begin(), items.end()); }
  CompactList(const std::vector<T>& items) {  // NOLINT(google-explicit-constructor): a list
    assign(items.begin(), items.end());
  }
  CompactList(std::vector<T>&& items) {  // NOLINT(google-explicit-constructor): a list
    assign(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
  }
  CompactList(const CompactList& other) { assign(other.begin(), other.end()); }
  CompactList(CompactList&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  CompactList& operator=(const CompactList& other) {
    if (this != &other) CompactList(other).swap(*this);
    return *this;
  }
  CompactList& operator=(CompactList&& other) noexcept {
    CompactList(std::move(other)).swap(*this);
    return *this;
  }
  ~CompactList() { release(); }

  void swap(CompactList& other) noexcept { std::swap(block_, other.block_); }

  std::size_t size() const noexcept { return block_ == nullptr ? 0 : block_->size; }
  bool empty() const noexcept { return size() == 0; }
  T* data() noexcept { return block_ == nullptr ? nullptr : items(block_); }
  const T* data() const noexcept { return block_ == nullptr ? nullptr : items(block_); }
  T* begin() noexcept { return data(); }
  T* end() noexcept { return data() + size(); }
  const T* begin() const noexcept { return data(); }
  const T* end() const noexcept { return data() + size(); }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  T& front() { return *begin(); }
  const T& front() const { return *begin(); }
  T& back() { return end()[-1]; }
  const T& back() const { return end()[-1]; }
  operator std::span<const T>() const noexcept {  // NOLINT(google-explicit-constructor)
    return {data(), size()};
  }

  void clear() noexcept { release(); }
  /// Room for `n` items in all, so that adding up to there does not move them.
  void reserve(std::size_t n) {
    if (n > capacity()) grow_to(n);
  }
  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (size() == capacity()) grow_to(std::max<std::size_t>(2 * capacity(), 1));
    T* added = ::new (static_cast<void*>(end())) T(std::forward<Args>(args)...);
    ++block_->size;
    return *added;
  }

  friend bool operator==(const CompactList& a, const CompactList& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const CompactList& a, const std::vector<T>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  struct Block {
    std::uint32_t size = 0;
    std::uint32_t capacity = 0;
  };
  static constexpr std::size_t k_items_at =
      (sizeof(Block) + alignof(T) - 1) / alignof(T) * alignof(T);
  static_assert(alignof(T) <= alignof(std::max_align_t), "items over-aligned for new");

  static T* items(Block* b) noexcept {
    return std::launder(reinterpret_cast<T*>(reinterpret_cast<std::byte*>(b) + k_items_at));
  }
  static const T* items(const Block* b) noexcept {
    return std::launder(
        reinterpret_cast<const T*>(reinterpret_cast<const std::byte*>(b) + k_items_at));
  }
  std::size_t capacity() const noexcept { return block_ == nullptr ? 0 : block_->capacity; }

  template <class It>
  void assign(It first, It last) {
    const auto n = static_cast<std::size_t>(std::distance(first, last));
    if (n == 0) return;
    grow_to(n);
    for (; first != last; ++first) emplace_back(*first);
  }

  // A block for `n` items, the items moved into it.
  void grow_to(std::size_t n) {
    if (n > UINT32_MAX) throw std::bad_alloc();
    auto* bigger = static_cast<Block*>(::operator new(k_items_at + n * sizeof(T)));
    ::new (static_cast<void*>(bigger)) Block{0, static_cast<std::uint32_t>(n)};
    if (block_ != nullptr) {
      std::uninitialized_move(begin(), end(), items(bigger));
      bigger->size = block_->size;
      release();
    }
    block_ = bigger;
  }

  void release() noexcept {
    if (block_ == nullptr) return;
    std::destroy(begin(), end());
    ::operator delete(block_);
    block_ = nullptr;
  }

  Block* block_ = nullptr;
};

}  // namespace entente
