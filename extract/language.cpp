#include "extract/language.h"

#include <bit>
#include <cstdint>

#include "extract/vocabulary.h"

namespace kg::extract {

std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules) {
  // One pass over the tokens: the languages a lower-case word is a function
  // word of are one row of the rule book's table, read by the word's number,
  // instead of a test of every language's word set.
  const RuleBook::FunctionWordTable& table = rules.function_word_table();
  const std::size_t row_words = table.row_words;
  const std::size_t rows = row_words == 0 ? 0 : table.bits.size() / row_words;
  std::vector<std::size_t> counts(table.languages.size());
  const std::uint32_t known = vocabulary::size();  // word_of()'s test, without an atomic load per token
  for (const Token& t : tokens) {
    if (!t.is_word || t.capitalized) continue;
    std::uint32_t word = t.word;
    if (word == vocabulary::kUnknown && t.known_words != known) word = vocabulary::word_of(t);
    if (word >= rows) continue;  // kUnknown too
    for (std::size_t k = 0; k < row_words; ++k)
      for (std::uint64_t bits = table.bits[word * row_words + k]; bits != 0; bits &= bits - 1)
        ++counts[k * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
  }
  std::string best;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (best.empty() || counts[i] > best_count) {
      best = table.languages[i];
      best_count = counts[i];
    }
  }
  return best;
}

}  // namespace kg::extract
