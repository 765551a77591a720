// Matching token patterns against one sentence. The sentence is seen as a
// sequence of items: a plain token, or a whole entity mention. An entity
// element also takes the conjuncts coordinated with its first mention
// ("Nova, Lumen et Arcadia"), so that one match yields one relation per conjunct.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "extract/document.h"
#include "extract/pattern.h"

namespace kg::extract {

// A token (mention == -1) or a mention covering tokens [first, last).
struct Item {
  std::size_t first = 0;
  std::size_t last = 0;
  int mention = -1;
};

// The items of a sentence. Precondition: mentions do not overlap, and
// doc.mentions is sorted by position (a Matcher made before coreference
// appends its descriptions keeps to the mentions sorted then).
std::vector<Item> sentence_items(const Document& doc, std::size_t sentence);

// One match: items [first, last) and the mentions captured by role.
struct Match {
  std::size_t first = 0;
  std::size_t last = 0;
  std::vector<int> subjects;  // S
  std::vector<int> objects;   // O
  std::vector<int> targets;   // T
};

// Words that join conjuncts: `separators` may appear between them (",", "et",
// "de"), and the last joint must hold one of `conjunctions` ("et", "and").
// `articles` ("le", "the") may precede any entity and are skipped before one.
struct Coordination {
  const WordSet* separators = nullptr;
  const WordSet* conjunctions = nullptr;
  const WordSet* articles = nullptr;
};

// Finds the matches of patterns in one sentence.
class Matcher {
 public:
  Matcher(const Document& doc, std::vector<Item> items, Coordination coordination);
  // A matcher without a sentence yet: call set_sentence() before matching.
  // Its sentences' items are the mentions the document holds now, which
  // must be in order of their first token; mentions appended later (as
  // coreference appends descriptions) are not items.
  Matcher(const Document& doc, Coordination coordination);
  // Gives its buffers back to the thread, for the next matcher to reuse.
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Makes sentence `sentence` of the document the one matched, reusing the
  // buffers of the previous one: one matcher serves a whole article.
  void set_sentence(std::size_t sentence);

  // The matches, leftmost first and not overlapping; from each start the
  // first match found (leftmost alternatives and fewest repeats are tried
  // first, but an entity takes its longest list of conjuncts first).
  std::vector<Match> find_all(const Pattern& pattern) const;
  // The same, given the last item where a match may start, as the rule
  // index computes it for many rules at once (RuleIndex::select). The
  // matches are kept in the matcher, for the next call to reuse their
  // memory: they are valid until then.
  std::span<const Match> find_all(const Pattern& pattern, std::size_t last_start) const;

  const Document& document() const { return doc_; }
  // The items of the sentence; this view and the two below are valid until
  // the next set_sentence().
  std::span<const Item> items() const { return {items_.data(), item_count_}; }
  // The word number (vocabulary::word_of) of each plain token item;
  // vocabulary::kUnknown for a mention.
  std::span<const std::uint32_t> item_words() const { return {item_words_.data(), item_count_}; }
  // The entity bits of each item, tested against entity_bits().
  std::span<const std::uint8_t> item_types() const { return {item_types_.data(), item_count_}; }
  // How many of the items are mentions.
  std::size_t mention_count() const { return mention_count_; }
  // The item bits of which one makes a mention acceptable to an entity
  // element of `types` (empty: any entity but a nationality adjective).
  static std::uint8_t entity_bits(const std::vector<EntityType>& types);
  // Whether item `pos` is a plain token of `words`. A mention's word number
  // is kUnknown, which no word set holds: only the stems ask what the item is.
  bool has_word_at(const WordSet& words, std::size_t pos) const {
    return words.has_number(item_words_[pos]) ||
           (!words.stems.empty() && items_[pos].mention < 0 && words.has_stem(doc_.tokens[items_[pos].first]));
  }

 private:
  // The item bits of a mention (see item_types_).
  static std::uint8_t mention_bits(const Mention& m);
  struct State;
  // The sentence's items and side arrays, read once per find_all() and
  // kept by the search in registers.
  struct ItemArrays {
    std::size_t n;
    const Item* items;
    const std::uint8_t* types;
    const std::uint32_t* words;
  };
  // Runs `pattern` from item `start` of `arrays` (this matcher's): the end
  // of the first match found, its captures left in state.captures; or kNoStart.
  std::size_t match_at(const Pattern& pattern, std::size_t start, const ItemArrays& arrays, State& state) const;
  // The last item where a match of `pattern` may start, judged by its
  // required word and entity elements alone, or kNoStart when one of them
  // cannot be found in order.
  std::size_t last_start(const Pattern& pattern) const;
  static constexpr std::size_t kNoStart = static_cast<std::size_t>(-1);
  // A quick necessary test: whether one occurrence of `node` may begin at
  // item `pos` of `arrays` (this matcher's), even if it may be left out; the
  // test node.begin names, inline.
  bool may_begin(const PatternNode& node, std::size_t pos, const ItemArrays& arrays) const;
  // The same for PatternNode::Begin::Other: the stems of a word element, or
  // the first elements of a group's alternatives.
  bool may_begin_other(const PatternNode& node, std::size_t pos) const;
  // The first item from `start` on, before `end`, where one occurrence of
  // `node` may begin, or `end`.
  std::size_t next_begin(const PatternNode& node, std::size_t start, std::size_t end, const ItemArrays& arrays) const;
  // Whether gap element `gap` (`_` or `~`) matches item `pos`.
  bool fills_gap(const PatternNode& gap, std::size_t pos) const;
  // Whether `mention` is a pronoun of an entity that `state` has captured.
  bool refers_to_captured(int mention, const State& state) const;
  bool is_type(int mention, const std::vector<EntityType>& types) const;
  // Whether item `pos` is an entity other than a place adjective.
  bool is_name(std::size_t pos) const;
  // Pushes on state.chains the mentions coordinated from item `pos`, and on
  // state.ends each way to end the coordination (the item after it, how
  // many of those mentions it takes), longest first.
  void conjuncts(std::size_t pos, const std::vector<EntityType>& types, State& state) const;

  // The memory of a matcher's vectors, kept by its thread between matchers
  // (one per stage and article), so that a worker stops allocating once it
  // has seen a long sentence and many matches.
  struct Buffers {
    std::vector<Item> items;
    std::vector<std::uint32_t> item_words;
    std::vector<std::uint8_t> item_types;
    std::vector<Match> matches;
  };
  static std::vector<Buffers>& spare_buffers();
  void take_buffers();

  const Document& doc_;
  std::size_t sorted_mentions_ = 0;  // set_sentence(): the mentions it searches, doc_.mentions[0, sorted_mentions_)
  std::size_t next_mention_ = 0;     // set_sentence(): the mention after the last sentence's items
  // The items and side arrays below hold at least item_count_ elements,
  // the sentence's; set_sentence() grows them and never shrinks them.
  std::vector<Item> items_;
  std::size_t item_count_ = 0;
  std::size_t mention_count_ = 0;  // of those items
  // The word number (vocabulary::word_of) of each plain token item, side by
  // side: word elements are tested without reading the tokens.
  std::vector<std::uint32_t> item_words_;
  // For each item, the bits entity_bits() tests: its entity type if it is a
  // mention with one, and kNameBit if it is a mention other than a place
  // adjective; 0 for a plain token.
  std::vector<std::uint8_t> item_types_;
  static constexpr std::uint8_t kNameBit = 1u << 5;
  Coordination coordination_;
  // What the last find_all(pattern, last_start) found, and more.
  mutable std::vector<Match> matches_;
};

}  // namespace kg::extract
