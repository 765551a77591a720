#include "extract/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "graph/ascii_word_bytes.h"
#include "graph/latin1.h"
#include "graph/text_fold.h"
#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

// French elided function words: l'avion, d'Ardent, qu'il, jusqu'à.
constexpr std::array<std::string_view, 14> kElisions{
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu"};

struct CodePoint {
  utf8proc_int32_t cp = -1;
  std::size_t len = 1;
};

CodePoint decode(std::string_view text, std::size_t pos) {
  unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1};  // ASCII, most of the text: no call into utf8proc
  CodePoint c;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                        static_cast<utf8proc_ssize_t>(text.size() - pos), &c.cp);
  c.len = n > 0 ? static_cast<std::size_t>(n) : 1;
  return c;
}

bool is_letter(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}
bool is_digit(utf8proc_int32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_upper(utf8proc_int32_t cp) {
  return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : utf8proc_isupper(cp);
}

// What a byte is to the tokenizer: an ASCII digit, lower- or upper-case
// ASCII letter, space, or 0 (anything else, every non-ASCII byte included).
constexpr unsigned char kDigit = 1, kLower = 2, kUpper = 4, kLetter = kLower | kUpper, kSpace = 8;
constexpr std::array<unsigned char, 256> kAsciiClass = [] {
  std::array<unsigned char, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = kDigit;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = kUpper;
  for (char c : {' ', '\n', '\t', '\r'}) table[static_cast<unsigned char>(c)] = kSpace;
  return table;
}();

// Whether a byte after a run of ASCII letters and digits may join it to what
// follows: a hyphen, an apostrophe, a decimal separator or a non-ASCII byte.
constexpr std::array<bool, 256> kMayJoin = [] {
  std::array<bool, 256> table{};
  for (char c : {'-', '\'', ',', '.'}) table[static_cast<unsigned char>(c)] = true;
  for (std::size_t c = 0x80; c < 256; ++c) table[c] = true;
  return table;
}();

// The end of the word starting at `pos` (a letter or digit there).
std::size_t word_end(std::string_view text, std::size_t pos) {
  const char* bytes = text.data();
  // A word that opens with an ASCII letter is past its digits-only start.
  bool digits_only = (kAsciiClass[static_cast<unsigned char>(bytes[pos])] & kLetter) == 0;
  std::size_t i = digits_only ? pos : pos + 1;
  while (i < text.size()) {
    // Runs of ASCII digits, or of ASCII letters and digits once a letter was
    // seen, most of every word, in a tight loop; the rest below.
    if (digits_only) {
      while (i < text.size() && kAsciiClass[static_cast<unsigned char>(bytes[i])] == kDigit) ++i;
    } else {
      while (i < text.size() && (kAsciiClass[static_cast<unsigned char>(bytes[i])] & (kDigit | kLetter)) != 0) ++i;
    }
    if (i >= text.size()) break;
    // Most words end at an ASCII space or mark that cannot join two parts.
    unsigned char byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80 && (kAsciiClass[byte] & (kDigit | kLetter)) == 0 && byte != '-' && byte != ',' && byte != '.')
      break;
    CodePoint c = decode(text, i);
    if (is_digit(c.cp)) {
      i += c.len;
      continue;
    }
    if (is_letter(c.cp)) {
      if (digits_only && i > pos) return i;  // "10bn" → "10" "bn"
      digits_only = false;
      i += c.len;
      continue;
    }
    if (i + 1 < text.size() && (c.cp == '-' || ((c.cp == ',' || c.cp == '.') && digits_only))) {
      CodePoint next = decode(text, i + 1);
      bool joins = c.cp == '-' ? (is_letter(next.cp) || is_digit(next.cp)) : is_digit(next.cp);
      if (joins && c.cp == '-') {
        // Split "Oslo-based" and "anti-Nexora" where the case changes.
        CodePoint first = decode(text, pos);
        if (is_letter(first.cp) && is_letter(next.cp) && is_upper(first.cp) != is_upper(next.cp))
          return i;
      }
      if (joins) {
        i += 1;
        continue;
      }
    }
    break;
  }
  return i;
}

