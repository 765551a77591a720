#include "extract/matcher.h"

#include <algorithm>
#include <utility>

#include "extract/vocabulary.h"

namespace kg::extract {

// The backtracking search of match_at(), with its stacks kept over starts
// and calls (one per thread): matching allocates nothing once they are grown.
struct Matcher::State {
  // Where the search is: at element `node` of a sequence ending at `end`,
  // inside the group repetition frames[parent] (-1: in the pattern itself).
  struct Cursor {
    const PatternNode* node;
    const PatternNode* end;
    std::int32_t parent;
  };
  // A repetition of a group being matched: the group, where it is, and how
  // many times it was done before this repetition, which began at item
  // `begin` (a repetition that takes no item fails).
  struct Frame {
    Cursor group;
    std::size_t count;
    std::size_t begin;
  };
  // What is left to try at a choice, when everything after it fails.
  enum class Choice : std::uint8_t {
    Repeat,       // one more repetition of element `at`, done `count` times
    Alternative,  // alternative `next` of the group of frames[at.parent]
    Gap,          // gap element `at`, `next` items long before item `pos`, taking that item too
    Conjuncts     // the entity element `at` ending as ends[next], then done `count` times
  };
  struct Branch {
    Choice choice;
    Cursor at;
    std::uint32_t pos;       // the item the search resumes from
    std::uint32_t next;      // see Choice
    std::uint32_t count;     // see Choice
    std::uint32_t captures;  // the sizes of the stacks to go back to
    std::uint32_t frames;
    std::uint32_t chains;  // Conjuncts: where its mentions and ends begin
    std::uint32_t ends;
  };

  std::vector<std::pair<char, int>> captures;
  // What conjuncts() finds for each entity element with a choice left: the
  // coordinated mentions, and the ways to end the coordination.
  std::vector<int> chains;
  std::vector<std::pair<std::size_t, std::size_t>> ends;  // (item after, number of mentions)
  std::vector<Frame> frames;
  std::vector<Branch> branches;

  // Pushes a branch to resume at element `at` from item `pos`.
  void push(Choice choice, Cursor at, std::size_t pos, std::size_t next, std::size_t count) {
    branches.push_back({choice, at, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(next),
                        static_cast<std::uint32_t>(count), static_cast<std::uint32_t>(captures.size()),
                        static_cast<std::uint32_t>(frames.size()), 0, 0});
  }
  // Captures, as `role`, the mentions of the coordination at chains[chain]
  // that ends[i] takes; returns the item after them.
  std::size_t take_end(char role, std::size_t i, std::size_t chain) {
    auto [end, length] = ends[i];
    for (std::size_t k = 0; k < length; ++k) captures.emplace_back(role, chains[chain + k]);
    return end;
  }
};

std::vector<Item> sentence_items(const Document& doc, std::size_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  std::vector<Item> items;
  items.reserve(s.last - s.first);
  auto m = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s.first,
                            [](const Mention& mention, std::size_t token) { return mention.first < token; });
  for (std::size_t t = s.first; t < s.last;) {
    if (m != doc.mentions.end() && m->first == t) {
      items.push_back({m->first, m->last, static_cast<int>(m - doc.mentions.begin())});
      t = m->last;
      ++m;
    } else {
      items.push_back({t, t + 1, -1});
      ++t;
    }
  }
  return items;
}

std::vector<Matcher::Buffers>& Matcher::spare_buffers() {
  thread_local std::vector<Buffers> spare;
  return spare;
}

void Matcher::take_buffers() {
  std::vector<Buffers>& spare = spare_buffers();
  if (spare.empty()) return;
  Buffers& buffers = spare.back();
  items_ = std::move(buffers.items);
  item_words_ = std::move(buffers.item_words);
  item_types_ = std::move(buffers.item_types);
  matches_ = std::move(buffers.matches);
  spare.pop_back();
}

Matcher::~Matcher() {
  // A few sets are enough: a thread rarely holds more than one matcher at once.
  std::vector<Buffers>& spare = spare_buffers();
  if (spare.size() < 4)
    spare.push_back({std::move(items_), std::move(item_words_), std::move(item_types_), std::move(matches_)});
}

