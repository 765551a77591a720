// An open-addressing hash index of dense integer ids: the merge's tables of
// folded names, relationships and documents. The caller keeps the entries (in
// a vector, by id) and says what equal means; the index keeps only 32 bits
// of each id's hash beside the id, in one flat array: no node per entry, no
// rehash of strings, eight bytes a slot.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace kg::extract {

class IdIndex {
 public:
  // The id whose hash is `hash` and for which same(id) is true, with false;
  // or, when there is none, `fresh` (inserted) with true. `same` is called
  // only for ids whose hash agrees in 32 bits.
  template <class Same>
  std::pair<std::uint32_t, bool> find_or_insert(std::uint64_t hash, std::uint32_t fresh, const Same& same) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::uint32_t tag = tag_of(hash);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(tag);; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) {
        slot = {tag, fresh};
        ++size_;
        return {fresh, true};
      }
      if (slot.tag == tag && same(slot.id)) return {slot.id, false};
    }
  }

  // Starts loading the slot where `hash` would be looked for into the cache,
  // so that a later find_or_insert() of it need not wait for memory.
  void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(tag_of(hash))]);
  }

  // How many ids are indexed.
  std::size_t size() const { return size_; }

  // Makes room for `count` ids in all at once, so that inserting that many
  // does not grow the table (and move its slots) again and again.
  void reserve(std::size_t count) {
    std::size_t capacity = slots_.empty() ? 64 : slots_.size();
    while ((count + 1) * 2 > capacity) capacity *= 2;
    if (capacity != slots_.size()) rehash(capacity);
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t id = kEmpty;
  };

  // Fibonacci hashing: the top bits of the hash times the golden ratio
  // depend on all of its bits, so weak hashes (small integers, pairs of
  // them) spread over the table too. A slot's home is the tag's top bits.
  static std::uint32_t tag_of(std::uint64_t hash) {
    return static_cast<std::uint32_t>((hash * 0x9E3779B97F4A7C15ULL) >> 32);
  }
  std::size_t home(std::uint32_t tag) const { return tag >> shift_; }
  void grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }
  // Moves the slots into a table of `capacity` (a power of two) slots.
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    // Ids are 32-bit: a table of 2^32 slots is never more than half full.
    if (capacity > (std::size_t{1} << 32)) throw std::length_error("IdIndex: more than 2^31 ids");
    slots_.assign(capacity, Slot{});
    shift_ = 32;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    std::size_t mask = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.id == kEmpty) continue;
      std::size_t i = home(slot.tag);
      while (slots_[i].id != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two (at most 2^32), at most half full
  std::size_t size_ = 0;
  unsigned shift_ = 32;
};

}  // namespace kg::extract
