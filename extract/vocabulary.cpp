#include "extract/vocabulary.h"

#include <deque>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace kg::extract::vocabulary {

namespace {

// FNV-1a: keys are short words, and a power-of-two table needs no division.
std::uint64_t hash_key(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
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
