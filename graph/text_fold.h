// Unicode helpers shared by the name index, the extractor and the shell.
#pragma once

#include <string>
#include <string_view>

namespace kg {

// The key under which names are compared: NFKC, case-folded, accents removed,
// typographic apostrophes made plain, runs of spaces and punctuation collapsed
// to one space, trimmed. fold_key("États-Unis") == fold_key("etats unis").
std::string fold_key(std::string_view text);

// Appends fold_key(text) to `out`, without a string of its own.
void append_fold_key(std::string_view text, std::string& out);

// NFC normalisation; invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view text);

// True when `text` is well-formed UTF-8. On failure, `*bad_offset` (if given)
// receives the byte offset of the first bad sequence.
bool valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

// Terminal columns the text occupies (wide CJK and emoji count 2, combining marks 0).
std::size_t display_width(std::string_view text);

}  // namespace kg