Matcher::Matcher(const Document& doc, std::vector<Item> items, Coordination coordination)
    : doc_(doc), items_(std::move(items)), item_count_(items_.size()), coordination_(coordination) {
  item_words_.reserve(item_count_);
  item_types_.reserve(item_count_);
  for (const Item& item : items_) {
    bool token = item.mention < 0;
    if (!token) ++mention_count_;
    item_words_.push_back(token ? vocabulary::word_of(doc_.tokens[item.first]) : vocabulary::kUnknown);
    item_types_.push_back(token ? 0 : mention_bits(doc_.mentions[static_cast<std::size_t>(item.mention)]));
  }
}

Matcher::Matcher(const Document& doc, Coordination coordination)
    : doc_(doc), sorted_mentions_(doc.mentions.size()), coordination_(coordination) {
  take_buffers();
}

void Matcher::set_sentence(std::size_t sentence) {
  // What sentence_items() and the constructor do, in one pass into the
  // buffers of the previous sentence (at most one item per token): a tight
  // loop over each run of plain tokens, then the mention that ends it. The
  // buffers only grow, to the longest sentence: item_count_ says how many
  // items are this sentence's, and no item is made just to be overwritten.
  const Sentence s = doc_.sentences[sentence];  // a copy: the stores below cannot change it
  std::size_t size = s.last - s.first;
  if (items_.size() < size) {
    items_.resize(size);
    item_words_.resize(size);
    item_types_.resize(size);
  }
  Item* items = items_.data();
  std::uint32_t* words = item_words_.data();
  std::uint8_t* types = item_types_.data();
  const Token* tokens = doc_.tokens.data();
  // Only the sorted mentions: a binary search that reached the ones
  // coreference appends out of order could skip a sentence's mentions.
  const Mention* mentions = doc_.mentions.data();
  const Mention* mentions_end = mentions + sorted_mentions_;
  // The first mention from the sentence on. Sentences are mostly set in
  // order, and the mention after the previous sentence's is then the one:
  // it is checked before a binary search is made.
  const Mention* m = mentions + next_mention_;
  if (!((m == mentions || m[-1].first < s.first) &&
        (m == mentions_end || m->first >= s.first)))
    m = std::lower_bound(mentions, mentions_end, s.first,
                         [](const Mention& mention, std::size_t token) { return mention.first < token; });
  // A token labelled when as many words were numbered as now holds its
  // number; one labelled before is looked up again, out of the loop, which
  // then keeps its state in registers (and a loop that may stop early is
  // not vectorized, which would cost more than it saves on runs of five).
  const Mention* const first_mention = m;
  const std::uint32_t known = vocabulary::size();
  std::size_t n = 0;
  std::size_t t = s.first;
  while (true) {
    // The first token of mention `m`, or s.last when there is none in the
    // sentence from `t` on (or when `m` overlaps the item before it).
    std::size_t next = m != mentions_end && m->first >= t ? std::min(m->first, s.last) : s.last;
    for (; t < next; ++t, ++n) {
      const Token& token = tokens[t];
      if (token.known_words != known) break;
      items[n] = {t, t + 1, -1};
      words[n] = token.word;
      types[n] = 0;
    }
    if (t < next) {
      items[n] = {t, t + 1, -1};
      words[n] = vocabulary::word_of(tokens[t]);
      types[n] = 0;
      ++t;
      ++n;
      continue;
    }
    if (t >= s.last) break;
    items[n] = {m->first, m->last, static_cast<int>(m - mentions)};
    words[n] = vocabulary::kUnknown;
    types[n] = mention_bits(*m);
    ++n;
    t = m->last;
    ++m;
  }
  mention_count_ = static_cast<std::size_t>(m - first_mention);
  next_mention_ = static_cast<std::size_t>(m - mentions);
  item_count_ = n;
}

std::uint8_t Matcher::mention_bits(const Mention& m) {
  return static_cast<std::uint8_t>((m.type ? 1u << static_cast<unsigned>(*m.type) : 0u) |
                                   (m.kind != MentionKind::Adjective ? kNameBit : 0u));
}

std::uint8_t Matcher::entity_bits(const std::vector<EntityType>& types) {
  if (types.empty()) return kNameBit;
  unsigned bits = 0;
  for (EntityType type : types) bits |= 1u << static_cast<unsigned>(type);
  return static_cast<std::uint8_t>(bits);
}

