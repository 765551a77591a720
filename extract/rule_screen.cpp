#include "extract/rule_screen.h"

#include <algorithm>
#include <map>

namespace kg::extract {

namespace {

// The word sets of which a match of `sequence` needs a token each: its
// required word elements, and for a required group whose every alternative
// needs one, the union of the smallest of each alternative's.
std::vector<WordSet> required_words(const Pattern& sequence) {
  std::vector<WordSet> required;
  for (const PatternNode& node : sequence) {
    if (node.min == 0) continue;
    if (node.kind == PatternNode::Kind::Words) {
      required.push_back(node.words);
    } else if (node.kind == PatternNode::Kind::Group) {
      WordSet any_alternative;
      bool every_alternative = true;
      for (const Pattern& alternative : node.alternatives) {
        std::vector<WordSet> needs = required_words(alternative);
        auto smallest = std::min_element(needs.begin(), needs.end(), [](const WordSet& a, const WordSet& b) {
          return a.words.size() + a.stems.size() < b.words.size() + b.stems.size();
        });
        if (smallest == needs.end()) {
          every_alternative = false;
          break;
        }
        any_alternative.add(*smallest);
      }
      if (every_alternative && !node.alternatives.empty()) required.push_back(std::move(any_alternative));
    }
  }
  return required;
}

constexpr std::size_t kMaxElements = 64;

}  // namespace

RuleScreen::RuleScreen(const RuleSet& rules, Rule::Action action) {
  std::map<std::string, std::size_t> numbers;  // canonical_text() → element
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    if (rule.action != action) continue;
    Elements needed = 0;
    for (const WordSet& set : required_words(rule.pattern)) {
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
