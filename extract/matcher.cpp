#include "extract/matcher.h"

#include <algorithm>

#include "extract/vocabulary.h"

namespace kg::extract {

struct Matcher::State {
  std::vector<std::pair<char, int>> captures;
  // Stacks of what conjuncts() finds for each entity element being tried:
  // the coordinated mentions, and the ways to end the coordination.
  std::vector<int> chains;
  std::vector<std::pair<std::size_t, std::size_t>> ends;  // (item after, number of mentions)
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

Matcher::Matcher(const Document& doc, std::vector<Item> items, Coordination coordination)
    : doc_(doc), items_(std::move(items)), coordination_(coordination) {
  item_words_.reserve(items_.size());
  item_types_.reserve(items_.size());
  for (const Item& item : items_) {
    bool token = item.mention < 0;
    item_words_.push_back(token ? vocabulary::word_of(doc_.tokens[item.first]) : vocabulary::kUnknown);
    item_types_.push_back(token ? 0 : mention_bits(doc_.mentions[static_cast<std::size_t>(item.mention)]));
  }
}

Matcher::Matcher(const Document& doc, Coordination coordination) : doc_(doc), coordination_(coordination) {}

void Matcher::set_sentence(std::size_t sentence) {
  // What sentence_items() and the constructor do, in one pass into the
  // buffers of the previous sentence: at most one item per token.
  const Sentence& s = doc_.sentences[sentence];
  std::size_t size = s.last - s.first;
  items_.resize(size);
  item_words_.resize(size);
  item_types_.resize(size);
  auto m = std::lower_bound(doc_.mentions.begin(), doc_.mentions.end(), s.first,
                            [](const Mention& mention, std::size_t token) { return mention.first < token; });
  std::size_t n = 0;
  for (std::size_t t = s.first; t < s.last; ++n) {
    if (m != doc_.mentions.end() && m->first == t) {
      items_[n] = {m->first, m->last, static_cast<int>(m - doc_.mentions.begin())};
      item_words_[n] = vocabulary::kUnknown;
      item_types_[n] = mention_bits(*m);
      t = m->last;
      ++m;
    } else {
      items_[n] = {t, t + 1, -1};
      item_words_[n] = vocabulary::word_of(doc_.tokens[t]);
      item_types_[n] = 0;
      ++t;
    }
  }
  items_.resize(n);
  item_words_.resize(n);
  item_types_.resize(n);
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
  while (coordination_.separators && p < items_.size()) {
    std::size_t q = p;
    bool conjunction = false;
    while (q < items_.size() && q - p < 4 && items_[q].mention < 0 &&
           coordination_.separators->contains(doc_.tokens[items_[q].first])) {
      conjunction = conjunction || coordination_.conjunctions->contains(doc_.tokens[items_[q].first]);
      ++q;
    }
    if (q > p && q + 1 < items_.size() && items_[q].mention < 0 && coordination_.articles &&
        coordination_.articles->contains(doc_.tokens[items_[q].first])) {
      // "and the Finnish utility Y": an article, then at most two plain words.
      std::size_t r = q + 1;
      while (r < items_.size() && r - q <= 3 && !is_name(r) &&
             (items_[r].mention >= 0 || !doc_.tokens[items_[r].first].capitalized) &&
             (items_[r].mention >= 0 || doc_.tokens[items_[r].first].is_word))
        ++r;
      if (r < items_.size() && is_name(r)) q = r;
    }
    bool joint = q > p && (conjunction || (q == p + 1 && doc_.tokens[items_[p].first].text == ","));
    if (!joint || q >= items_.size() || items_[q].mention < 0 || !is_type(items_[q].mention, types)) break;
    state.chains.push_back(items_[q].mention);
    ++length;
    if (conjunction) state.ends.emplace_back(q + 1, length);
    p = q + 1;
  }
  std::reverse(state.ends.begin() + static_cast<std::ptrdiff_t>(first_end), state.ends.end());
  state.ends.emplace_back(pos + 1, 1);
}

bool Matcher::match_once(const PatternNode& node, std::size_t pos, State& state,
                         FunctionRef<bool(std::size_t)> next) const {
  if (node.kind == PatternNode::Kind::Group) {
    for (const Pattern& alt : node.alternatives)
      if (match_seq(alt, 0, pos, state, next)) return true;
    return false;
  }
  if (pos >= items_.size()) return false;
  const Item& item = items_[pos];
  switch (node.kind) {
    case PatternNode::Kind::Any:  // plain tokens, adjectives ("japonais") and pronouns alike
      return (item.mention < 0 ||
              doc_.mentions[static_cast<std::size_t>(item.mention)].kind == MentionKind::Adjective ||
              doc_.mentions[static_cast<std::size_t>(item.mention)].kind == MentionKind::Pronoun) &&
             next(pos + 1);
    case PatternNode::Kind::AnyItem:
      return next(pos + 1);
    case PatternNode::Kind::Words:
      return has_word_at(node.words, pos) && next(pos + 1);
    case PatternNode::Kind::Entity: {
      if (item.mention < 0 && coordination_.articles && pos + 1 < items_.size() &&
          items_[pos + 1].mention >= 0 && coordination_.articles->contains(doc_.tokens[item.first]))
        return match_once(node, pos + 1, state, next);
      if (item.mention < 0 || !is_type(item.mention, node.types)) return false;
      bool alone = !node.coordinated || !coordination_.separators || pos + 1 >= items_.size() ||
                   items_[pos + 1].mention >= 0 ||
                   !coordination_.separators->contains(doc_.tokens[items_[pos + 1].first]);
      if (alone) {  // the common case, without conjuncts()'s allocations
        state.captures.emplace_back(node.role, item.mention);
        if (next(pos + 1)) return true;
        state.captures.pop_back();
        return false;
      }
      // By index, and popped in the end: the entity elements after this one
      // push their own conjuncts on the same stacks.
      std::size_t chain_base = state.chains.size(), ends_base = state.ends.size();
      conjuncts(pos, node.types, state);
      bool found = false;
      for (std::size_t i = ends_base; !found && i < state.ends.size(); ++i) {
        auto [end, length] = state.ends[i];
        std::size_t mark = state.captures.size();
        for (std::size_t k = 0; k < length; ++k) state.captures.emplace_back(node.role, state.chains[chain_base + k]);
        found = next(end);
        if (!found) state.captures.resize(mark);
      }
      state.chains.resize(chain_base);
      state.ends.resize(ends_base);
      return found;
    }
    case PatternNode::Kind::Group:
      break;
  }
  return false;
}

bool Matcher::match_node(const PatternNode& node, std::size_t count, std::size_t pos, State& state,
                         FunctionRef<bool(std::size_t)> next) const {
  // Lazy: stop as soon as enough were matched, else one more repetition, so
  // that gaps stay as short as possible ("par X et Y" takes both conjuncts).
  if (count >= node.min && next(pos)) return true;
  if (count >= node.max) return false;
  return match_once(node, pos, state, [&](std::size_t after) {
    return after != pos && match_node(node, count + 1, after, state, next);
  });
}

bool Matcher::fills_gap(const PatternNode& gap, std::size_t pos) const {
  const Item& item = items_[pos];
  if (gap.kind == PatternNode::Kind::AnyItem || item.mention < 0) return true;
  MentionKind kind = doc_.mentions[static_cast<std::size_t>(item.mention)].kind;
  return kind == MentionKind::Adjective || kind == MentionKind::Pronoun;
}

bool Matcher::match_gap_then(const Pattern& seq, std::size_t index, std::size_t pos, State& state,
                             FunctionRef<bool(std::size_t)> next) const {
  // The gap's lengths are tried shortest first, as match_node would, but the
  // rest of the pattern only where the element after the gap may start. That
  // element takes at least one item, so the rest cannot match at the end.
  const PatternNode& gap = seq[index];
  const PatternNode& after = seq[index + 1];
  // may_start(after, p) inline for the common word element.
  bool after_word = after.kind == PatternNode::Kind::Words && after.words.stems.empty();
  for (std::size_t length = 0, p = pos; length <= gap.max && p < items_.size(); ++length, ++p) {
    if (length >= gap.min && (after_word ? after.words.has_number(item_words_[p]) : may_start(after, p)) &&
        match_seq(seq, index + 1, p, state, next))
      return true;
    if (items_[p].mention >= 0 && !fills_gap(gap, p)) return false;
  }
  return false;
}

bool Matcher::match_seq(const Pattern& seq, std::size_t index, std::size_t pos, State& state,
                        FunctionRef<bool(std::size_t)> next) const {
  if (index == seq.size()) return next(pos);
  const PatternNode& node = seq[index];
  if ((node.kind == PatternNode::Kind::Any || node.kind == PatternNode::Kind::AnyItem) && index + 1 < seq.size() &&
      seq[index + 1].min >= 1)
    return match_gap_then(seq, index, pos, state, next);
  auto rest = [&](std::size_t after) { return match_seq(seq, index + 1, after, state, next); };
  if (node.max == 1) {
    // What match_node does for at most one occurrence, without its layers of
    // continuations: the element left out first if it may be, then once.
    if (node.min == 0 && rest(pos)) return true;
    if (node.kind == PatternNode::Kind::Words)
      return pos < items_.size() && has_word_at(node.words, pos) && rest(pos + 1);
    return match_once(node, pos, state, [&](std::size_t after) { return after != pos && rest(after); });
  }
  return match_node(node, 0, pos, state, rest);
}

bool Matcher::may_start(const PatternNode& node, std::size_t pos) const {
  if (node.min == 0) return true;
  if (pos >= items_.size()) return false;
  const Item& item = items_[pos];
  switch (node.kind) {
    case PatternNode::Kind::Words:
      return has_word_at(node.words, pos);
    case PatternNode::Kind::Entity:  // or an article before one
      return item.mention >= 0 || (pos + 1 < items_.size() && items_[pos + 1].mention >= 0);
    case PatternNode::Kind::Group:
      for (const Pattern& alt : node.alternatives)
        if (alt.empty() || may_start(alt[0], pos)) return true;
      return false;
    case PatternNode::Kind::Any:
    case PatternNode::Kind::AnyItem:
      break;
  }
  return true;
}

std::size_t Matcher::last_start(const Pattern& pattern) const {
  // The required word and entity elements of the sequence each hold an item
  // of their own, in pattern order: the word, or the entity's first mention
  // (an article before it and conjuncts after it aside). Going backwards from
  // the last one, each must be found before where the next one was found; the
  // first one's place bounds the start of any match.
  std::size_t bound = items_.size();
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
      std::uint8_t accepted = entity_bits(node->types);
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
  std::size_t resume = 0;  // matches do not overlap: the leftmost wins
  // Reused over starts and calls (its captures are cleared before each
  // start): one allocation per thread instead of one per rule and sentence.
  thread_local State state;
  // may_start(pattern[0], start), with the two common first elements tested inline.
  const PatternNode* first = pattern.empty() ? nullptr : &pattern[0];
  bool first_word = first && first->min >= 1 && first->kind == PatternNode::Kind::Words && first->words.stems.empty();
  bool first_entity = first && first->min >= 1 && first->kind == PatternNode::Kind::Entity;
  std::size_t end_start = last < items_.size() ? last + 1 : items_.size();
  for (std::size_t start = 0; start < end_start; ++start) {
    start = std::max(start, resume);
    if (start >= end_start) break;
    if (first_word) {
      if (!first->words.has_number(item_words_[start])) continue;
    } else if (first_entity) {
      if (items_[start].mention < 0 && (start + 1 >= items_.size() || items_[start + 1].mention < 0)) continue;
    } else if (first && !may_start(*first, start)) {
      continue;
    }
    state.captures.clear();
    std::size_t end = 0;
    bool found = match_seq(pattern, 0, start, state, [&](std::size_t after) {
      end = after;
      return true;
    });
    if (!found || end == start) continue;
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
    resume = end;
  }
  return {matches_.data(), count};
}

}  // namespace kg::extract
