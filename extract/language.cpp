#include "extract/language.h"

namespace kg::extract {

std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules) {
  std::string best;
  std::size_t best_count = 0;
  for (const std::string& language : rules.languages()) {
    const WordSet& words = rules.find(language)->word_class("FUNCTION_WORDS");
    std::size_t count = 0;
    for (const Token& t : tokens)
      if (t.is_word && !t.capitalized && words.has_word(t)) ++count;
    if (best.empty() || count > best_count) {
      best = language;
      best_count = count;
    }
  }
  return best;
}

}  // namespace kg::extract
