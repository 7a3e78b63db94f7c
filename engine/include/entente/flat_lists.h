#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace entente {

/// Many short lists end to end in one vector: list i is a span. For the many short lists a
/// pass reads in no order (a vector per list costs an allocation and a cache miss of its own).
template <class T>
class FlatLists {
 public:
  void reserve(std::size_t lists, std::size_t items) {
    ends_.reserve(lists);
    items_.reserve(items);
  }
  /// Appends an item to the list being built.
  void push(const T& item) { items_.push_back(item); }
  /// Ends the list being built: it becomes list size() - 1.
  void end_list() { ends_.push_back(static_cast<std::uint32_t>(items_.size())); }
  /// Makes `lists` lists, list i of size_of(i) value-initialised items, to be filled in
  /// place (by two threads, each its own lists, say).
  template <class SizeOf>
  void assign_sizes(std::size_t lists, SizeOf size_of) {
    ends_.clear();
    ends_.reserve(lists);
    std::size_t items = 0;
    for (std::size_t i = 0; i < lists; ++i) {
      items += size_of(i);
      ends_.push_back(static_cast<std::uint32_t>(items));
    }
    items_.assign(items, T{});
  }

  /// How many lists.
  std::size_t size() const { return ends_.size(); }
  std::span<T> operator[](std::size_t i) {
    return {items_.data() + begin(i), items_.data() + ends_[i]};
  }
  std::span<const T> operator[](std::size_t i) const {
    return {items_.data() + begin(i), items_.data() + ends_[i]};
  }
  /// Every item, list after list.
  std::span<const T> items() const { return items_; }

  friend bool operator==(const FlatLists&, const FlatLists&) = default;

 private:
  std::size_t begin(std::size_t i) const { return i == 0 ? 0 : ends_[i - 1]; }
  std::vector<T> items_{};
  std::vector<std::uint32_t> ends_{};  ///< by list: where it ends in items_
};

}  // namespace entente
