// Which rules of a stage may match a sentence, judged from its tokens alone,
// before a Matcher builds the sentence's items: a rule can match only a
// sentence that holds, for each word element its pattern requires, a token
// of that element ("la firme" needs a "la" and a "firme"). A required group
// requires the union of one required element of each alternative
// ("(@ORG_NOUN | jeune pousse)": a word of ORG_NOUN or "jeune"), as
// required_words() (rule_index.h) gives it to the rule index too. Sharper than
// RuleIndex::worth_trying, which asks each rule for one element only, and
// read in the same pass as other per-token work of a stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"
#include "extract/vocabulary.h"

namespace kg::extract {

class RuleScreen {
 public:
  // The screen of the rules of `rules` whose action is `action`.
  RuleScreen(const RuleSet& rules, Rule::Action action);

  // A set of the screened elements, one bit each. Past the 64th, a rule's
  // elements are not screened (it is then tried on more sentences, never
  // on fewer).
  using Elements = std::uint64_t;

  // The elements of which `token`, of word number `word`
  // (vocabulary::word_of(token), which the caller reads once), is a word.
  Elements elements_of(const Token& token, std::uint32_t word) const {
    Elements found = every_token_;
    if (word < by_word_.size()) found |= by_word_[word];
    if (!stems_.empty()) found |= stem_elements(token);
    return found;
  }
  // Whether elements_of() depends on the word number alone (no element has
  // stems): it is then word_elements()[word], 0 past the table's end, which
  // a loop over many tokens keeps in locals.
  bool by_word_alone() const { return stems_.empty() && every_token_ == 0; }
  std::span<const Elements> word_elements() const { return by_word_; }

  // A rule of the stage and the elements it needs.
  struct Needs {
    std::size_t rule = 0;  // index into RuleSet::rules
    Elements elements = 0;
  };
  // The rules of the stage, ascending. Rule `rule` may match a sentence
  // only when its `elements` are all among the sentence's (holds()).
  const std::vector<Needs>& rules() const { return rules_; }
  static bool holds(Elements needed, Elements present) { return (needed & ~present) == 0; }

 private:
  // The elements whose stems begin the token's key.
  Elements stem_elements(const Token& token) const;

  // A stem of an element, and that element's bit.
  struct Stem {
    std::string stem;
    Elements element;
  };
  std::vector<Elements> by_word_;  // by word number (extract/vocabulary.h)
  std::vector<Stem> stems_;
  Elements every_token_ = 0;  // elements with the empty stem
  std::vector<Needs> rules_;
};

}  // namespace kg::extract