void describe_shape(Token& t) {
  std::size_t letters = 0, uppers = 0;
  bool first_letter = true;
  for (std::size_t i = 0; i < t.text.size();) {
    CodePoint c = decode(t.text, i);
    i += c.len;
    if (!is_letter(c.cp)) continue;
    ++letters;
    bool up = is_upper(c.cp);
    if (up) ++uppers;
    if (first_letter) t.capitalized = up && !t.is_number;
    else if (up) t.inner_caps = true;
    first_letter = false;
  }
  t.all_caps = letters >= 2 && uppers == letters;
  if (t.all_caps) t.inner_caps = false;
}

// Writes the key of `word` (see token_key) into `key`, reusing its storage.
void build_key(std::string_view word, std::string& key) {
  // Fast path for ASCII and Latin-1 letters, the bulk of French and English.
  key.resize(word.size());  // written in place: the key is never longer
  std::size_t length = 0;
  bool fast = true;
  for (std::size_t i = 0; i < word.size() && fast; ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      key[length++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if ((c == 0xC3) && i + 1 < word.size()) {
      char k = latin1_key(0xC0u + (static_cast<unsigned char>(word[i + 1]) & 0x3Fu));
      fast = k != 0;
      key[length++] = k;
      ++i;
    } else {
      fast = false;
    }
  }
  if (fast) {
    key.resize(length);
    return;
  }
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                    static_cast<utf8proc_ssize_t>(word.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                                   UTF8PROC_STRIPMARK));
  if (n < 0) {
    key.assign(word);
    return;
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  key.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// Key and shape of token `t`, written as `written`, in one pass over its
// bytes when all are ASCII: what build_key and describe_shape give for it,
// without decoding. False, with `t` unchanged, at a non-ASCII byte.
bool describe_ascii(std::string_view written, Token& t) {
  std::size_t size = written.size();
  std::string key(size, '\0');
  const char* text = written.data();
  std::size_t letters = 0, uppers = 0;
  bool capitalized = false, inner_caps = false;
  for (std::size_t i = 0; i < size; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) return false;
    bool up = c >= 'A' && c <= 'Z';
    key[i] = static_cast<char>(up ? c - 'A' + 'a' : c);
    if (!up && !(c >= 'a' && c <= 'z')) continue;
    if (letters == 0) capitalized = up && !t.is_number;
    else if (up) inner_caps = true;
    ++letters;
    if (up) ++uppers;
  }
  t.key.assign(key);
  t.capitalized = capitalized;
  t.all_caps = letters >= 2 && uppers == letters;
  t.inner_caps = inner_caps && !t.all_caps;
  return true;
}

// Whether `key` is a French elided function word (l, d, qu, jusqu ...).
bool is_elision(std::string_view key) {
  for (std::string_view e : kElisions)
    if (key == e) return true;
  return false;
}

// A word's case flags, from what its reader saw of its letters: whether the
// first is a capital, whether a later one is, whether any is lower case.
// All caps takes two letters or more and none in lower case; a number has
// no letter.
inline void set_case_shape(Token& t, bool capitalized, bool inner_capital, bool lower_case) {
  t.capitalized = capitalized;
  t.all_caps = capitalized && inner_capital && !lower_case;
  t.inner_caps = inner_capital && !t.all_caps;
}

// The longest word read_plain_word reads: its key is built on the stack.
constexpr std::size_t kPlainWordBytes = 64;

// Reads the word at `pos`, which opens with an ASCII letter or digit or an
// accented Latin-1 letter, in one pass over its bytes into `t`, a token made
// for it: its span, text, key, word number (from `labeler`) and shape, as
// word_end, the elision test of tokenize, build_key and describe_shape give
// them. The key is built in `key`, kPlainWordBytes bytes all defined (they
// are read past the key). Returns the word's code points, or 0, with `t`
// partly written, for a word that only they can settle: a number with a
// hyphen, a word with a non-ASCII byte other than an accented Latin-1 letter
// with a one-letter key (after a hyphen too), or of kPlainWordBytes bytes or
// more. The token is written once, not through a struct in between. Out
// of line: most words are read by read_short_word, and the loop that calls
// both keeps its registers.
[[gnu::noinline]] std::size_t read_plain_word(std::string_view text, std::size_t pos, char* const key,
                                              const vocabulary::Labeler& labeler, Token& t) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const std::size_t limit = std::min(size, pos + kPlainWordBytes - 1);  // room for an elision's '
  char* out = key;
  const bool number = kAsciiClass[bytes[pos]] == kDigit;
  std::size_t i = pos, pairs = 0;
  bool capitalized = false, inner_capital = false, lower_case = false, separated = false;
  if (number) {
    // Digits, and a decimal comma or point between two digits. Anything else
    // ends the number: a letter starts a new word ("10bn" → "10" "bn").
    for (;;) {
      while (i < limit && kAsciiClass[bytes[i]] == kDigit) *out++ = static_cast<char>(bytes[i++]);
      if (i == limit) break;
      unsigned char c = bytes[i];
      if ((c == ',' || c == '.') && i + 1 < size && kAsciiClass[bytes[i + 1]] == kDigit) {
        separated = true;
        *out++ = static_cast<char>(c);
        ++i;
        continue;
      }
      if (c == '-') return 0;
      break;
    }
  } else {
    // The first letter tells whether the word is capitalized; the others
    // whether it has inner capitals and whether some letter is lower case.
    if (bytes[i] == 0xC3) {
      if (i + 1 >= limit || (bytes[i + 1] & 0xC0) != 0x80) return 0;
      unsigned cp = 0xC0u + (bytes[i + 1] & 0x3Fu);
      char folded = latin1_key(cp);
      if (folded == 0) return 0;  // æ, ß, ø ... or × ÷: the general path decides
      capitalized = cp < 0xE0;    // À..Þ
      *out++ = folded;
      i += 2;
      ++pairs;
    } else {
      capitalized = kAsciiClass[bytes[i]] == kUpper;
      *out++ = static_cast<char>(bytes[i++] | 0x20);
    }
    lower_case = !capitalized;
    for (;;) {
      // ASCII letters and digits, most of every word, sixteen at a time (one
      // turn for most words), then eight, then one at a time near the limit:
      // `| 0x20` lower-cases a letter and keeps a digit. The bytes written
      // past the run are overwritten or ignored.
      bool run_ended = false;
      while (i + 16 <= limit) {
        AsciiWordBytes16 kinds(reinterpret_cast<const char*>(bytes + i));
        kinds.store_lowered(out);
        out += kinds.run;
        i += kinds.run;
        inner_capital = inner_capital || kinds.upper != 0;
        lower_case = lower_case || kinds.letters != kinds.upper;
        if (kinds.run < 16) {
          run_ended = true;  // at bytes[i]: no need to test it again below
          break;
        }
      }
      while (!run_ended && i + 8 <= limit) {
        AsciiWordBytes kinds = AsciiWordBytes::at(bytes + i);
        std::memcpy(out, &kinds.lowered, 8);
        out += kinds.run;
        i += kinds.run;
        inner_capital = inner_capital || kinds.upper != 0;
        lower_case = lower_case || kinds.letters != kinds.upper;
        if (kinds.run < 8) break;
      }
      while (!run_ended && i < limit) {
        unsigned char kind = kAsciiClass[bytes[i]];
        if ((kind & (kDigit | kLetter)) == 0) break;
        *out++ = static_cast<char>(bytes[i] | 0x20);
        inner_capital = inner_capital || kind == kUpper;
        lower_case = lower_case || kind == kLower;
        ++i;
      }
      if (i == limit) break;
      unsigned char c = bytes[i];
      if (c == 0xC3 && i + 1 < limit && (bytes[i + 1] & 0xC0) == 0x80) {
        unsigned cp = 0xC0u + (bytes[i + 1] & 0x3Fu);
        char folded = latin1_key(cp);
        if (folded == 0) return 0;  // æ, ß, ø ... or × ÷: the general path decides
        *out++ = folded;
        if (cp < 0xE0) inner_capital = true;  // À..Þ
        else lower_case = true;
        i += 2;
        ++pairs;
        continue;
      }
      if (c == '-' && i + 1 < size && bytes[i + 1] < 0x80) {
        // A hyphen joins a digit or a letter (start-up, GPT-4o), but not a
        // letter whose case differs from the word's first (Oslo-based,
        // anti-Nexora), nor anything else: the word then ends before it.
        unsigned char next = kAsciiClass[bytes[i + 1]];
        if ((next & kLetter) != 0 ? (next == kUpper) == capitalized : next == kDigit) {
          *out++ = '-';
          ++i;
          separated = true;
          continue;
        }
        break;
      }
      if (c >= 0x80 || c == '-') return 0;  // another letter or mark, or a hyphen before one
      break;
    }
  }
  if (i == limit && limit < size) return 0;
  // An apostrophe after an elided word belongs to it when a letter follows: l'avion.
  if (!number && i + 1 < size && bytes[i] == '\'' &&
      is_elision(std::string_view(key, static_cast<std::size_t>(out - key))) && is_letter(decode(text, i + 1).cp)) {
    *out++ = '\'';
    ++i;
    separated = true;
  }
  const std::size_t key_size = static_cast<std::size_t>(out - key);
  t.start = pos;
  t.end = i;
  // Most words are copied with fixed moves of 16 bytes: the key from its
  // buffer, the text when 16 bytes remain from its start.
  if (pos + 16 <= size)
    t.text.assign_padded(text.data() + pos, i - pos);
  else
    t.text.assign(text.substr(pos, i - pos));
  t.key.assign_padded(key, key_size);
  t.word = labeler.find_padded(key, key_size);
  t.known_words = labeler.known();
  t.is_word = true;
  t.is_number = number;
  t.folds_as_key = !separated;
  set_case_shape(t, capitalized, inner_capital, lower_case);
  return i - pos - pairs;
}

