#include "extract/normalize.h"

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "graph/text_fold.h"

namespace kg::extract {

namespace {

// The plain replacement of a typographic code point, or nullptr to keep it.
const char* replacement(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x2032: return "'";
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: return "\"";
    case 0xFEFF: return "";
    default: break;
  }
  if (cp != ' ' && cp != '\n' && cp != '\t' && cp != '\r' &&
      utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
    return " ";
  return nullptr;
}

// Whether `word` holds a byte that is not ASCII or is '\r'.
bool has_non_ascii_or_cr(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  std::uint64_t cr = word ^ (kOnes * '\r');  // a zero byte where word has '\r'
  return ((word | ((cr - kOnes) & ~cr)) & kHighs) != 0;
}

// The end of the run of ASCII without '\r' from `pos`, or a point of it
// fewer than eight bytes before: sixteen bytes tested at once with SSE2 (to
// the exact end), then eight, where plain text spends most of its time.
std::size_t skip_plain_ascii(const char* data, std::size_t pos, std::size_t size) {
#if defined(__SSE2__)
  while (pos + 16 <= size) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    __m128i carriage_returns = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r'));
    auto stops = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(bytes, carriage_returns)));
    if (stops != 0) return pos + static_cast<std::size_t>(std::countr_zero(stops));
    pos += 16;
  }
#endif
  while (pos + 8 <= size) {
    std::uint64_t word;
    std::memcpy(&word, data + pos, 8);
    if (has_non_ascii_or_cr(word)) break;
    pos += 8;
  }
  return pos;
}

// Whether code point `cp`, not ASCII, leaves a text in NFC for sure: it lies
// below U+0300 (no combining mark, nothing to compose) or is punctuation of
// U+2002..U+206F or the euro sign, none of which composes or decomposes.
// Most French and English news holds no other, and skips utf8proc's copy and
// tables.
bool surely_nfc(utf8proc_int32_t cp) { return cp < 0x300 || (cp >= 0x2002 && cp <= 0x206F) || cp == 0x20AC; }

// Appends `source` to `out` with the replacements of normalize_text. When
// `check_nfc`, returns false as soon as a code point may need NFC (see
// surely_nfc), with `out` holding part of the text; true once done.
bool append_replaced(std::string_view source, bool check_nfc, std::string& out) {
  std::size_t pos = 0;
  while (pos < source.size()) {
    // Copy a run that stays as it is in one go: ASCII but '\r', and the
    // Latin-1 letters (U+00C0..U+00FF, lead byte 0xC3), none of which is a
    // quote or a space to replace.
    std::size_t run = pos;
    while (run < source.size()) {
      run = skip_plain_ascii(source.data(), run, source.size());
      if (run >= source.size()) break;
      unsigned char c = static_cast<unsigned char>(source[run]);
      if (c < 0x80 && c != '\r') {
        ++run;
      } else if (c == 0xC3 && run + 1 < source.size() &&
                 (static_cast<unsigned char>(source[run + 1]) & 0xC0) == 0x80) {
        run += 2;
      } else {
        break;
      }
    }
    out.append(source, pos, run - pos);
    pos = run;
    if (pos >= source.size()) break;
    if (source[pos] == '\r') {
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t len =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(source.data() + pos),
                         static_cast<utf8proc_ssize_t>(source.size() - pos), &cp);
    if (len <= 0) {
      out += source[pos++];
      continue;
    }
    if (check_nfc && !surely_nfc(cp)) return false;
    if (const char* r = replacement(cp))
      out += r;
    else
      out.append(source, pos, static_cast<std::size_t>(len));
    pos += static_cast<std::size_t>(len);
  }
  return true;
}

}  // namespace

std::string normalize_text(std::string_view raw) {
  // One pass over text in NFC already, the common case; the text composed
  // first, and passed over again, only when a code point may need it.
  std::string out;
  out.reserve(raw.size());
  if (append_replaced(raw, true, out)) return out;
  std::string composed = kg::nfc(raw);
  out.clear();
  append_replaced(composed, false, out);
  return out;
}

ArticleText split_article(std::string_view raw) {
  ArticleText article;
  std::string text = normalize_text(raw);
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
  std::string_view rest(text.data() + i, text.size() - i);
  if (rest.size() >= 12 && rest.substr(0, 5) == "date " &&
      (rest.size() == 12 || std::isspace(static_cast<unsigned char>(rest[12])))) {
    std::string_view date = rest.substr(5, 7);
    bool shaped = date[4] == '-';
    for (std::size_t k : {0, 1, 2, 3, 5, 6})
      shaped = shaped && std::isdigit(static_cast<unsigned char>(date[k]));
    if (shaped) {
      article.date = std::string(date);
      std::size_t cut = std::min(text.size(), i + 13);
      article.body_offset = cut;  // everything before is ASCII: bytes == code points
      text.erase(0, cut);  // in place: no second copy of the body
      article.body = std::move(text);
      return article;
    }
  }
  article.body = std::move(text);
  return article;
}

}  // namespace kg::extract
