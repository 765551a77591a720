// Stage 3: sentence splitting over tokens. A sentence ends at a line break
// (headlines, paragraphs) or at . ! ? … followed by a capital, a digit or an
// opening quote, except after an abbreviation (M., Dr., Inc.) or a single
// initial (J. Smith). Decimals never split (1.5 is one token) and "Boomly! et"
// does not split because a lower-case word follows.
#pragma once

#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/pattern.h"

namespace kg::extract {

// Sentences of `tokens` (taken from `text`). `abbreviations` holds token keys
// (lower case, no dot) after which a dot does not end a sentence; it must be
// sealed, as a token is tested by its word number (its stems are not read).
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const WordSet& abbreviations);

// The same into `sentences`, whose old sentences are dropped but whose
// storage is kept for the next text.
void split_sentences(std::string_view text, const std::vector<Token>& tokens,
                     const WordSet& abbreviations, std::vector<Sentence>& sentences);

}  // namespace kg::extract