// Bytes 16 - n to 31 - n of this table are n bytes of 0xFF and 16 - n zeros:
// the mask that keeps the first n of sixteen bytes.
constexpr std::array<unsigned char, 32> kFirstBytesMasks = [] {
  std::array<unsigned char, 32> table{};
  for (std::size_t i = 0; i < 16; ++i) table[i] = 0xFF;
  return table;
}();

// Reads the word at `pos` into `t`, a token made for it, when its first
// `size` bytes, a run of ASCII letters and digits opening with a letter
// (of which `letters` and `upper` are the bits of AsciiWordBytes16, and
// whose lowered bytes are in `key`), are
// followed by one accented Latin-1 letter with a one-letter key and then by
// a second run that ends the word within the sixteen bytes after that
// letter, all of which may be read ("marché", "fondé,"): most accented
// words. Two sixteen-byte tests then give what read_plain_word gives.
// Returns the word's code points, or 0, with `t` unchanged, for
// read_plain_word to read it. Out of line, as read_plain_word is.
[[gnu::noinline]] std::size_t read_accented_word(std::string_view text, std::size_t pos, std::size_t size,
                                                 std::uint32_t letters, std::uint32_t upper, char* const key,
                                                 const vocabulary::Labeler& labeler, Token& t) {
  const unsigned char* const bytes = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if (pos + size + 2 + 16 > text.size() || (bytes[size + 1] & 0xC0) != 0x80) return 0;
  const unsigned cp = 0xC0u + (bytes[size + 1] & 0x3Fu);
  const char folded = latin1_key(cp);
  if (folded == 0) return 0;  // æ, ß, ø ... or × ÷: the general path decides
  const AsciiWordBytes16 second(reinterpret_cast<const char*>(bytes) + size + 2);
  const std::size_t rest = second.run;
  const unsigned char next = bytes[size + 2 + rest];
  // Another accent, a hyphen, or more than sixteen bytes: the general path.
  // (An apostrophe ends the word: no elision has an accent.)
  if (rest == 16 || next >= 0x80 || next == '-') return 0;
  key[size] = folded;
  second.store_lowered(key + size + 1);
  const std::size_t key_size = size + 1 + rest;
  const std::size_t bytes_size = size + 2 + rest;
  t.start = pos;
  t.end = pos + bytes_size;
  t.text.assign_padded(text.data() + pos, bytes_size);
  t.key.assign_padded(key, key_size);
  t.word = labeler.find_padded(key, key_size);
  t.known_words = labeler.known();
  t.is_word = true;
  t.is_number = false;
  t.folds_as_key = true;
  const bool capitalized = (upper & 1) != 0;
  const bool inner_capital = (upper >> 1) != 0 || cp < 0xE0 || second.upper != 0;  // À..Þ
  const bool lower_case = letters != upper || cp >= 0xE0 || second.letters != second.upper;
  set_case_shape(t, capitalized, inner_capital, lower_case);
  return key_size;
}

