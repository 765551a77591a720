// Eight bytes of text classified at once, for the loops that read words: the
// tokenizer and fold_key copy runs of ASCII letters and digits, most of every
// word, eight bytes at a time instead of testing them one by one.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace kg {

// Which of eight bytes are ASCII letters and which of them are upper case
// (0x80 in each such byte), and where the run of ASCII letters and digits
// from the first byte ends: range tests on all eight at once. Adding
// 0x80 - lo to a byte below 0x80 sets its high bit exactly when the byte is
// lo or more, with no carry into the next byte.
struct AsciiWordBytes {
  static constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
  static_assert(std::endian::native == std::endian::little, "the first byte of memory is the lowest");

  std::uint64_t letters = 0;  // within the run
  std::uint64_t upper = 0;    // letters with bit 0x20 clear
  std::uint64_t lowered = 0;  // the eight bytes | 0x20: the run lower-cased (a digit has 0x20 set)
  std::size_t run = 0;        // bytes of the run, 8 when it fills the word

  // The eight bytes at `bytes`, the first as the lowest.
  static AsciiWordBytes at(const void* bytes) {
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    return AsciiWordBytes(word);
  }

  explicit AsciiWordBytes(std::uint64_t word) {
    std::uint64_t low7 = word & ~kHighBits;
    std::uint64_t folded = low7 | 0x20 * kOnes;
    auto at_least = [](std::uint64_t bytes, unsigned lo) { return bytes + (0x80 - lo) * kOnes; };
    std::uint64_t all_letters = at_least(folded, 'a') & ~at_least(folded, 'z' + 1);
    std::uint64_t digits = at_least(low7, '0') & ~at_least(low7, '9' + 1);
    std::uint64_t stops = ~((all_letters | digits) & ~word) & kHighBits;
    std::uint64_t in_run = (stops & (~stops + 1)) - 1;  // the bits below the first stop
    run = static_cast<std::size_t>(std::countr_zero(stops)) / 8;  // 64 / 8 when no stop
    letters = all_letters & ~word & in_run & kHighBits;
    upper = letters & ~(word << 2);  // bit 0x20 moved up to 0x80
    lowered = word | 0x20 * kOnes;
  }
};

}  // namespace kg
