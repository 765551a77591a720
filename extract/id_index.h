// An open-addressing hash index of dense integer ids: the merge's tables of
// folded names, relationships and documents. The caller keeps the entries (in
// a vector, by id) and says what equal means; the index keeps only each id's
// 64-bit hash, in one flat array: no node per entry, no rehash of strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kg::extract {

class IdIndex {
 public:
  // The id whose hash is `hash` and for which same(id) is true, with false;
  // or, when there is none, `fresh` (inserted) with true. `same` is called only
  // for ids of the same hash.
  template <class Same>
  std::pair<std::uint32_t, bool> find_or_insert(std::uint64_t hash, std::uint32_t fresh, const Same& same) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(hash);; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) {
        slot = {hash, fresh};
        ++size_;
        return {fresh, true};
      }
      if (slot.hash == hash && same(slot.id)) return {slot.id, false};
    }
  }

  // How many ids are indexed.
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = kEmpty;
  };

  // Fibonacci hashing: the top bits of a multiplication spread even weak
  // hashes (small integers) over the table.
  std::size_t home(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    std::size_t capacity = old.empty() ? 64 : old.size() * 2;
    slots_.assign(capacity, Slot{});
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    std::size_t mask = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.id == kEmpty) continue;
      std::size_t i = home(slot.hash);
      while (slots_[i].id != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t size_ = 0;
  unsigned shift_ = 64;
};

}  // namespace kg::extract
