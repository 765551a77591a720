// Rule files: the data that drives typing, descriptions, relations and
// attributes (format in docs/extraction.md). Built-in files live in
// extract/rules/ and are compiled into the program; `--rules FILE` adds more.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "extract/pattern.h"

namespace kg::extract {

// A malformed rule file: what() names the file and line.
class RuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RuleIndex;
class RuleScreen;
struct KnownClasses;

// A relation type declared with `relation NAME [deal] [symmetric]`.
struct RelationType {
  std::string name;         // as written: invests-in
  std::string graph_type;   // upper snake case: INVESTS_IN
  bool deal = false;        // amounts, currency and status are attached
  bool symmetric = false;   // A→B and B→A are the same relation
};

// One `rule`, `type` or `describe` line.
struct Rule {
  enum class Action { Relation, Type, Describe };
  Action action = Action::Relation;
  std::string relation;                    // Relation: the declared relation name
  EntityType type = EntityType::Organization;  // Type / Describe: the entity type
  Pattern pattern;
  std::string origin;  // "file:line", for messages and docs
};

// A place and the words that stand for it.
struct Place {
  std::vector<std::string> names;  // French name first, then English and other names
  std::vector<std::vector<std::string>> name_keys;  // token keys of each name
  std::vector<std::string> adjectives;  // keys of nationality adjectives and demonyms
};

// An amount qualifier sequence ("plus de") and what it bounds.
struct AmountCue {
  enum class Bound { AtLeast, AtMost, About };
  Bound bound = Bound::About;
  std::vector<std::string> keys;
};

// Everything loaded for one language.
struct RuleSet {
  std::string language;
  std::unordered_map<std::string, WordSet> classes;  // `define NAME = ...`
  std::map<std::string, RelationType> relations;
  std::vector<Rule> rules;
  std::vector<Place> places;
  // First token key of a place name → (place, name) pairs; adjective key → place.
  // The keys of these four maps are numbered in extract/vocabulary.h: a token
  // without a number is in none of them (see is_rule_word).
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> place_names;
  std::unordered_map<std::string, int> place_adjectives;
  // place_adjectives by the adjective's word number, -1 for other words:
  // read for every lower-case rule word of an article, without hashing.
  std::vector<int> place_adjective_by_word;
  std::unordered_map<std::string, double> scales;       // "milliards" → 1e9
  std::unordered_map<std::string, std::string> currencies;  // "dollars" → USD
  // scales and currencies by the word number of the key, 0 and nullopt for
  // other words: read for number words and their neighbours, without hashing.
  std::vector<double> scale_by_word;
  std::vector<std::optional<std::string>> currency_by_word;
  std::vector<AmountCue> amount_cues;

  // The class, or an empty set when the file does not define it.
  const WordSet& word_class(const std::string& name) const;
  // The classes the stages read by name, resolved once per load.
  const KnownClasses& known() const { return *known_classes; }
  // Which rules of an action can match which sentences; rebuilt by RuleBook
  // after every load.
  const RuleIndex& index(Rule::Action action) const;

  std::shared_ptr<const RuleIndex> type_index, describe_index, relation_index;
  // The sentences the `describe` rules may match, by their tokens (coreference).
  std::shared_ptr<const RuleScreen> describe_screen;
  std::shared_ptr<const KnownClasses> known_classes;
};

// The word classes that the extractor's stages read by name, copied out of
// RuleSet::classes by RuleBook after every load: a stage reads a member
// instead of hashing a class name, per article or per mention. A class the
// rule files do not define is empty.
struct KnownClasses {
  explicit KnownClasses(const RuleSet& rules);

  WordSet abbreviations, function_words;                           // sentences, language
  WordSet not_name, name_connector, government, institution, org_suffix, initial_not_name;  // mentions
  WordSet coord, conj, article, title_adjective, title_complement;  // coordination, descriptions
  WordSet negation, denial, hypothetical;                           // relations
  WordSet status_talks, status_planned, status_announced, status_completed;  // deal status
  WordSet pronoun_person, pronoun_org, pronoun_any, possessive, possessed;   // pronouns
  WordSet amount_exclude;                                           // amounts

  // The relation stage's cue classes of each word, by word number
  // (extract/vocabulary.h): bit kNegationCue for NEGATION, kDenialCue for
  // DENIAL, kStatusCue << c for the c-th of STATUS_TALKS, STATUS_PLANNED,
  // STATUS_ANNOUNCED, STATUS_COMPLETED; 0 past its end. Stems are not in it.
  static constexpr std::uint8_t kNegationCue = 1, kDenialCue = 2, kStatusCue = 4;
  std::vector<std::uint8_t> relation_cues;

  // Coreference's pronoun classes of each word, by word number, likewise:
  // kPersonPronoun for PRONOUN_PERSON, kOrgPronoun for PRONOUN_ORG,
  // kAnyPronoun for PRONOUN_ANY, kPossessive for POSSESSIVE; 0 past its end.
  // One load per token instead of a test per class. Stems are not in it.
  static constexpr std::uint8_t kPersonPronoun = 1, kOrgPronoun = 2, kAnyPronoun = 4, kPossessive = 8;
  std::vector<std::uint8_t> pronoun_cues;

  // The mention stage's cues of each word, by word number, likewise:
  // kLowerCaseStart for a word that may start a mention without a capital
  // (a word of GOVERNMENT, a place adjective), kPlaceNameStart for the first
  // key of a place's name; 0 past its end. Stems are not in it.
  static constexpr std::uint8_t kLowerCaseStart = 1, kPlaceNameStart = 2;
  std::vector<std::uint8_t> mention_cues;
};

// Rule sets for every language, filled from rule files.
class RuleBook {
 public:
  // The rule files compiled into the program (extract/rules/*.rules).
  static RuleBook built_in();

  // Adds a rule file's text. Lines before any `language xx` line go to every
  // language; lines after it only to language xx (created when new).
  // Throws RuleError naming `origin` and the line.
  void load(std::string_view text, const std::string& origin);
  // Reads and loads a file; throws RuleError if it cannot be read.
  void load_file(const std::string& path);

  // The rule set of a language; nullptr when none was loaded.
  const RuleSet* find(const std::string& language) const;
  // Languages with a rule set, sorted.
  std::vector<std::string> languages() const;
  // The relationship types declared symmetric (competes-with), in any language.
  std::set<std::string> symmetric_types() const;

  // What language detection counts, made after every load: the languages,
  // as languages(), and by word number (extract/vocabulary.h) the languages
  // whose FUNCTION_WORDS hold the word, as bits (bit i for languages[i]).
  struct FunctionWordTable {
    std::vector<std::string> languages;
    std::size_t row_words = 0;         // 64-bit words of bits per word number
    std::vector<std::uint64_t> bits;   // word w's at w * row_words; a word past the end is in none
  };
  const FunctionWordTable& function_word_table() const { return function_word_table_; }

 private:
  std::map<std::string, RuleSet> sets_;
  FunctionWordTable function_word_table_;
  // Lines meant for every language, replayed into languages added later.
  std::vector<std::pair<std::string, std::string>> shared_lines_;  // (line, origin)
  RuleSet& language_set(const std::string& language);
  void apply(RuleSet& set, const std::string& line, const std::string& origin);
};

// Parses one pattern (the text after the ':' of a rule), resolving @CLASS
// names against `classes`. Throws RuleError with `origin`.
Pattern parse_pattern(std::string_view text,
                      const std::unordered_map<std::string, WordSet>& classes,
                      const std::string& origin);

}  // namespace kg::extract