// Reads the word at `pos`, which opens with an ASCII letter or digit, into
// `t`, a token made for it, when it is a short plain word, most words: ASCII
// letters and digits (a number: digits only) that end within the sixteen
// bytes from `pos`, all of which may be read, at a byte that ends such a
// word whatever follows it (not a hyphen or a non-ASCII byte, nor a number's
// decimal separator before a digit), or a French elided word with its
// apostrophe before an ASCII letter (l'avion). One sixteen-byte test then
// gives its end and shape, and its key, the bytes lower-cased (written to
// `key`, 16 bytes), is packed and looked up from that test's result: what
// read_plain_word gives, without its loops. Returns the word's length (its
// code points), or 0, with `t` unchanged, for read_plain_word to read it.
std::size_t read_short_word(std::string_view text, std::size_t pos, char* const key, const vocabulary::Labeler& labeler,
                            Token& t) {
  const char* const bytes = text.data() + pos;
  const AsciiWordBytes16 kinds(bytes);
  const bool number = (kinds.letters & 1) == 0;
  // A number ends before its first letter ("10bn" → "10" "bn").
  std::size_t size =
      number ? static_cast<std::size_t>(std::countr_zero(kinds.letters | (std::uint32_t{1} << kinds.run))) : kinds.run;
  if (size == 16) return 0;
  const unsigned char next = static_cast<unsigned char>(bytes[size]);
  kinds.store_lowered(key);  // an apostrophe after the run stays one: '\'' | 0x20 == '\''
  bool elided = false;
  if (kMayJoin[next]) {  // one test for the bytes after most words
    if (next == 0xC3 && !number) return read_accented_word(text, pos, size, kinds.letters, kinds.upper, key, labeler, t);
    if (next >= 0x80 || next == '-') return 0;
    if (number && (next == ',' || next == '.') && pos + size + 1 < text.size() &&
        kAsciiClass[static_cast<unsigned char>(bytes[size + 1])] == kDigit)
      return 0;
    // An apostrophe after an elided word belongs to it when a letter follows;
    // a non-ASCII byte after it is left to read_plain_word to decode.
    if (!number && next == '\'' && is_elision(std::string_view(key, size))) {
      if (pos + size + 1 >= text.size()) return 0;
      const unsigned char after = static_cast<unsigned char>(bytes[size + 1]);
      if (after >= 0x80) return 0;
      elided = (kAsciiClass[after] & kLetter) != 0;
      size += elided ? 1 : 0;
    }
  }
  std::uint64_t masks[2];
  std::memcpy(masks, kFirstBytesMasks.data() + 16 - size, 16);
  t.start = pos;
  t.end = pos + size;
  t.text.assign_padded(bytes, size);
  t.key.assign_padded(key, size);
  t.word = size == 1 ? labeler.find_byte(key[0])
                     : labeler.find_packed(vocabulary::detail::load(key) & masks[0],
                                           vocabulary::detail::load(key + 8) & masks[1], size);
  t.known_words = labeler.known();
  t.is_word = true;
  t.is_number = number;
  t.folds_as_key = !elided;
  // A number has no letter (the letters the test saw follow it), so no capital.
  const std::uint32_t upper = number ? 0 : kinds.upper;
  const bool capitalized = (upper & 1) != 0;
  const bool inner_capital = (upper >> 1) != 0;
  const bool lower_case = kinds.letters != upper;
  set_case_shape(t, capitalized, inner_capital, lower_case);
  return size;
}

