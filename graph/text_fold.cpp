#include "graph/text_fold.h"

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include "graph/ascii_word_bytes.h"
#include "graph/latin1.h"

namespace kg {

namespace {

// Runs utf8proc_map with the given options; returns the input unchanged when
// it is not valid UTF-8.
std::string utf8proc_transform(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(text);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// Decodes one code point at `pos`, advancing it; -1 on a bad sequence.
utf8proc_int32_t next_code_point(std::string_view text, std::size_t& pos) {
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                          static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (len <= 0) {
    pos += 1;
    return -1;
  }
  pos += static_cast<std::size_t>(len);
  return cp;
}

bool is_word_char(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// The key of each ASCII character: letters lower-cased, digits kept, 0 for
// the others (separators).
constexpr std::array<char, 128> kAsciiKeys = [] {
  std::array<char, 128> keys{};
  for (char c = '0'; c <= '9'; ++c) keys[static_cast<unsigned char>(c)] = c;
  for (char c = 'a'; c <= 'z'; ++c) {
    keys[static_cast<unsigned char>(c)] = c;
    keys[static_cast<unsigned char>(c - 'a' + 'A')] = c;
  }
  return keys;
}();

// fold_key for the common case, ASCII and the accented Latin-1 letters,
// without utf8proc's decoding and allocations: letters and digits are kept,
// lower-cased and without accents, and every run of other characters becomes
// one space between two kept ones. Appends to `out` and returns true, or
// leaves `out` as it was and returns false when the text needs the general path.
bool append_fold_latin1(std::string_view text, std::string& out) {
  // The key is never longer than the text (a kept character is at most as
  // long as its UTF-8 form, a space stands for at least one dropped byte), so
  // it is written into room made once, not appended a character at a time;
  // eight bytes more let a run be copied eight bytes at a time to the end.
  std::size_t base = out.size();
  out.resize(base + text.size() + 8);
  char* const begin = out.data() + base;
  char* end = begin;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // A run of ASCII letters and digits, most of a name, lower-cased eight
    // bytes at a time (the last bytes of the text read padded with zeros,
    // which end a run). The key never gets ahead of the text read, so the
    // eight bytes written (those past the run are overwritten or cut off
    // below) stay within the room made.
    for (;;) {
      std::uint64_t eight = 0;
      if (i + 8 <= text.size()) std::memcpy(&eight, text.data() + i, 8);
      else std::memcpy(&eight, text.data() + i, text.size() - i);
      AsciiWordBytes kinds(eight);
      if (kinds.run == 0) break;
      if (pending_space && end > begin) *end++ = ' ';
      pending_space = false;
      std::memcpy(end, &kinds.lowered, 8);
      end += kinds.run;
      i += kinds.run;
      if (kinds.run < 8 || i == text.size()) break;  // the byte at i ends the run: no need to read eight again
    }
    if (i == text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    char folded = 0;
    if (c < 0x80) {
      folded = kAsciiKeys[c];
    } else if (c == 0xC3 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      folded = latin1_key(0xC0u + (static_cast<unsigned char>(text[i + 1]) & 0x3Fu));
      if (folded == 0) {
        out.resize(base);
        return false;
      }
      ++i;
    } else {
      out.resize(base);
      return false;
    }
    if (folded == 0) {
      pending_space = true;
      continue;
    }
    if (pending_space && end > begin) *end++ = ' ';
    pending_space = false;
    *end++ = folded;
  }
  out.resize(base + static_cast<std::size_t>(end - begin));
  return true;
}

}  // namespace

void append_fold_key(std::string_view text, std::string& out) {
  if (append_fold_latin1(text, out)) return;
  // Compatibility decomposition + case fold + mark stripping removes accents.
  std::string folded = utf8proc_transform(
      text, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE);
  std::size_t base = out.size();
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    std::size_t start = pos;
    utf8proc_int32_t cp = next_code_point(folded, pos);
    if (cp >= 0 && is_word_char(cp)) {
      if (pending_space && out.size() > base) out += ' ';
      pending_space = false;
      out.append(folded, start, pos - start);
    } else {
      pending_space = true;
    }
  }
}

std::string fold_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_fold_key(text, out);
  return out;
}

std::string nfc(std::string_view text) {
  return utf8proc_transform(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

bool valid_utf8(std::string_view text, std::size_t* bad_offset) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Runs of ASCII, most of a news article, sixteen bytes at a time with
    // SSE2 (to the first byte that is not), then eight.
#if defined(__SSE2__)
    while (text.size() - pos >= 16) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
      auto high_bits = static_cast<unsigned>(_mm_movemask_epi8(bytes));
      if (high_bits != 0) {
        pos += static_cast<std::size_t>(std::countr_zero(high_bits));
        break;
      }
      pos += 16;
    }
#endif
    while (text.size() - pos >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos == text.size()) break;
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    // Two-byte sequences (accented Latin letters) are checked here, without a
    // call: a lead byte C2..DF (C0 and C1 would be overlong) and one
    // continuation byte.
    if (lead >= 0xC2 && lead <= 0xDF && pos + 1 < text.size() &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
      pos += 2;
      continue;
    }
    std::size_t start = pos;
    if (next_code_point(text, pos) < 0) {
      if (bad_offset) *bad_offset = start;
      return false;
    }
  }
  return true;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = next_code_point(text, pos);
    if (cp < 0) {
      ++width;
      continue;
    }
    int w = utf8proc_charwidth(cp);
    if (w > 0) width += static_cast<std::size_t>(w);
  }
  return width;
}

}  // namespace kg
