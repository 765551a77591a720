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
#include <cstdint>
#include <string_view>
#include <vector>

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
}  // namespace detail

// How many words are numbered. Thread-safe.
inline std::uint32_t size() { return detail::count.load(std::memory_order_acquire); }

// Sets Token::word and Token::known_words of every token. Thread-safe.
void label(std::vector<Token>& tokens);

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
