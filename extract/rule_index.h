// Which rules can possibly match a sentence. Each rule's most selective
// required word element is its anchor; a sentence is tried against a rule only
// when one of its tokens is in the anchor. Rules without one are always tried.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

class RuleIndex {
 public:
  // Indexes the rules of `rules` whose action is `action`.
  RuleIndex(const RuleSet& rules, Rule::Action action);

  // Sets `out` to the indexes (into RuleSet::rules) of the rules worth
  // trying on tokens [first, last), ascending. `out` is the caller's so that
  // one vector serves every sentence of an article.
  void candidates(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                  std::vector<std::size_t>& out) const;

 private:
  // A stem of an anchor and the rules it anchors.
  struct StemRules {
    std::string stem;
    std::vector<std::size_t> rules;
  };
  // The rules anchored by each word, by word number (extract/vocabulary.h),
  // packed: the rules of word w are rules_by_word_[word_begin_[w] .. word_begin_[w + 1]).
  // Every token of every sentence reads it, so it is kept small for the cache.
  std::vector<std::uint32_t> word_begin_;
  std::vector<std::uint32_t> rules_by_word_;
  std::array<std::vector<StemRules>, 256> by_stem_;  // by the first byte of the stem
  std::vector<std::size_t> always_;
  std::size_t rule_count_ = 0;
};

}  // namespace kg::extract
