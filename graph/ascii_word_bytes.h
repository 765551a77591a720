// Eight or sixteen bytes of text classified at once, for the loops that read
// words: the tokenizer and fold_key copy runs of ASCII letters and digits,
// most of every word, eight or sixteen bytes at a time instead of testing
// them one by one.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstddef>
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

// Sixteen bytes classified as AsciiWordBytes does eight, with one bit a byte
// (bit k for byte k): most words fit in one, and with SSE2 the tests take a
// few vector instructions for all sixteen bytes.
struct AsciiWordBytes16 {
  std::uint32_t letters = 0;  // within the run
  std::uint32_t upper = 0;    // letters with bit 0x20 clear
  std::size_t run = 0;        // bytes of the run, 16 when it fills the sixteen

  // The sixteen bytes at `bytes`, the first as bit 0.
  explicit AsciiWordBytes16(const char* bytes) {
#if defined(__SSE2__)
    __m128i word = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
    __m128i folded = _mm_or_si128(word, _mm_set1_epi8(0x20));
    // x in [lo, lo + n) exactly when x + (0x80 - lo), as a signed byte, is
    // below -0x80 + n; a byte of 0x80 or more is in neither range.
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                    _mm_set1_epi8(static_cast<char>(-0x80 + 26)));
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(word, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                   _mm_set1_epi8(static_cast<char>(-0x80 + 10)));
    auto all_letters = static_cast<std::uint32_t>(_mm_movemask_epi8(letter));
    auto digits = static_cast<std::uint32_t>(_mm_movemask_epi8(digit));
    auto lower_bits = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(word, 2)));  // bit 0x20 of each byte
    run = static_cast<std::size_t>(std::countr_zero(~(all_letters | digits)));  // 16 when all are
    letters = all_letters & ((std::uint32_t{1} << run) - 1);
    upper = letters & ~lower_bits;
    lowered_ = folded;
#else
    AsciiWordBytes low = AsciiWordBytes::at(bytes), high = AsciiWordBytes::at(bytes + 8);
    lowered_[0] = low.lowered;
    lowered_[1] = high.lowered;
    run = low.run < 8 ? low.run : 8 + high.run;
    letters = byte_bits(low.letters) | (low.run < 8 ? 0 : byte_bits(high.letters) << 8);
    upper = byte_bits(low.upper) | (low.run < 8 ? 0 : byte_bits(high.upper) << 8);
#endif
  }

  // Writes the sixteen bytes | 0x20 to `out`: the run lower-cased (a digit
  // has 0x20 set), the bytes past it to be overwritten or ignored.
  void store_lowered(char* out) const {
#if defined(__SSE2__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), lowered_);
#else
    std::memcpy(out, lowered_, 16);
#endif
  }

 private:
#if defined(__SSE2__)
  __m128i lowered_;
#else
  // The high bit of each byte of `high_bits` as one bit a byte.
  static std::uint32_t byte_bits(std::uint64_t high_bits) {
    return static_cast<std::uint32_t>(((high_bits >> 7) * 0x0102040810204080ull) >> 56);
  }
  std::uint64_t lowered_[2];
#endif
};

}  // namespace kg

