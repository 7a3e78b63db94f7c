#pragma once
// Id -> index lookups for the cross-file passes (validate, graph), which make hundreds of
// thousands of them on a large scenario. An open-addressing table of (hash, index) pairs:
// a lookup touches one or two slots of a small array and then the one key it compares,
// where std::unordered_map walks a bucket, a node and the key.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace entente::detail {

class IdTable {
 public:
  /// Room for `expected` ids without growing.
  explicit IdTable(std::size_t expected = 0) { rehash(capacity_for(expected)); }

  /// Adds `id` with the next index (0, 1, 2, ... in the order of the calls) unless it is
  /// there already; returns the index of its first addition and whether this call added it.
  /// The table keeps the view: the string must outlive the table.
  std::pair<std::uint32_t, bool> add(std::string_view id) {
    const auto index = static_cast<std::uint32_t>(count_++);
    if (2 * (keys_.size() + 1) > slots_.size()) rehash(slots_.size() * 2);
    const std::uint64_t hash = hash_of(id);
    for (std::size_t s = slot_of(hash);; s = (s + 1) & mask_) {
      Slot& slot = slots_[s];
      if (slot.key == k_empty) {
        slot = {static_cast<std::uint32_t>(hash), static_cast<std::uint32_t>(keys_.size())};
        keys_.push_back({id, index});
        return {index, true};
      }
      if (slot.hash == static_cast<std::uint32_t>(hash) && keys_[slot.key].id == id) {
        return {keys_[slot.key].index, false};
      }
    }
  }

  /// The index `id` was first added with.
  std::optional<std::uint32_t> find(std::string_view id) const {
    const std::uint64_t hash = hash_of(id);
    for (std::size_t s = slot_of(hash);; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.key == k_empty) return std::nullopt;
      if (slot.hash == static_cast<std::uint32_t>(hash) && keys_[slot.key].id == id) {
        return keys_[slot.key].index;
      }
    }
  }

  /// The distinct ids, in the order they were first added.
  std::vector<std::string_view> ids() const {
    std::vector<std::string_view> out;
    out.reserve(keys_.size());
    for (const Key& key : keys_) out.push_back(key.id);
    return out;
  }

 private:
  static constexpr std::uint32_t k_empty = UINT32_MAX;
  struct Slot {
    std::uint32_t hash = 0;      ///< low bits of the key's hash
    std::uint32_t key = k_empty;  ///< index in keys_
  };
  struct Key {
    std::string_view id;
    std::uint32_t index = 0;
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
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (std::uint32_t k = 0; k < keys_.size(); ++k) {
      const std::uint64_t hash = hash_of(keys_[k].id);
      std::size_t s = slot_of(hash);
      while (slots_[s].key != k_empty) s = (s + 1) & mask_;
      slots_[s] = {static_cast<std::uint32_t>(hash), k};
    }
  }

  std::vector<Slot> slots_{};
  std::size_t mask_ = 0;
  std::vector<Key> keys_{};
  std::size_t count_ = 0;
};

}  // namespace entente::detail