bool Matcher::is_name(std::size_t pos) const {
  return items_[pos].mention >= 0 &&
         doc_.mentions[static_cast<std::size_t>(items_[pos].mention)].kind != MentionKind::Adjective;
}

bool Matcher::is_type(int mention, const std::vector<EntityType>& types) const {
  // A nationality adjective is a place only where a place is asked for.
  const Mention& m = doc_.mentions[static_cast<std::size_t>(mention)];
  if (types.empty()) return m.kind != MentionKind::Adjective;
  const auto& type = m.type;
  return type && std::find(types.begin(), types.end(), *type) != types.end();
}

void Matcher::conjuncts(std::size_t pos, const std::vector<EntityType>& types, State& state) const {
  // Every prefix of "E1 , E2 et E3" that ends on an entity after a joint with
  // a conjunction; the single E1 is always the last choice.
  std::size_t first_end = state.ends.size();
  std::size_t length = 1;
  state.chains.push_back(items_[pos].mention);
  std::size_t p = pos + 1;
  while (coordination_.separators && p < item_count_) {
    std::size_t q = p;
    bool conjunction = false;
    while (q < item_count_ && q - p < 4 && has_word_at(*coordination_.separators, q)) {
      conjunction = conjunction || has_word_at(*coordination_.conjunctions, q);
      ++q;
    }
    if (q > p && q + 1 < item_count_ && coordination_.articles && has_word_at(*coordination_.articles, q)) {
      // "and the Finnish utility Y": an article, then at most two plain words.
      std::size_t r = q + 1;
      while (r < item_count_ && r - q <= 3 && !is_name(r) &&
             (items_[r].mention >= 0 || !doc_.tokens[items_[r].first].capitalized) &&
             (items_[r].mention >= 0 || doc_.tokens[items_[r].first].is_word))
        ++r;
      if (r < item_count_ && is_name(r)) q = r;
    }
    bool joint = q > p && (conjunction || (q == p + 1 && doc_.tokens[items_[p].first].text == ","));
    if (!joint || q >= item_count_ || items_[q].mention < 0 || !is_type(items_[q].mention, types)) break;
    state.chains.push_back(items_[q].mention);
    ++length;
    if (conjunction) state.ends.emplace_back(q + 1, length);
    p = q + 1;
  }
  std::reverse(state.ends.begin() + static_cast<std::ptrdiff_t>(first_end), state.ends.end());
  state.ends.emplace_back(pos + 1, 1);
}

bool Matcher::refers_to_captured(int mention, const State& state) const {
  const Mention& m = doc_.mentions[static_cast<std::size_t>(mention)];
  if (m.kind != MentionKind::Pronoun) return false;
  return std::any_of(state.captures.begin(), state.captures.end(), [&](const std::pair<char, int>& capture) {
    return doc_.mentions[static_cast<std::size_t>(capture.second)].entity == m.entity;
  });
}

bool Matcher::fills_gap(const PatternNode& gap, std::size_t pos) const {
  const Item& item = items_[pos];
  if (gap.kind == PatternNode::Kind::AnyItem) return true;
  if (item.mention < 0) {
    const WordSet& excluded = gap.words;
    return (excluded.words.empty() && excluded.stems.empty()) || !excluded.contains(doc_.tokens[item.first]);
  }
  MentionKind kind = doc_.mentions[static_cast<std::size_t>(item.mention)].kind;
  return kind == MentionKind::Adjective || kind == MentionKind::Pronoun;
}

inline bool Matcher::may_begin(const PatternNode& node, std::size_t pos, const ItemArrays& arrays) const {
  if (pos >= arrays.n) return false;
  switch (node.begin) {
    case PatternNode::Begin::Anywhere:
      return true;
    case PatternNode::Begin::Word:
      return node.words.has_number(arrays.words[pos]);
    case PatternNode::Begin::Entity:  // as match_at() takes one: a plain token has no entity bits
      return (arrays.types[pos] & node.entity_bits) ||
             (pos + 1 < arrays.n && (arrays.types[pos + 1] & node.entity_bits) && arrays.items[pos].mention < 0 &&
              coordination_.articles && has_word_at(*coordination_.articles, pos));
    case PatternNode::Begin::GroupWords:
      return node.first_words.has_number(arrays.words[pos]);
    case PatternNode::Begin::Other:
      break;
  }
  return may_begin_other(node, pos);
}

