#include "extract/vocabulary.h"

#include <array>
#include <bit>
#include <cstring>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "graph/short_copy.h"

namespace kg::extract::vocabulary {

namespace {

using detail::first_bytes;
using detail::slot_of;
using detail::load;

// A key as two words and its size. A key of up to sixteen bytes, most rule
// words, is its bytes 0..7 and 8..15 with zeros past its end, so that a slot
// compares three numbers instead of the bytes; a longer one is its first and
// last eight bytes, and its bytes are compared too.
struct Packed {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::size_t size = 0;

  explicit Packed(std::string_view key) : size(key.size()) {
    if (size > 16) {
      head = load(key.data());
      tail = load(key.data() + size - 8);
    } else {
      char padded[16] = {};
      copy_short(key.data(), size, padded);
      head = load(padded);
      tail = load(padded + 8);
    }
  }

  // Whether the packed form is the whole key.
  bool whole() const { return size <= 16; }

  // Its slot in a table of 2^(64 - shift) slots.
  std::size_t slot(unsigned shift) const { return slot_of(head, tail, size, shift); }
};

}  // namespace

// An open-addressing table of the numbered words, probed linearly: every
// token's key is looked up in it, so a lookup is one hash and, mostly, one
// slot compared as three numbers, instead of a division and a chain of nodes.
// The keys of one byte, the marks, are also kept by their byte.
struct detail::Words {
  std::shared_mutex mutex;
  std::deque<std::string> keys;  // by number: the keys longer than their packed form are compared here
  std::vector<Slot> slots = std::vector<Slot>(1024);
  std::array<std::uint32_t, 256> one_byte_keys = [] {
    std::array<std::uint32_t, 256> numbers;
    numbers.fill(kUnknown);
    return numbers;
  }();

  std::uint32_t find(std::string_view key) const {
    if (key.size() == 1) return one_byte_keys[static_cast<unsigned char>(key[0])];
    return find(Packed(key), key);
  }

  std::uint32_t find(const Packed& packed, std::string_view key) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = packed.slot(shift());; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (slot.number == kUnknown) return kUnknown;
      if (slot.head == packed.head && slot.tail == packed.tail && slot.size == packed.size &&
          (packed.whole() || keys[slot.number] == key))
        return slot.number;
    }
  }

  // slot_of()'s shift for the table's size, a power of two.
  unsigned shift() const { return static_cast<unsigned>(std::countl_zero(slots.size())) + 1; }

  void insert(std::string_view key, std::uint32_t number) {
    keys.emplace_back(key);
    if (key.size() == 1) one_byte_keys[static_cast<unsigned char>(key[0])] = number;
    // At most a quarter full: every token's key is looked up, and a third of
    // them, no rule word, probe on to a free slot; fewer probes at this load
    // than at half full, for a table that still fits in the L2 cache.
    if (4 * (keys.size() + 1) > slots.size()) {
      std::vector<Slot> old(slots.size() * 2);
      old.swap(slots);
      for (const Slot& slot : old)
        if (slot.number != kUnknown) place(slot);
    }
    Packed packed(key);
    place({packed.head, packed.tail, static_cast<std::uint32_t>(packed.size), number});
  }

  void place(const Slot& slot) {
    std::size_t mask = slots.size() - 1;
    std::size_t i = slot_of(slot.head, slot.tail, slot.size, shift());
    while (slots[i].number != kUnknown) i = (i + 1) & mask;
    slots[i] = slot;
  }
};

namespace {

detail::Words& words() {
  static detail::Words instance;
  return instance;
}

}  // namespace

std::atomic<std::uint32_t> detail::count{0};

std::uint32_t intern(std::string_view key) {
  detail::Words& w = words();
  std::unique_lock lock(w.mutex);
  if (std::uint32_t known = w.find(key); known != kUnknown) return known;
  std::uint32_t number = detail::count.load();
  w.insert(key, number);
  detail::count.store(number + 1, std::memory_order_release);
  return number;
}

Labeler::Labeler()
    : lock_(words().mutex),
      words_(words()),
      known_(detail::count.load()),
      slots_(words_.slots.data()),
      mask_(words_.slots.size() - 1),
      shift_(words_.shift()),
      one_byte_keys_(words_.one_byte_keys.data()) {}

std::uint32_t Labeler::find(std::string_view key) const { return words_.find(key); }

std::uint32_t detail::find(std::string_view key) {
  detail::Words& w = words();
  std::shared_lock lock(w.mutex);
  return w.find(key);
}

}  // namespace kg::extract::vocabulary
