#include "extract/language.h"

#include <cstdint>
#include <memory>

#include "extract/vocabulary.h"

namespace kg::extract {

std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules) {
  // First the numbers of the lower-case words some rule file uses, then one
  // tight loop per language over them: its counter stays in a register and
  // its bits are not reloaded at every token, as they were when one pass
  // tested every language in turn and stored to a vector of counts.
  // The numbers go to an array sized for every token, by an index that
  // moves past known words only: no capacity test and no branch per word.
  std::unique_ptr<std::uint32_t[]> words(new std::uint32_t[tokens.size()]);
  std::size_t word_count = 0;
  for (const Token& t : tokens) {
    if (!t.is_word || t.capitalized) continue;
    std::uint32_t word = vocabulary::word_of(t);
    words[word_count] = word;
    word_count += word != vocabulary::kUnknown;
  }
  std::string best;
  std::size_t best_count = 0;
  for (const std::string& language : rules.languages()) {
    const WordSet& function_words = rules.find(language)->known().function_words;
    std::size_t count = 0;
    for (std::size_t i = 0; i < word_count; ++i) count += function_words.has_number(words[i]);
    if (best.empty() || count > best_count) {
      best = language;
      best_count = count;
    }
  }
  return best;
}

}  // namespace kg::extract