// Whether kg::fold_key of `word` is its token key: every byte an ASCII letter
// or digit, or an accented Latin-1 letter that both keys fold to one letter
// through the same latin1_key.
bool folds_to_key(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      if ((kAsciiClass[c] & (kDigit | kLetter)) == 0) return false;
    } else if (c == 0xC3 && i + 1 < word.size() && (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80 &&
               latin1_key(0xC0u + (static_cast<unsigned char>(word[i + 1]) & 0x3Fu)) != 0) {
      ++i;
    } else {
      return false;
    }
  }
  return !word.empty();
}

// Reads the token at `pos` that neither read_short_word nor read_plain_word
// reads (a word with other letters or marks, a number with a hyphen, an
// English clitic; a mark that is not ASCII) into `t`, made whole here,
// `chars` being the code points before it; returns those before its end. Out
// of line: few tokens take it, and the loop that reads the others keeps its
// registers.
[[gnu::noinline]] std::size_t read_other_token(std::string_view text, std::size_t pos, bool glued,
                                               const vocabulary::Labeler& labeler, Token& t, std::size_t chars) {
  t = Token();
  t.start = pos;
  CodePoint c = decode(text, pos);
  if (is_letter(c.cp) || is_digit(c.cp)) {
    t.end = word_end(text, pos);
    t.is_word = true;
    t.is_number = is_digit(c.cp);
    // An apostrophe inside the word: French elision or English 's.
    if (t.end < text.size() && text[t.end] == '\'' && t.end + 1 < text.size()) {
      CodePoint after = decode(text, t.end + 1);
      if (is_elision(token_key(text.substr(pos, t.end - pos))) && is_letter(after.cp)) t.end += 1;
    }
  } else if (c.cp == '\'' && pos + 1 < text.size() && is_letter(decode(text, pos + 1).cp) && glued) {
    // English clitic: Nexora's, don't.
    t.end = word_end(text, pos + 1);
    t.is_word = true;
  } else {
    t.end = pos + c.len;
  }
  std::string_view written = text.substr(t.start, t.end - t.start);
  t.text.assign(written);
  t.start_char = chars;
  if (describe_ascii(written, t)) {
    chars += written.size();  // one code point a byte
  } else {
    t.key.assign(token_key(written));
    for (char byte : written) chars += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    describe_shape(t);
  }
  t.end_char = chars;
  t.word = labeler.find(t.key);
  t.known_words = labeler.known();
  return chars;
}

