#pragma once
// Name -> index lookups for resolve(), which makes hundreds of thousands of them on a large
// scenario, in no order. A name comes as a number: the number of an id in the table of names
// (entente::Symbol's number(): equal ids, equal numbers), or two of them in one (a party's and
// one of its positions'), so that a lookup hashes and compares one integer and reads one slot
// (two when they collide), never the name's bytes.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace entente::detail {

class IdTable {
 public:
  /// Room for `expected` names without growing.
  explicit IdTable(std::size_t expected = 0) { rehash(capacity_for(expected)); }

  /// Adds `name` with the next index (0, 1, 2, ... in the order of the calls) unless it is
  /// there already; returns the index of its first addition and whether this call added it.
  std::pair<std::uint32_t, bool> add(std::uint64_t name) {
    const auto index = static_cast<std::uint32_t>(count_++);
    if (2 * (distinct_ + 1) > slots_.size()) rehash(slots_.size() * 2);
    for (std::size_t s = slot_of(name);; s = (s + 1) & mask_) {
      Slot& slot = slots_[s];
      if (slot.index == k_free) {
        slot = {name, index};
        ++distinct_;
        return {index, true};
      }
      if (slot.name == name) return {slot.index, false};
    }
  }

  /// The index `name` was first added with.
  std::optional<std::uint32_t> find(std::uint64_t name) const {
    for (std::size_t s = slot_of(name);; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.index == k_free) return std::nullopt;
      if (slot.name == name) return slot.index;
    }
  }

  /// How many distinct names.
  std::size_t size() const { return distinct_; }

 private:
  static constexpr std::uint32_t k_free = UINT32_MAX;
  struct Slot {
    std::uint64_t name = 0;
    std::uint32_t index = k_free;  ///< of the name's first addition; k_free: a free slot
  };

  // At most half full, and a power of two.
  static std::size_t capacity_for(std::size_t n) {
    std::size_t c = 16;
    while (c < 2 * n) c *= 2;
    return c;
  }
  // Numbers come in runs (a file's ids are numbered as it is read): a multiplicative hash
  // spreads them over the table, its high bits choosing the slot.
  std::size_t slot_of(std::uint64_t name) const {
    return static_cast<std::size_t>(((name ^ (name >> 29U)) * 0x9E3779B97F4A7C15ULL) >> 32U) &
           mask_;
  }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.index == k_free) continue;
      std::size_t s = slot_of(slot.name);
      while (slots_[s].index != k_free) s = (s + 1) & mask_;
      slots_[s] = slot;
    }
  }

  std::vector<Slot> slots_{};
  std::size_t mask_ = 0;
  std::size_t distinct_ = 0;  ///< names added, repeats not counted
  std::size_t count_ = 0;
};

}  // namespace entente::detail
