#include "extract/language.h"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

// Whether the language `counts` pick now (the most votes, the first on a
// tie) wins whatever `remaining` more tokens vote: a token votes at most once
// for each language, so every other language must stay behind even if it
// took all of them (and behind by one more when it comes first, as it would
// win a tie).
bool decided(const std::vector<std::size_t>& counts, std::size_t remaining) {
  if (counts.size() <= 1) return true;  // the only language, or none
  std::size_t leader = 0;
  for (std::size_t i = 1; i < counts.size(); ++i)
    if (counts[i] > counts[leader]) leader = i;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (i == leader) continue;
    std::size_t needed = i < leader ? remaining + 1 : remaining;
    if (counts[leader] < counts[i] + needed) return false;
  }
  return true;
}

// How many tokens are counted between two tests of decided().
constexpr std::size_t kTokensPerTest = 32;

}  // namespace

std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules) {
  // One pass over the tokens: the languages a lower-case word is a function
  // word of are one row of the rule book's table, read by the word's number,
  // instead of a test of every language's word set. The pass stops once the
  // tokens left cannot change the outcome, in most articles well before the
  // end.
  const RuleBook::FunctionWordTable& table = rules.function_word_table();
  const std::size_t row_words = table.row_words;
  const std::size_t rows = row_words == 0 ? 0 : table.bits.size() / row_words;
  std::vector<std::size_t> counts(table.languages.size());
  const std::uint32_t known = vocabulary::size();  // word_of()'s test, without an atomic load per token
  const Token* const all = tokens.data();
  const std::size_t count = tokens.size();
  for (std::size_t begin = 0; begin < count; begin += kTokensPerTest) {
    if (begin > 0 && decided(counts, count - begin)) break;
    const Token* const end = all + std::min(count, begin + kTokensPerTest);
    for (const Token* t = all + begin; t != end; ++t) {
      if (!t->is_word || t->capitalized) continue;
      std::uint32_t word = t->word;
      if (word == vocabulary::kUnknown && t->known_words != known) word = vocabulary::word_of(*t);
      if (word >= rows) continue;  // kUnknown too
      for (std::size_t k = 0; k < row_words; ++k)
        for (std::uint64_t bits = table.bits[word * row_words + k]; bits != 0; bits &= bits - 1)
          ++counts[k * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
    }
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