// The tokens of a text written over those of the text before, in the same
// vector: a token left from before is reused with its fields written, not
// destroyed and made again, which cost as much as writing it. The vector
// grows only when the text has more tokens than the one before it.
class TokenSlots {
 public:
  // Slots in `tokens` for the tokens of `text`.
  TokenSlots(std::vector<Token>& tokens, std::string_view text)
      : tokens_(tokens), text_size_(text.size()), next_(tokens.data()), end_(tokens.data() + tokens.size()) {}

  // The next token, one left from before or a new one: the caller writes
  // every field, or assigns a Token made whole.
  Token& next(std::size_t pos) {
    if (next_ == end_) grow(pos);
    return *next_++;
  }

  // Gives back the last token next() gave.
  void give_back() { --next_; }

  // The last token given, or nullptr.
  const Token* last() const { return next_ == tokens_.data() ? nullptr : next_ - 1; }

  // Drops the tokens left from before past those given.
  void finish() { tokens_.resize(static_cast<std::size_t>(next_ - tokens_.data())); }

 private:
  // Room for the tokens that may follow `pos`, at most one in four bytes in
  // text of words, with few made and dropped unused. Out of line: it is rare.
  [[gnu::noinline]] void grow(std::size_t pos) {
    std::size_t given = static_cast<std::size_t>(next_ - tokens_.data());
    tokens_.resize(given + (text_size_ - pos) / 4 + 16);
    next_ = tokens_.data() + given;
    end_ = tokens_.data() + tokens_.size();
  }

