// Which rules can possibly match a sentence. Each rule's most selective
// required word element is its anchor; a sentence is tried against a rule only
// when one of its tokens is in the anchor. Rules without one are always tried.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

class RuleIndex {
 public:
  // Indexes the rules of `rules` whose action is `action`.
  RuleIndex(const RuleSet& rules, Rule::Action action);

  // Indexes (into RuleSet::rules) of the rules worth trying on tokens [first, last), ascending.
  std::vector<std::size_t> candidates(const std::vector<Token>& tokens, std::size_t first,
                                      std::size_t last) const;

 private:
  // Looked up by std::string_view: a stem lookup takes a prefix without copying it.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  using RulesByKey = std::unordered_map<std::string, std::vector<std::size_t>, KeyHash, std::equal_to<>>;
  std::vector<std::vector<std::size_t>> by_word_;  // by word number (extract/vocabulary.h)
  RulesByKey by_stem_;
  std::size_t shortest_stem_ = 0;
  std::size_t longest_stem_ = 0;
  std::vector<bool> stem_lengths_;  // [n]: some stem has n bytes
  std::vector<std::size_t> always_;
  std::size_t rule_count_ = 0;
};

}  // namespace kg::extract
