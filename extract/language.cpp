#include "extract/language.h"

#include "extract/vocabulary.h"

namespace kg::extract {

std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules) {
  std::vector<std::string> languages = rules.languages();
  std::vector<const WordSet*> function_words;
  for (const std::string& language : languages)
    function_words.push_back(&rules.find(language)->known().function_words);
  // One pass over the tokens for every language: each key is looked up once.
  std::vector<std::size_t> counts(languages.size(), 0);
  for (const Token& t : tokens) {
    if (!t.is_word || t.capitalized) continue;
    std::uint32_t word = vocabulary::word_of(t);
    if (word == vocabulary::kUnknown) continue;
    for (std::size_t k = 0; k < function_words.size(); ++k)
      if (function_words[k]->has_number(word)) ++counts[k];
  }
  std::string best;
  std::size_t best_count = 0;
  for (std::size_t k = 0; k < languages.size(); ++k)
    if (best.empty() || counts[k] > best_count) {
      best = languages[k];
      best_count = counts[k];
    }
  return best;
}

}  // namespace kg::extract
