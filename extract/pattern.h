// A token pattern of a rule file, parsed (see docs/extraction.md, "Rule files").
// Patterns are sequences of elements over the words and entity mentions of one
// sentence, in the manner of spaCy's Matcher or Stanford's TokensRegex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/document.h"
#include "extract/vocabulary.h"

namespace kg::extract {

// A set of words and stems: matches a token whose key is one of `words` or
// starts with one of `stems`.
struct WordSet {
  std::unordered_set<std::string> words;
  std::vector<std::string> stems;

  bool contains(const std::string& key) const;
  // The same for a token, by its word number (Token::word): a bit test for
  // the words. Needs seal().
  bool contains(const Token& token) const { return has_word(token) || (!stems.empty() && has_stem(token)); }
  // Whether the token's key is one of `words` (stems aside), likewise.
  bool has_word(const Token& token) const { return has_number(vocabulary::word_of(token)); }
  // Whether word number `word` (extract/vocabulary.h) is one of `words`.
  bool has_number(std::uint32_t word) const {
    return word < bit_count_ && (bits_[word / 64] >> (word % 64) & 1);
  }
  // Whether the token's key starts with one of `stems`.
  bool has_stem(const Token& token) const;
  void add(const WordSet& other);
  // The set as text, the same for equal sets whatever the order their words
  // and stems were given in: equal elements of rules are told by it.
  std::string canonical_text() const;
  // Numbers the words and builds the bits contains(Token) reads; call once
  // the words are final.
  void seal();

 private:
  // Bit n is set when word number n (extract/vocabulary.h) is in `words`.
  std::vector<std::uint64_t> bits_;
  std::size_t bit_count_ = 0;  // 64 * bits_.size(), one compare per test
};

// One element of a pattern, with how many times it may repeat.
struct PatternNode {
  enum class Kind {
    Words,   // a word from `words` ("dans", "invest*", "@INVEST_VERB")
    Any,     // `_`: any one token that is not an entity (place adjectives and pronouns are allowed);
             // `_!par|by`: the same but none of `words`
    AnyItem, // `~`: any one token or entity mention
    Entity,  // `S:Organization|Person`: an entity mention (with its conjuncts)
    Group    // `( a b | c )`: alternatives of sequences
  };
  Kind kind = Kind::Words;
  WordSet words;  // Words: the words matched; Any: the words excluded
  char role = 0;  // Entity: 'S' subject, 'O' object, 'T' typed target, 'E' uncaptured
  bool coordinated = true;  // Entity: takes conjuncts (false when written `s:`, `o:` ...)
  // Entity: Matcher::entity_bits(types), set when the pattern is sealed, as
  // the words' bits are (rule_file.cpp): the matcher tests it at every try.
  std::uint8_t entity_bits = 0;
  std::vector<EntityType> types;  // Entity: accepted types; empty = any
  std::vector<std::vector<PatternNode>> alternatives;  // Group
  std::size_t min = 1;
  std::size_t max = 1;
  // How the matcher tells, with one test, whether an occurrence of the
  // element may begin at an item (where the search would fail at once if
  // not). Set when the pattern is sealed (rule_file.cpp), from the above.
  enum class Begin : std::uint8_t {
    Anywhere,    // `_` and `~`
    Word,        // a word element without stems: the bit of its word
    Entity,      // a mention with one of entity_bits, or an article before one
    GroupWords,  // a group whose alternatives each begin with a required word element without stems: `first_words`
    Other        // stems, and other groups: Matcher::may_begin_other() looks closer
  };
  Begin begin = Begin::Other;
  WordSet first_words;  // GroupWords: the words of the alternatives' first elements
};

using Pattern = std::vector<PatternNode>;

// The unbounded repeat count of `*` and `+`.
inline constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

}  // namespace kg::extract
