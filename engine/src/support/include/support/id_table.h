#pragma once
// Id -> index lookups for resolve(), which makes hundreds of thousands of them on a large
// scenario, in no order. An open-addressing table whose slots
// hold the key (its bytes when they fit in 16, as ids and PARTY/POSITION refs nearly always
// do; otherwise its view), hash and index: a lookup reads a slot (two when they collide),
// where std::unordered_map reads a bucket, a node and the key.

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace entente::detail {

class IdTable {
 public:
  /// The longest id a slot keeps a copy of; of a longer one it keeps the view.
  static constexpr std::size_t k_kept_in_slot = 16;

  /// Room for `expected` ids without growing.
  explicit IdTable(std::size_t expected = 0) { rehash(capacity_for(expected)); }

  /// Adds `id` with the next index (0, 1, 2, ... in the order of the calls) unless it is
  /// there already; returns the index of its first addition and whether this call added it.
  /// An id longer than k_kept_in_slot is kept as a view: its string must outlive the table.
  std::pair<std::uint32_t, bool> add(std::string_view id) {
    const auto index = static_cast<std::uint32_t>(count_++);
    if (2 * (distinct_ + 1) > slots_.size()) rehash(slots_.size() * 2);
    const std::uint64_t hash = hash_of(id);
    for (std::size_t s = slot_of(hash);; s = (s + 1) & mask_) {
      Slot& slot = slots_[s];
      if (slot.index == k_empty) {
        slot = Slot(id, static_cast<std::uint32_t>(hash), index);
        ++distinct_;
        return {index, true};
      }
      if (slot.holds(id, static_cast<std::uint32_t>(hash))) return {slot.index, false};
    }
  }

  /// The index `id` was first added with.
  std::optional<std::uint32_t> find(std::string_view id) const {
    const std::uint64_t hash = hash_of(id);
    for (std::size_t s = slot_of(hash);; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.index == k_empty) return std::nullopt;
      if (slot.holds(id, static_cast<std::uint32_t>(hash))) return slot.index;
    }
  }

  /// How many distinct ids.
  std::size_t size() const { return distinct_; }

 private:
  static constexpr std::uint32_t k_empty = UINT32_MAX;
  class Slot {
   public:
    Slot() = default;
    Slot(std::string_view id, std::uint32_t id_hash, std::uint32_t id_index)
        : size_(static_cast<std::uint32_t>(id.size())), hash(id_hash), index(id_index) {
      if (inline_key()) {
        std::memcpy(key_, id.data(), id.size());
      } else {
        const char* data = id.data();
        std::memcpy(key_, &data, sizeof data);
      }
    }
    std::string_view id() const {
      if (inline_key()) return {key_, size_};
      const char* data = nullptr;
      std::memcpy(&data, key_, sizeof data);
      return {data, size_};
    }
    bool holds(std::string_view id, std::uint32_t id_hash) const {
      return hash == id_hash && size_ == id.size() && this->id() == id;
    }

   private:
    bool inline_key() const { return size_ <= sizeof key_; }
    char key_[k_kept_in_slot] = {};  ///< the id's bytes when they fit, else a pointer to them
    std::uint32_t size_ = 0;

   public:
    std::uint32_t hash = 0;         ///< low bits of the id's hash
    std::uint32_t index = k_empty;  ///< of the id's first addition; k_empty: a free slot
  };

  static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
  // At most half full, and a power of two.
  static std::size_t capacity_for(std::size_t n) {
    std::size_t c = 16;
    while (c < 2 * n) c *= 2;
    return c;
  }
  // The high bits choose the slot: the low ones are kept in the slot to compare.
  std::size_t slot_of(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> 32) & mask_;
  }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.index == k_empty) continue;
      std::size_t s = slot_of(hash_of(slot.id()));
      while (slots_[s].index != k_empty) s = (s + 1) & mask_;
      slots_[s] = slot;
    }
  }

  std::vector<Slot> slots_{};
  std::size_t mask_ = 0;
  std::size_t distinct_ = 0;  ///< ids added, repeats not counted
  std::size_t count_ = 0;
};

}  // namespace entente::detail