bool Matcher::may_begin_other(const PatternNode& node, std::size_t pos) const {
  switch (node.kind) {
    case PatternNode::Kind::Words:
      return has_word_at(node.words, pos);
    case PatternNode::Kind::Entity:  // or an article before one
      return items_[pos].mention >= 0 || (pos + 1 < item_count_ && items_[pos + 1].mention >= 0);
    case PatternNode::Kind::Group:  // whether one alternative's first element may begin
      for (const Pattern& alt : node.alternatives)
        if (alt.empty() || alt[0].min == 0 ||
            (alt[0].kind == PatternNode::Kind::Words ? has_word_at(alt[0].words, pos) : may_begin_other(alt[0], pos)))
          return true;
      return false;
    case PatternNode::Kind::Any:
    case PatternNode::Kind::AnyItem:
      break;
  }
  return true;
}

// Inlined into find_all(), its one caller, like match_at().
[[gnu::always_inline]] inline std::size_t Matcher::next_begin(const PatternNode& node, std::size_t start,
                                                              std::size_t end, const ItemArrays& arrays) const {
  // A tight loop for each test: most items are passed over.
  const std::uint32_t* const words = arrays.words;
  switch (node.begin) {
    case PatternNode::Begin::Anywhere:
      return start;
    case PatternNode::Begin::Word:
      while (start < end && !node.words.has_number(words[start])) ++start;
      return start;
    case PatternNode::Begin::GroupWords:
      while (start < end && !node.first_words.has_number(words[start])) ++start;
      return start;
    case PatternNode::Begin::Entity: {
      const std::uint8_t* const types = arrays.types;
      const std::uint8_t accepted = node.entity_bits;
      while (start < end && !(types[start] & accepted) &&
             !(start + 1 < arrays.n && (types[start + 1] & accepted) && arrays.items[start].mention < 0 &&
               coordination_.articles && has_word_at(*coordination_.articles, start)))
        ++start;
      return start;
    }
    case PatternNode::Begin::Other:
      break;
  }
  while (start < end && !may_begin_other(node, start)) ++start;
  return start;
}