  std::vector<Token>& tokens_;
  std::size_t text_size_;
  Token* next_;
  Token* end_;
};

}  // namespace

void span_key(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
              std::string& key) {
  key.clear();
  if (first >= last) return;
  std::size_t start = tokens[first].start, end = tokens[last - 1].end;
  for (std::size_t k = first; k < last; ++k) {
    // Tokens glued together ("10bn") fold as one word, not two.
    bool apart = k == first || tokens[k].start > tokens[k - 1].end;
    if (!apart || !(tokens[k].folds_as_key || folds_to_key(tokens[k].text))) {
      append_fold_key(text.substr(start, end - start), key);
      return;
    }
  }
  join_keys(tokens, first, last, key);
}

void join_keys(const std::vector<Token>& tokens, std::size_t first, std::size_t last, std::string& key) {
  std::size_t size = last - first - 1;  // one space between two tokens
  for (std::size_t k = first; k < last; ++k) size += tokens[k].key.size();
  // The keys copied into room made at once, a space between two: no
  // append, which tests the room left at every piece.
  key.resize(size);
  char* out = key.data();
  for (std::size_t k = first; k < last; ++k) {
    const TokenString& piece = tokens[k].key;
    std::memcpy(out, piece.data(), piece.size());
    out += piece.size();
    if (k + 1 < last) *out++ = ' ';
  }
}

std::string span_key(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t last) {
  std::string key;
  span_key(text, tokens, first, last, key);
  return key;
}

std::string token_key(std::string_view word) {
  std::string key;
  build_key(word, key);
  return key;
}

void tokenize(std::string_view text, std::vector<Token>& out) {
  // The tokens in a local vector, holding the storage of `out`, and written
  // through local pointers, which then stay in registers, where those of a
  // vector behind a reference would be reloaded after every store of a token.
  std::vector<Token> tokens;
  tokens.swap(out);
  TokenSlots slots(tokens, text);
  std::size_t pos = 0;
  std::size_t chars = 0;  // code points before `pos`
  char key[kPlainWordBytes] = {};  // a plain word's key: all read by Labeler::find_padded
  const vocabulary::Labeler labeler;
  while (pos < text.size()) {
    unsigned char kind = kAsciiClass[static_cast<unsigned char>(text[pos])];
    if (kind == kSpace) {
      ++pos;
      ++chars;
      continue;
    }
    if ((kind & (kDigit | kLetter)) != 0 || static_cast<unsigned char>(text[pos]) == 0xC3) {
      Token& t = slots.next(pos);
      std::size_t code_points = kind != 0 && pos + 16 <= text.size() ? read_short_word(text, pos, key, labeler, t) : 0;
      if (code_points == 0) code_points = read_plain_word(text, pos, key, labeler, t);
      if (code_points != 0) {
        t.start_char = chars;
        t.end_char = chars += code_points;
        pos = t.end;
        // Most words are followed by one space: passed here, not by another
        // turn of the loop.
        if (pos < text.size() && text[pos] == ' ') {
          ++pos;
          ++chars;
        }
        continue;
      }
      slots.give_back();  // left to the general path below
    }
    if (kind == 0 && text[pos] != '\'' && static_cast<unsigned char>(text[pos]) < 0x80) {
      // An ASCII mark or symbol: a token of its own, its own key.
      std::string_view mark = text.substr(pos, 1);
      Token& t = slots.next(pos);
      t = Token(pos, pos + 1, mark, mark);
      t.start_char = chars;
      t.end_char = ++chars;
      t.word = labeler.find_byte(mark[0]);
      t.known_words = labeler.known();
      ++pos;
      continue;
    }
    bool glued = slots.last() != nullptr && slots.last()->end == pos;  // no space before
    Token& t = slots.next(pos);
    chars = read_other_token(text, pos, glued, labeler, t, chars);
    pos = t.end;
  }
  slots.finish();
  out.swap(tokens);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

}  // namespace kg::extract
