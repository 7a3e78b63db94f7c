#include "entente/strings.h"

#include <array>
#include <atomic>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <new>
#include <vector>

namespace entente {
namespace {

// The table behind Symbol. Its strings live in deques, so a string's address never changes,
// and are numbered from 1 in the order they come; a number finds its string in a directory of
// chunks, made as they are needed and never moved, so that reading one takes no lock. Each of
// sixteen shards finds its strings by open addressing over their numbers, under its own lock,
// so that the loader's parse threads rarely wait for each other. Never freed, so a symbol
// stays valid in any static object.
class SymbolTable {
 public:
  std::uint32_t intern(std::string_view s) {
    const std::size_t h = std::hash<std::string_view>{}(s);
    // Names repeat (a party's id in each of its positions and in every audience that names
    // it): each thread remembers the ones it met last and finds those without a lock, which
    // two threads decoding the same names would otherwise take in turns.
    thread_local std::array<std::uint32_t, k_recent> recent{};
    std::uint32_t& seen = recent[h % k_recent];
    if (seen != 0 && at(seen) == s) return seen;
    Shard& shard = shards_[(h >> 56U) % k_shards];
    const std::lock_guard lock(shard.mutex);
    seen = shard.intern(s, h, *this);
    return seen;
  }

  // A number made by intern(): its string was entered before the number was handed out, under
  // a lock or in a thread that handed the number on since (which orders the two).
  const std::string& at(std::uint32_t id) const {
    const Chunk* chunk = chunks_[id >> k_chunk_bits].load(std::memory_order_acquire);
    return *(*chunk)[id & (k_chunk_size - 1)];
  }

 private:
  static constexpr std::size_t k_shards = 16;
  static constexpr std::size_t k_recent = 4096;
  static constexpr std::uint32_t k_chunk_bits = 16;
  static constexpr std::size_t k_chunk_size = std::size_t{1} << k_chunk_bits;
  static constexpr std::size_t k_chunks = std::size_t{1} << 14;  // 2^30 names in all
  using Chunk = std::array<const std::string*, k_chunk_size>;

  // Numbers `s`, kept at a stable address (called under its shard's lock).
  std::uint32_t number(const std::string* s) {
    const std::uint32_t id = next_.fetch_add(1, std::memory_order_relaxed);
    if (id >> k_chunk_bits >= k_chunks) throw std::bad_alloc();  // more names than memory
    std::atomic<Chunk*>& slot = chunks_[id >> k_chunk_bits];
    Chunk* chunk = slot.load(std::memory_order_acquire);
    if (chunk == nullptr) {
      const std::lock_guard lock(chunks_mutex_);
      chunk = slot.load(std::memory_order_relaxed);
      if (chunk == nullptr) {
        chunk = new Chunk;  // NOLINT(cppcoreguidelines-owning-memory): never freed, see above
        slot.store(chunk, std::memory_order_release);
      }
    }
    (*chunk)[id & (k_chunk_size - 1)] = s;
    return id;
  }

  struct Shard {
    std::mutex mutex;
    std::deque<std::string> strings;
    std::vector<std::uint32_t> slots = std::vector<std::uint32_t>(64);  ///< numbers; 0: free

    std::uint32_t intern(std::string_view s, std::size_t h, SymbolTable& table) {
      const std::size_t mask = slots.size() - 1;
      for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        if (slots[i] == 0) {
          const std::uint32_t added = table.number(&strings.emplace_back(s));
          slots[i] = added;
          if (strings.size() * 2 > slots.size()) grow(table);
          return added;
        }
        if (table.at(slots[i]) == s) return slots[i];
      }
    }

    void grow(const SymbolTable& table) {
      std::vector<std::uint32_t> bigger(slots.size() * 2);
      const std::size_t mask = bigger.size() - 1;
      for (const std::uint32_t id : slots) {
        if (id == 0) continue;
        std::size_t i = std::hash<std::string_view>{}(table.at(id)) & mask;
        while (bigger[i] != 0) i = (i + 1) & mask;
        bigger[i] = id;
      }
      slots.swap(bigger);
    }
  };

  std::array<Shard, k_shards> shards_;
  std::atomic<std::uint32_t> next_{1};
  std::mutex chunks_mutex_;
  std::array<std::atomic<Chunk*>, k_chunks> chunks_{};
};

SymbolTable& symbol_table() {
  static auto* table = new SymbolTable();  // never destroyed, see SymbolTable
  return *table;
}

const std::string k_empty;

}  // namespace

Symbol::Symbol(std::string_view s) : id_(s.empty() ? 0 : symbol_table().intern(s)) {}

const std::string& Symbol::str() const { return id_ != 0 ? symbol_table().at(id_) : k_empty; }

Text::Text(std::string_view s) {
  if (s.empty()) return;
  // Longer text than a 32-bit length can say cannot reach here: the loader caps a file's size.
  if (s.size() > std::numeric_limits<std::uint32_t>::max()) throw std::bad_alloc();
  const auto size = static_cast<std::uint32_t>(s.size());
  bytes_ = std::make_unique_for_overwrite<char[]>(sizeof size + s.size());
  std::memcpy(bytes_.get(), &size, sizeof size);
  std::memcpy(bytes_.get() + sizeof size, s.data(), s.size());
}

std::string_view Text::view() const {
  if (bytes_ == nullptr) return {};
  std::uint32_t size = 0;
  std::memcpy(&size, bytes_.get(), sizeof size);
  return {bytes_.get() + sizeof size, size};
}

}  // namespace entente
