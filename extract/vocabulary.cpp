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

// The hash of a key from its packed form (Packed below), which picks its
// slot; a power-of-two table needs no division.
std::uint64_t hash_packed(std::uint64_t head, std::uint64_t tail, std::size_t size) {
  std::uint64_t h = (head ^ 0x9e3779b97f4a7c15ull) * 0xbf58476d1ce4e5b9ull ^ (tail + size) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);  // high bits into the low ones, which pick the slot
}

// A key as two words and its size: its first and last (up to) eight bytes,
// read with two overlapping loads rather than byte by byte. For a key of
// sixteen bytes or fewer, most rule words, the three are the key itself, so
// that a slot compares them instead of the bytes.
struct Packed {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::size_t size = 0;

  explicit Packed(std::string_view key) : size(key.size()) {
    const char* bytes = key.data();
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
  }

  // Whether the packed form is the whole key.
  bool whole() const { return size <= 16; }

  std::uint64_t hash() const { return hash_packed(head, tail, size); }
};

// An open-addressing table of the numbered words, probed linearly: every
// token's key is looked up in it, so a lookup is one hash and, mostly, one
// slot compared as three numbers, instead of a division and a chain of nodes.
struct Words {
  struct Slot {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint32_t size = 0;
    std::uint32_t number = kUnknown;  // kUnknown for a free slot
  };
  std::uint32_t empty_key = kUnknown;  // the number of "", kept aside: its packed form is all zeros
  std::shared_mutex mutex;
  std::deque<std::string> keys;  // by number: the keys longer than their packed form are compared here
  std::vector<Slot> slots = std::vector<Slot>(1024);

  // Looks keys up without a change to the table between two of them: its
  // slots and their mask are read once, not again at every key, which a
  // store to a token would make the compiler do.
  class Reader {
   public:
    explicit Reader(const Words& words)
        : words_(words), slots_(words.slots.data()), mask_(words.slots.size() - 1) {}

    std::uint32_t find(std::string_view key) const {
      if (key.empty()) return words_.empty_key;
      Packed packed(key);
      for (std::size_t i = packed.hash() & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.number == kUnknown) return kUnknown;
        if (slot.head == packed.head && slot.tail == packed.tail && slot.size == packed.size &&
            (packed.whole() || words_.keys[slot.number] == key))
          return slot.number;
      }
    }

   private:
    const Words& words_;
    const Slot* slots_;
    std::size_t mask_;
  };

  std::uint32_t find(std::string_view key) const { return Reader(*this).find(key); }

  void insert(std::string_view key, std::uint32_t number) {
    keys.emplace_back(key);
    if (key.empty()) {
      empty_key = number;
      return;
    }
    if (2 * (keys.size() + 1) > slots.size()) {  // at most half full: probes stay short
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
    std::size_t i = hash_packed(slot.head, slot.tail, slot.size) & mask;
    while (slots[i].number != kUnknown) i = (i + 1) & mask;
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
  const Words::Reader reader(w);
  for (Token& t : tokens) {
    t.word = reader.find(t.key);
    t.known_words = known;
  }
}

std::uint32_t detail::find(std::string_view key) {
  Words& w = words();
  std::shared_lock lock(w.mutex);
  return w.find(key);
}

}  // namespace kg::extract::vocabulary
