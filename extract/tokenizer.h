// Stage 2: tokenisation. Words (with inner hyphens: start-up, États-Unis),
// French elisions split off (l', d', qu'), English possessive 's split off,
// numbers with decimal commas or points (1,5 / 2.25), and every punctuation
// mark or currency symbol as its own token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace kg::extract {

// Tokens of `text` with byte offsets into it.
std::vector<Token> tokenize(std::string_view text);

// The same into `tokens`, whose old tokens are dropped but whose storage is
// kept: a caller tokenizing text after text allocates once, not per text.
void tokenize(std::string_view text, std::vector<Token>& tokens);

// The matching key of a word: lower case, accents removed ("États" → "etats").
std::string token_key(std::string_view word);

// kg::fold_key of the text of tokens [first, last) of `tokens` (made from
// `text`). When every token is ASCII letters and digits or accented Latin-1
// letters, with spaces between them, that is their keys joined by single
// spaces, and the text is not read again; otherwise fold_key itself.
std::string span_key(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t last);

// The same into `key`, whose bytes are replaced but whose storage is kept: a
// caller folding span after span into one string allocates once.
void span_key(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
              std::string& key);

// Sets `key` to the keys of tokens [first, last) (not empty) joined by single
// spaces, keeping its storage: span_key's result once the caller knows the
// tokens are plain words set apart.
void join_keys(const std::vector<Token>& tokens, std::size_t first, std::size_t last, std::string& key);

}  // namespace kg::extract
