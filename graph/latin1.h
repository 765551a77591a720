// The accented letters of Latin-1 (U+00C0..U+00FF), the bulk of the
// non-ASCII letters in French and English news, folded without utf8proc.
#pragma once

namespace kg {

// The key of Latin-1 letter `cp` (U+00C0..U+00FF): lower case without accent
// ("É" → 'e'), or 0 when it needs the general path (æ, ß, ð, þ, ø, ×, ÷) or
// lies outside the range.
inline char latin1_key(unsigned cp) {
  static const char kKeys[] =
      "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0"   // U+00C0..U+00DF
      "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";    // U+00E0..U+00FF
  return cp >= 0xC0 && cp <= 0xFF ? kKeys[cp - 0xC0] : 0;
}

}  // namespace kg