// Inlined into find_all(), its one caller: the sentence's pointers and the
// saved registers are set up once per pattern instead of once per start.
[[gnu::always_inline]] inline std::size_t Matcher::match_at(const Pattern& pattern, std::size_t start,
                                                           const ItemArrays& arrays, State& state) const {
  // A backtracking search without recursion: the path followed so far is the
  // cursor `at`, the item `pos` and the stacks; at each choice on the path a
  // Branch keeps what is left to try there, pushed so that the preferred way
  // is tried first (see find_all) and taken when the path fails. The steps
  // jump to one another, the way interpreters are written, so that the
  // search's state stays in registers and a step costs a few instructions.
  using Kind = PatternNode::Kind;
  using Choice = State::Choice;
  const std::size_t n = arrays.n;
  const Item* items = arrays.items;
  const std::uint8_t* types = arrays.types;
  state.captures.clear();
  state.chains.clear();
  state.ends.clear();
  state.frames.clear();
  state.branches.clear();
  State::Cursor at{pattern.data(), pattern.data() + pattern.size(), -1};
  std::size_t pos = start;
  // How many times element `at` was matched on the path; for a gap element,
  // which is never repeated, how many items it holds before item `pos` (one
  // variable for both leaves a register to the search's other state).
  std::size_t count = 0;

next:  // goes on with element `at`, matched `count` times
  if (at.node == at.end) {
    if (at.parent < 0) return pos;
    // The end of a repetition of a group: it must have taken an item.
    const State::Frame& frame = state.frames[static_cast<std::size_t>(at.parent)];
    if (pos == frame.begin) goto fail;
    count = frame.count + 1;
    at = frame.group;
  }
  if (count >= at.node->min) {
    if (at.node->kind == Kind::Any || at.node->kind == Kind::AnyItem) {
      if (count == 0) goto gap;
    } else if (count < at.node->max && may_begin(*at.node, pos, arrays)) {
      // Repeats are lazy: the rest first, then one more if it may begin.
      state.push(Choice::Repeat, at, pos, 0, count);
    }
    ++at.node;
    count = 0;
    goto next;
  }
  if (at.node->kind == Kind::Any || at.node->kind == Kind::AnyItem) goto gap;

once:  // matches element `at` once more (a group: enters its first alternative)
  switch (at.node->kind) {
    case Kind::Words:
      if (!may_begin(*at.node, pos, arrays)) goto fail;  // exact for words
      ++pos;
      if (++count == at.node->max) {
        ++at.node;
        count = 0;
      }
      goto next;
    case Kind::Entity: {
      if (pos >= n) goto fail;
      const PatternNode& node = *at.node;
      std::size_t p = pos;  // or the item after an article before the entity
      if (items[p].mention < 0 && coordination_.articles && p + 1 < n && items[p + 1].mention >= 0 &&
          has_word_at(*coordination_.articles, p))
        ++p;
      if (!(types[p] & node.entity_bits)) goto fail;  // a plain token has no bits
      // A pronoun of an entity the match holds already fills no other slot:
      // "X a racheté son concurrent Y" relates X to Y, not X to "son" (X).
      if (refers_to_captured(items[p].mention, state)) goto fail;
      ++count;
      if (!node.coordinated || !coordination_.separators || p + 1 >= n ||
          !has_word_at(*coordination_.separators, p + 1)) {  // the common case, without conjuncts()
        state.captures.emplace_back(node.role, items[p].mention);
        pos = p + 1;
        goto next;
      }
      std::size_t chain = state.chains.size(), ends = state.ends.size();
      conjuncts(p, node.types, state);
      pos = state.take_end(node.role, ends, chain);
      if (state.ends.size() - ends > 1) {
        state.push(Choice::Conjuncts, at, pos, ends + 1, count);
        state.branches.back().captures -= static_cast<std::uint32_t>(state.ends[ends].second);
        state.branches.back().chains = static_cast<std::uint32_t>(chain);
        state.branches.back().ends = static_cast<std::uint32_t>(ends);
      } else {
        state.chains.resize(chain);
        state.ends.resize(ends);
      }
      goto next;
    }
    case Kind::Group: {
      const auto& alternatives = at.node->alternatives;
      if (alternatives.empty()) goto fail;
      state.frames.push_back({at, count, pos});
      at = {alternatives[0].data(), alternatives[0].data() + alternatives[0].size(),
            static_cast<std::int32_t>(state.frames.size() - 1)};
      count = 0;
      if (alternatives.size() > 1) state.push(Choice::Alternative, at, pos, 1, 0);
      goto next;
    }
    case Kind::Any:  // gaps are matched by the gap step
    case Kind::AnyItem:
      break;
  }
  goto fail;

gap:  // ends gap element `at` at the first place, from `pos` on, where the rest may start
  {
    const PatternNode& gap = *at.node;
    // Where the element after the gap takes an item, the rest is tried only
    // where that element may begin.
    const PatternNode* after = at.node + 1 < at.end && at.node[1].min >= 1 ? at.node + 1 : nullptr;
    for (std::size_t length = count; length <= gap.max && (!after || pos < n); ++length, ++pos) {
      if (length >= gap.min && (!after || may_begin(*after, pos, arrays))) {
        state.push(Choice::Gap, at, pos, length, 0);
        ++at.node;
        count = 0;
        goto next;
      }
      if (pos >= n || !fills_gap(gap, pos)) break;
    }
  }

fail:  // resumes at the last branch
  if (state.branches.empty()) return kNoStart;
  {
    State::Branch& branch = state.branches.back();
    state.captures.resize(branch.captures);
    state.frames.resize(branch.frames);
    at = branch.at;
    pos = branch.pos;
    switch (branch.choice) {
      case Choice::Repeat:
        count = branch.count;
        state.branches.pop_back();
        goto once;
      case Choice::Alternative: {
        const Pattern& alternative = state.frames[static_cast<std::size_t>(at.parent)].group.node->alternatives[branch.next];
        at.node = alternative.data();
        at.end = alternative.data() + alternative.size();
        count = 0;
        if (branch.next + 1 < state.frames[static_cast<std::size_t>(at.parent)].group.node->alternatives.size())
          ++branch.next;
        else
          state.branches.pop_back();
        goto next;
      }
      case Choice::Gap:  // one item longer, if the gap may hold item `pos`
        count = branch.next + 1;
        state.branches.pop_back();
        if (pos >= n || !fills_gap(*at.node, pos)) goto fail;
        ++pos;
        goto gap;
      case Choice::Conjuncts: {
        // The branches above this one are gone, and with them the conjuncts
        // of the entity elements after it: its ends are the last.
        count = branch.count;
        std::size_t chain = branch.chains, ends = branch.ends;
        pos = state.take_end(at.node->role, branch.next, chain);
        if (branch.next + 1 < state.ends.size()) {
          ++branch.next;
        } else {
          state.branches.pop_back();
          state.chains.resize(chain);
          state.ends.resize(ends);
        }
        goto next;
      }
    }
  }
  return kNoStart;
}

