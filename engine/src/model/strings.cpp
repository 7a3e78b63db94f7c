#include "entente/strings.h"

#include <array>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <new>
#include <vector>

namespace entente {
namespace {

// The table behind Symbol. Its strings live in deques, so a string's address never changes;
// each shard finds them by open addressing over their addresses. Sixteen shards, each with its
// own lock, so that the loader's parse threads rarely wait for each other. Never freed, so a
// handle stays valid in any static object.
class SymbolTable {
 public:
  const std::string* intern(std::string_view s) {
    const std::size_t h = std::hash<std::string_view>{}(s);
    Shard& shard = shards_[(h >> 56U) % k_shards];
    const std::lock_guard lock(shard.mutex);
    return shard.intern(s, h);
  }

 private:
  static constexpr std::size_t k_shards = 16;

  struct Shard {
    std::mutex mutex;
    std::deque<std::string> strings;
    std::vector<const std::string*> slots = std::vector<const std::string*>(64);

    const std::string* intern(std::string_view s, std::size_t h) {
      const std::size_t mask = slots.size() - 1;
      for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        if (slots[i] == nullptr) {
          const std::string* added = &strings.emplace_back(s);
          slots[i] = added;
          if (strings.size() * 2 > slots.size()) grow();
          return added;
        }
        if (*slots[i] == s) return slots[i];
      }
    }

    void grow() {
      std::vector<const std::string*> bigger(slots.size() * 2);
      const std::size_t mask = bigger.size() - 1;
      for (const std::string* s : slots) {
        if (s == nullptr) continue;
        std::size_t i = std::hash<std::string_view>{}(*s) & mask;
        while (bigger[i] != nullptr) i = (i + 1) & mask;
        bigger[i] = s;
      }
      slots.swap(bigger);
    }
  };

  std::array<Shard, k_shards> shards_;
};

SymbolTable& symbol_table() {
  static auto* table = new SymbolTable();  // never destroyed, see SymbolTable
  return *table;
}

const std::string k_empty;

}  // namespace

Symbol::Symbol(std::string_view s) : s_(s.empty() ? nullptr : symbol_table().intern(s)) {}

const std::string& Symbol::str() const { return s_ != nullptr ? *s_ : k_empty; }

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
