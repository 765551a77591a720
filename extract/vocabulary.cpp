#include "extract/vocabulary.h"

#include <cstring>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace kg::extract::vocabulary {

namespace {

// Up to `size` (1 to 8) bytes at `bytes` as one number: an unaligned load
// that the compiler turns into a single move.
std::uint64_t load(const char* bytes, std::size_t size) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, size);
  return word;
}

// A hash of a key from its first and last bytes and its size, read a word
// at a time rather than byte by byte: keys are short words, so two
// overlapping loads cover most of them whole, and the slots compare the
// keys themselves anyway. A power-of-two table needs no division.
std::uint64_t hash_key(std::string_view key) {
  const char* bytes = key.data();
  std::size_t size = key.size();
  std::uint64_t head = 0, tail = 0;
  if (size >= 8) {
    head = load(bytes, 8);
    tail = load(bytes + size - 8, 8);
  } else if (size >= 4) {
    head = load(bytes, 4);
    tail = load(bytes + size - 4, 4);
  } else if (size > 0) {
    head = static_cast<unsigned char>(bytes[0]) | std::uint64_t{static_cast<unsigned char>(bytes[size / 2])} << 8 |
           std::uint64_t{static_cast<unsigned char>(bytes[size - 1])} << 16;
  }
  std::uint64_t h = (head ^ 0x9e3779b97f4a7c15ull) * 0xbf58476d1ce4e5b9ull ^
                    (tail + size) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);  // high bits into the low ones, which pick the slot
}

// An open-addressing table of the numbered words, probed linearly: every
// token's key is looked up in it, so a lookup is one hash and, mostly, one
// slot compared, instead of a division and a chain of nodes.
struct Words {
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;  // into `keys`; empty for a free slot
    std::uint32_t number = kUnknown;
  };
  std::uint32_t empty_key = kUnknown;  // the number of "", kept aside since "" marks a free slot
  std::shared_mutex mutex;
  std::deque<std::string> keys;  // by number; a deque, so that slots' views stay valid
  std::vector<Slot> slots = std::vector<Slot>(1024);

  std::uint32_t find(std::string_view key) const {
    if (key.empty()) return empty_key;
    std::uint64_t hash = hash_key(key);
    std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (slot.key.empty()) return kUnknown;
      if (slot.hash == hash && slot.key == key) return slot.number;
    }
  }

  void insert(std::string_view key, std::uint32_t number) {
    if (key.empty()) {
      empty_key = number;
      return;
    }
    if (2 * (keys.size() + 1) > slots.size()) {  // at most half full: probes stay short
      std::vector<Slot> old(slots.size() * 2);
      old.swap(slots);
      for (const Slot& slot : old)
        if (!slot.key.empty()) place(slot);
    }
    keys.emplace_back(key);
    place({hash_key(key), keys.back(), number});
  }

  void place(const Slot& slot) {
    std::size_t mask = slots.size() - 1;
    std::size_t i = slot.hash & mask;
    while (!slots[i].key.empty()) i = (i + 1) & mask;
    slots[i] = slot;
  }
};

Words& words() {
  static Words instance;
  return instance;
}

}  // namespace

std::atomic<std::uint32_t> detail::count{0};

std::uint32_t intern(std::string_view key) {
  Words& w = words();
  std::unique_lock lock(w.mutex);
  if (std::uint32_t known = w.find(key); known != kUnknown) return known;
  std::uint32_t number = detail::count.load();
  w.insert(key, number);
  detail::count.store(number + 1, std::memory_order_release);
  return number;
}

void label(std::vector<Token>& tokens) {
  Words& w = words();
  std::shared_lock lock(w.mutex);
  std::uint32_t known = detail::count.load();
  for (Token& t : tokens) {
    t.word = w.find(t.key);
    t.known_words = known;
  }
}

std::uint32_t detail::find(std::string_view key) {
  Words& w = words();
  std::shared_lock lock(w.mutex);
  return w.find(key);
}

}  // namespace kg::extract::vocabulary
