// The words of the rule files, numbered. The tokenizer gives each token the
// number of its key (Token::word), so that testing a token against a word set
// or a rule index is a bit test or an array access instead of hashing and
// comparing strings at every element of every rule.
//
// One numbering serves the whole process: tokens are made before the
// language, and so the rule set, of their article is known. Words are only
// added, never renumbered; a token made before a rule file added its key is
// looked up again by word_of().
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <shared_mutex>
#include <string_view>

#include "extract/document.h"

namespace kg::extract::vocabulary {

// The number of a key that no rule file uses.
inline constexpr std::uint32_t kUnknown = UINT32_MAX;

// The number of `key`, numbering it when new. Thread-safe.
std::uint32_t intern(std::string_view key);

namespace detail {
// How many words are numbered (written under the lock of intern()).
extern std::atomic<std::uint32_t> count;
// word_of() for a token labelled before the last words were added.
std::uint32_t find(std::string_view key);
// The table of numbered words (vocabulary.cpp).
struct Words;

// A slot of that table: a key packed as two words and its size (Packed in
// vocabulary.cpp), and its number, kUnknown for a free slot.
struct Slot {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::uint32_t size = 0;
  std::uint32_t number = kUnknown;
};

// The eight bytes at `bytes` as one number: an unaligned load that the
// compiler turns into a single move.
inline std::uint64_t load(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  return word;
}

// The bytes of a number below the first `count` (up to 8) cleared.
inline std::uint64_t first_bytes(std::uint64_t word, std::size_t count) {
  return count >= 8 ? word : word & ((std::uint64_t{1} << (8 * count)) - 1);
}

// The slot of a packed key in a table of 2^(64 - shift) slots: the top bits
// of a multiplicative hash, which depend on every bit of the key, so that a
// power-of-two table needs no division and the hash no final mixing.
inline std::size_t slot_of(std::uint64_t head, std::uint64_t tail, std::size_t size, unsigned shift) {
  return static_cast<std::size_t>((((head * 0x9e3779b97f4a7c15ull) ^ tail ^ size) * 0xbf58476d1ce4e5b9ull) >> shift);
}
}  // namespace detail

// How many words are numbered. Thread-safe.
inline std::uint32_t size() { return detail::count.load(std::memory_order_acquire); }

// Gives tokens their word numbers as the tokenizer makes them, while no word
// can be numbered: it holds a shared lock from construction to destruction,
// so that a lookup takes no lock. Thread-safe (one per thread).
class Labeler {
 public:
  Labeler();

  // How many words were numbered when it was made: Token::known_words.
  std::uint32_t known() const { return known_; }

  // The number of `key`, or kUnknown.
  std::uint32_t find(std::string_view key) const;

  // The number of the key of one byte `byte` (a mark: "," "."), or kUnknown,
  // without a call.
  std::uint32_t find_byte(char byte) const { return one_byte_keys_[static_cast<unsigned char>(byte)]; }

  // The number of the key of `size` bytes at `bytes`, or kUnknown, where the
  // 16 bytes from `bytes` may be read even past the key: a key of up to 16
  // bytes, most words, is then packed with two loads and looked up here,
  // without a call.
  std::uint32_t find_padded(const char* bytes, std::size_t size) const {
    if (size == 1) return find_byte(bytes[0]);
    if (size > 16 || size == 0) return find(std::string_view(bytes, size));
    std::uint64_t head = detail::first_bytes(detail::load(bytes), size);
    std::uint64_t tail = size <= 8 ? 0 : detail::first_bytes(detail::load(bytes + 8), size - 8);
    return find_packed(head, tail, size);
  }

  // The number of the key of `size` bytes, 2 to 16, packed as `head` (bytes
  // 0..7) and `tail` (bytes 8..15), zeros past its end; or kUnknown. For a
  // caller that holds the key in registers already.
  std::uint32_t find_packed(std::uint64_t head, std::uint64_t tail, std::size_t size) const {
    for (std::size_t i = detail::slot_of(head, tail, size, shift_);; i = (i + 1) & mask_) {
      const detail::Slot& slot = slots_[i];
      if (slot.number == kUnknown || (slot.head == head && slot.tail == tail && slot.size == size))
        return slot.number;
    }
  }

 private:
  std::shared_lock<std::shared_mutex> lock_;
  const detail::Words& words_;
  std::uint32_t known_;
  // The table's slots, its mask (a size less one), its slot_of() shift and
  // the numbers of the one-byte keys by their byte, read once rather than at
  // every key.
  const detail::Slot* slots_;
  std::size_t mask_;
  unsigned shift_;  // slot_of()'s for the table's size
  const std::uint32_t* one_byte_keys_;
};

// The number of the token's key, or kUnknown. Looks the key up again only
// when words were added since the token was labelled.
inline std::uint32_t word_of(const Token& token) {
  if (token.word != kUnknown || token.known_words == size()) return token.word;
  return detail::find(token.key);
}

// Whether some rule file uses the token's key: a cheap test before looking
// the key up in a table of the rule set.
inline bool is_rule_word(const Token& token) { return word_of(token) != kUnknown; }

}  // namespace kg::extract::vocabulary
