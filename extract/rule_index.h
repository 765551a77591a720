// Which rules can possibly match a sentence, for all the rules of a sentence
// at once: the required word and entity elements of the rules (elements not
// optional; a required group each of whose alternatives needs a word counts
// as the element of those words) are numbered, equal elements once; where
// each occurs in the sentence is found in one pass over its items, and a
// rule is tried only when its required elements occur in pattern order, and
// within reach of one another where the pattern bounds the items between
// them (after a word or an entity without conjuncts: "t:* ,", "@DET _{0,2}
// @ORG_NOUN"), which also bounds where a match may start (what
// Matcher::find_all would find by searching them rule by rule). Rules
// without required elements are always tried.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/matcher.h"
#include "extract/rule_file.h"

namespace kg::extract {

// The words of which a match of pattern element `node` holds at least one
// token: a required word element's words; for a required group, a set
// required by each alternative (its element of the rarest words, as
// function words and punctuation are common), joined; else nothing (an
// element that may be left out, an entity, a gap, or a group with an
// alternative that requires no word). The rule index and the description
// screen (rule_screen.h) both choose rules by these words.
std::optional<WordSet> required_words(const PatternNode& node, const WordSet& function_words);

class RuleIndex {
 public:
  // Indexes the rules of `rules` whose action is `action`.
  RuleIndex(const RuleSet& rules, Rule::Action action);

  // A rule worth trying on a sentence, and the last item where its match may start.
  struct Candidate {
    std::size_t rule = 0;
    std::size_t last_start = 0;
  };
  // Sets `out` to the rules worth trying on the sentence of `matcher`,
  // ascending: those whose required elements occur in pattern order (none
  // when the sentence has fewer mentions than every rule needs). Give
  // each to matcher.find_all(pattern, last_start). `out` is the caller's, so
  // that one vector serves every sentence of an article.
  void select(const Matcher& matcher, std::vector<Candidate>& out) const;

  // False only when select() would keep no rule on sentence `sentence` of
  // `doc`: every rule needs a word that none of its tokens is. Reads only
  // the tokens, so a stage asks it before building the sentence's items
  // (Matcher::set_sentence).
  bool worth_trying(const Document& doc, std::size_t sentence) const;

 private:
  // Fills `item_elements` with the elements each of the matcher's items
  // holds (mask_words_ 64-bit words per item, bit e for element e; item p
  // in row p + 1, row 0 holding every element), and `present` with their union.
  void find_elements(const Matcher& matcher, std::vector<std::uint64_t>& item_elements,
                     std::vector<std::uint64_t>& present) const;
  // Where a match of indexed rule `i` may start at the latest when its
  // required elements occur, in pattern order, among the `n` items of `rows`
  // (find_elements()'s item_elements, `words` 64-bit words a row, whose
  // union is `present`); else kNotOrdered.
  std::size_t ordered_bound(std::uint32_t i, const std::uint64_t* rows, const std::uint64_t* present, std::size_t n,
                            std::size_t words) const;
  static constexpr std::size_t kNotOrdered = static_cast<std::size_t>(-1);

  // A stem of some word elements, and those elements: as a list while the
  // index is built, then as a mask of mask_words_ words.
  struct StemElements {
    std::string stem;
    std::vector<std::uint32_t> elements;
    std::vector<std::uint64_t> mask;
  };

  std::size_t element_count_ = 0;
  // The word elements that hold each word, as masks of mask_words_ words by
  // word number: one load per item instead of a list of elements to mark.
  std::size_t word_count_ = 0;
  std::vector<std::uint64_t> word_masks_;
  // By word number: 1 when the word's mask also holds the elements of its
  // stems and of the empty stem, so that a token of the word skips the stem test.
  std::vector<std::uint8_t> stems_in_word_mask_;
  std::array<std::vector<StemElements>, 256> stem_elements_;  // by the first byte of the stem
  bool has_stems_ = false;  // whether stem_elements_ holds any
  std::vector<std::uint64_t> every_token_mask_;  // the elements with the empty stem
  bool has_every_token_ = false;  // whether every_token_mask_ holds any
  // The entity elements that accept a mention, by its item bits
  // (Matcher::item_types), as masks of mask_words_ words.
  std::vector<std::uint64_t> entity_masks_;
  // The indexed rules, ascending, and the required elements of rule i in
  // pattern order: required_[required_begin_[i] .. required_begin_[i + 1]).
  std::vector<std::size_t> indexed_;
  std::vector<std::uint32_t> required_begin_;
  std::vector<std::uint32_t> required_;
  // How far after required_[k] the next element of the same rule may be
  // found: 1 the next item ("t:* ,"), 2 the next or the one after (an
  // entity, which may follow an article), 1 + 3 after a gap `_{0,3}` ...;
  // 0 anywhere after (after an entity with conjuncts, a group, `_*`).
  std::vector<std::uint8_t> reach_;
  // The same as bits: mask_words_ 64-bit words per rule, bit e for element e.
  std::size_t mask_words_ = 0;
  std::vector<std::uint64_t> required_mask_;
  // Each rule's anchor is its most selective required element; the rules
  // anchored by element e, as positions in indexed_, are
  // anchored_[anchored_begin_[e] .. anchored_begin_[e + 1]).
  std::vector<std::uint32_t> anchored_begin_;
  std::vector<std::uint32_t> anchored_;
  // Bit e set when element e anchors some rule: most elements present in a
  // sentence anchor none, and select() passes over them with one AND.
  std::vector<std::uint64_t> anchors_;
  std::vector<std::uint32_t> always_indexed_;  // rules without required elements
  // The fewest mentions a rule needs, one per repetition of each of its
  // required entity elements: a relation rule needs a subject and an
  // object, and a sentence with one name is passed over before its elements
  // are looked for.
  std::size_t fewest_mentions_ = 0;
  // For worth_trying(): the words and stems of the cheapest required word
  // element of each rule; every rule has one unless `every_sentence_`.
  WordSet screen_;
  bool every_sentence_ = false;
};

}  // namespace kg::extract