std::size_t Matcher::last_start(const Pattern& pattern) const {
  // The required word and entity elements of the sequence each hold an item
  // of their own, in pattern order: the word, or the entity's first mention
  // (an article before it and conjuncts after it aside). Going backwards from
  // the last one, each must be found before where the next one was found; the
  // first one's place bounds the start of any match.
  std::size_t bound = item_count_;
  for (auto node = pattern.rbegin(); node != pattern.rend(); ++node) {
    if (node->min == 0) continue;
    std::size_t p = bound;
    // Tight loops over the side arrays: a mention's word number is kUnknown,
    // which no word set holds, and a plain token's type bits are 0.
    if (node->kind == PatternNode::Kind::Words && node->words.stems.empty()) {
      while (p > 0 && !node->words.has_number(item_words_[p - 1])) --p;
    } else if (node->kind == PatternNode::Kind::Words) {
      while (p > 0 && !has_word_at(node->words, p - 1)) --p;
    } else if (node->kind == PatternNode::Kind::Entity) {
      std::uint8_t accepted = node->entity_bits;
      while (p > 0 && !(item_types_[p - 1] & accepted)) --p;
    } else {
      continue;
    }
    if (p == 0) return kNoStart;
    bound = p - 1;
  }
  return bound;
}

std::vector<Match> Matcher::find_all(const Pattern& pattern) const {
  std::size_t last = last_start(pattern);
  if (last == kNoStart) return {};
  std::span<const Match> matches = find_all(pattern, last);
  return {matches.begin(), matches.end()};
}

std::span<const Match> Matcher::find_all(const Pattern& pattern, std::size_t last) const {
  std::size_t count = 0;
  // Reused over starts and calls (its captures are cleared before each
  // start): one allocation per thread instead of one per rule and sentence.
  thread_local State state;
  // The sentence, read through pointers that stay in registers.
  const std::size_t n = item_count_;
  const ItemArrays arrays{n, items_.data(), item_types_.data(), item_words_.data()};
  const std::size_t end_start = last < n ? last + 1 : n;
  // Starts where the first element cannot begin are skipped, when it must be there.
  const PatternNode* first = !pattern.empty() && pattern[0].min >= 1 ? &pattern[0] : nullptr;
  std::size_t start = 0;
  while (true) {
    if (first) start = next_begin(*first, start, end_start, arrays);
    if (start >= end_start) break;
    std::size_t end = match_at(pattern, start, arrays, state);
    if (end == kNoStart || end == start) {
      ++start;
      continue;
    }
    if (count == matches_.size()) matches_.emplace_back();
    Match& m = matches_[count++];  // its vectors keep their capacity
    m.first = start;
    m.last = end;
    m.subjects.clear();
    m.objects.clear();
    m.targets.clear();
    for (const auto& [role, mention] : state.captures) {
      if (role == 'S') m.subjects.push_back(mention);
      else if (role == 'O') m.objects.push_back(mention);
      else if (role == 'T') m.targets.push_back(mention);
    }
    start = end;  // matches do not overlap: the leftmost wins
  }
  return {matches_.data(), count};
}

}  // namespace kg::extract
