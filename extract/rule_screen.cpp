#include "extract/rule_screen.h"

#include <map>
#include <optional>

#include "extract/rule_index.h"

namespace kg::extract {

namespace {

constexpr std::size_t kMaxElements = 64;

}  // namespace

RuleScreen::RuleScreen(const RuleSet& rules, Rule::Action action) {
  std::map<std::string, std::size_t> numbers;  // canonical_text() → element
  const WordSet& function_words = rules.word_class("FUNCTION_WORDS");
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    if (rule.action != action) continue;
    Elements needed = 0;
    for (const PatternNode& node : rule.pattern) {
      std::optional<WordSet> words = required_words(node, function_words);
      if (!words) continue;
      const WordSet& set = *words;
      auto [it, added] = numbers.try_emplace(set.canonical_text(), numbers.size());
      std::size_t element = it->second;
      if (element >= kMaxElements) continue;  // not screened
      needed |= Elements{1} << element;
      if (!added) continue;
      for (const std::string& w : set.words) {
        std::uint32_t word = vocabulary::intern(w);
        if (by_word_.size() <= word) by_word_.resize(word + 1, 0);
        by_word_[word] |= Elements{1} << element;
      }
      for (const std::string& stem : set.stems) {
        if (stem.empty()) every_token_ |= Elements{1} << element;
        else stems_.push_back({stem, Elements{1} << element});
      }
    }
    rules_.push_back({r, needed});
  }
}

RuleScreen::Elements RuleScreen::stem_elements(const Token& token) const {
  Elements found = 0;
  for (const Stem& s : stems_)
    if (token.key.size() >= s.stem.size() && token.key.compare(0, s.stem.size(), s.stem) == 0) found |= s.element;
  return found;
}

}  // namespace kg::extract
