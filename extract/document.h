// The data every stage of the extractor reads and fills in: one article, its
// tokens, sentences, mentions, entities and relations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/token_string.h"

namespace kg::extract {

// The five entity types of ../shared/corpus/GUIDELINES.md.
enum class EntityType { Person, Organization, Product, Project, Place };

// "Person", "Organization", ... (the node label).
const char* type_label(EntityType type);
// The inverse of type_label; nullopt for an unknown label.
std::optional<EntityType> parse_type_label(const std::string& label);

// One token of the normalised text. Offsets are bytes into Document::text.
struct Token {
  // User-provided on purpose: every member has its initializer below, and
  // `tokens.emplace_back()` then does not zero-fill the whole token first
  // (a `rep stos` that cost a sixth of the tokenizer's time).
  Token() {}  // NOLINT(modernize-use-equals-default)
  // Token [start, end) of the text, written `text`, with key `key`: the
  // strings made at once rather than assigned after a default construction.
  Token(std::size_t start, std::size_t end, std::string_view text, std::string_view key)
      : start(start), end(end), text(text), key(key) {}

  std::size_t start = 0;
  std::size_t end = 0;
  TokenString text;          // as written
  TokenString key;           // lower-cased, accents removed: what rules match
  std::uint32_t word = UINT32_MAX;  // number of `key` in extract/vocabulary.h, UINT32_MAX if no rule uses it
  std::uint32_t known_words = 0;    // words numbered when `word` was set (see vocabulary::word_of)
  std::size_t start_char = 0;  // code-point offsets into Document::text
  std::size_t end_char = 0;
  bool is_word = false;      // letters or digits (not punctuation or a symbol)
  bool is_number = false;    // starts with a digit
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // two or more letters, all upper case
  bool inner_caps = false;   // an upper-case letter after the first one (NexoraAI, eReader)
  bool folds_as_key = false; // known to be ASCII letters and digits or accented Latin-1 letters
                             // only: kg::fold_key(text) == key (false: not known)
};

// A sentence: tokens [first, last) of Document::tokens.
struct Sentence {
  std::size_t first = 0;
  std::size_t last = 0;
};

// How a mention refers to its entity.
enum class MentionKind {
  Name,         // a proper name: "Nova Robotics"
  Adjective,    // a nationality adjective standing for a place: "japonais"
  Description,  // a definite description resolved to an earlier entity: "la firme"
  Pronoun       // a pronoun resolved to an earlier entity
};

// A span of tokens [first, last) that names or refers to an entity.
struct Mention {
  std::size_t sentence = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  MentionKind kind = MentionKind::Name;
  std::optional<EntityType> type;  // decided by typing; unset until then
  bool sure_type = false;           // the type comes from a lexicon or a rule, not from shape
  int place = -1;                   // index into RuleSet::places for a known place
  int entity = -1;                  // index into Document::entities once resolved
};

// An entity of one article: every mention of it shares the index. The keys
// are kg::fold_key of its forms, carried from coreference (which folds them
// to group the mentions) so that the article graph does not fold them again.
// A key left empty, or missing from a list shorter than its forms, is not
// known: whoever needs it folds the form (an entity made by hand has none).
struct Entity {
  // User-provided for the reason Token's is: `entities.emplace_back()` then
  // runs the initializers below without zero-filling the whole entity first.
  Entity() {}  // NOLINT(modernize-use-equals-default)

  EntityType type = EntityType::Organization;
  std::string name;                  // the most complete form in the text
  std::vector<std::string> aliases;       // the other names used ("Doe", "NR", "Norway")
  std::vector<std::string> descriptions;  // descriptions used in its place ("la firme")
  std::string name_key;                       // fold_key(name)
  std::vector<std::string> alias_keys;        // fold_key of each alias, in order
  std::vector<std::string> description_keys;  // fold_key of each description, in order
  std::size_t first_sentence = 0;
  std::size_t first_start = 0;       // code-point offsets of the first mention
  std::size_t first_end = 0;
  int place = -1;                    // index into RuleSet::places for a known place
};

// The attributes of a deal (investment, acquisition).
struct DealAttributes {
  std::optional<double> amount_min;
  std::optional<double> amount_max;
  std::string currency;  // ISO 4217, empty when unknown
  std::string status;    // talks, planned, announced, completed; empty when unknown
};

// One relation found in one sentence. Its type and rule are views of the
// strings of the RuleSet that found it (RelationType::graph_type,
// Rule::origin), not copies: a relation is made for every match, and the
// RuleSet outlives the documents extracted with it.
struct Relation {
  std::string_view type;  // upper snake case: INVESTS_IN
  int subject = -1;  // entity indexes
  int object = -1;
  std::size_t sentence = 0;
  std::size_t start = 0;  // code-point offsets of the matched words
  std::size_t end = 0;
  std::string_view rule;  // the rule that matched: "rules/fr.rules:120"
  DealAttributes deal;
};

// One article going through the pipeline.
struct Document {
  std::string name;       // file name, used as provenance
  std::string text;       // normalised text, without the date line
  std::size_t body_offset = 0;  // code points removed before `text` (the date line)
  std::string date;       // "YYYY-MM" from a first line "date YYYY-MM", else empty
  std::string language;   // "fr" or "en"
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Relation> relations;

  // The text of tokens [first, last), as written.
  std::string span_text(std::size_t first, std::size_t last) const;
  // The text of a sentence.
  std::string sentence_text(std::size_t sentence) const;
  // Code-point offsets in the original article of the start and the end of token `t`.
  std::size_t start_char(std::size_t t) const { return body_offset + tokens[t].start_char; }
  std::size_t end_char(std::size_t t) const { return body_offset + tokens[t].end_char; }
};

}  // namespace kg::extract
