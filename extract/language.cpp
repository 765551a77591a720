#include "extract/language.h"

#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

// Whether the language with the most votes in `counts` (the first of them
// on a tie) keeps the lead whatever `remaining` more votes do: it leads every
// other language by more than `remaining`.
bool out_of_reach(const std::vector<std::size_t>& counts, std::size_t remaining) {
  std::size_t leader = 0;
  for (std::size_t k = 1; k < counts.size(); ++k)
    if (counts[k] > counts[leader]) leader = k;
  for (std::size_t k = 0; k < counts.size(); ++k)
    if (k != leader && counts[leader] <= counts[k] + remaining) return false;
  return true;
}

}  // namespace

std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules) {
  std::vector<std::string> languages = rules.languages();
  std::vector<const WordSet*> function_words;
  for (const std::string& language : languages)
    function_words.push_back(&rules.find(language)->known().function_words);
  // One pass over the tokens for every language: each key is looked up once.
  // The pass stops early once the count of the remaining tokens could not
  // change the answer. Through locals: a count written could, for the
  // compiler, be any vector's storage, which it would then reload.
  std::vector<std::size_t> counts(languages.size(), 0);
  const WordSet* const* sets = function_words.data();
  std::size_t* const votes = counts.data();
  const std::size_t language_count = function_words.size();
  const Token* const tok = tokens.data();
  const std::size_t count = tokens.size();
  constexpr std::size_t kReachCheck = 64;  // tokens between two tests of out_of_reach
  for (std::size_t i = 0; i < count; ++i) {
    if (i % kReachCheck == 0 && i > 0 && out_of_reach(counts, count - i)) break;
    const Token& t = tok[i];
    if (!t.is_word || t.capitalized) continue;
    std::uint32_t word = vocabulary::word_of(t);
    if (word == vocabulary::kUnknown) continue;
    for (std::size_t k = 0; k < language_count; ++k)
      if (sets[k]->has_number(word)) ++votes[k];
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
