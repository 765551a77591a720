#include "extract/matcher.h"

#include <algorithm>

namespace kg::extract {

struct Matcher::State {
  std::vector<std::pair<char, int>> captures;
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
    : doc_(doc), items_(std::move(items)), coordination_(coordination) {}

bool Matcher::is_type(int mention, const std::vector<EntityType>& types) const {
  if (types.empty()) return true;
  const auto& type = doc_.mentions[static_cast<std::size_t>(mention)].type;
  return type && std::find(types.begin(), types.end(), *type) != types.end();
}

std::vector<std::pair<std::size_t, std::vector<int>>> Matcher::conjuncts(
    std::size_t pos, const std::vector<EntityType>& types) const {
  // Every prefix of "E1 , E2 et E3" that ends on an entity after a joint with
  // a conjunction; the single E1 is always the last choice.
  std::vector<std::pair<std::size_t, std::vector<int>>> ends;
  std::vector<int> chain{items_[pos].mention};
  std::size_t p = pos + 1;
  while (coordination_.separators && p < items_.size()) {
    std::size_t q = p;
    bool conjunction = false;
    while (q < items_.size() && q - p < 3 && items_[q].mention < 0 &&
           coordination_.separators->contains(doc_.tokens[items_[q].first].key)) {
      conjunction = conjunction || coordination_.conjunctions->contains(doc_.tokens[items_[q].first].key);
      ++q;
    }
    bool joint = q > p && (conjunction || (q == p + 1 && doc_.tokens[items_[p].first].text == ","));
    if (!joint || q >= items_.size() || items_[q].mention < 0 || !is_type(items_[q].mention, types)) break;
    chain.push_back(items_[q].mention);
    if (conjunction) ends.emplace_back(q + 1, chain);
    p = q + 1;
  }
  std::reverse(ends.begin(), ends.end());
  ends.emplace_back(pos + 1, std::vector<int>{items_[pos].mention});
  return ends;
}

bool Matcher::match_once(const PatternNode& node, std::size_t pos, State& state,
                         const std::function<bool(std::size_t)>& next) const {
  if (node.kind == PatternNode::Kind::Group) {
    for (const Pattern& alt : node.alternatives)
      if (match_seq(alt, 0, pos, state, next)) return true;
    return false;
  }
  if (pos >= items_.size()) return false;
  const Item& item = items_[pos];
  switch (node.kind) {
    case PatternNode::Kind::Any:
      return item.mention < 0 && next(pos + 1);
    case PatternNode::Kind::Words:
      return item.mention < 0 && node.words.contains(doc_.tokens[item.first].key) && next(pos + 1);
    case PatternNode::Kind::Entity: {
      if (item.mention < 0 || !is_type(item.mention, node.types)) return false;
      for (const auto& [end, chain] : conjuncts(pos, node.types)) {
        std::size_t mark = state.captures.size();
        for (int m : chain) state.captures.emplace_back(node.role, m);
        if (next(end)) return true;
        state.captures.resize(mark);
      }
      return false;
    }
    case PatternNode::Kind::Group:
      break;
  }
  return false;
}

bool Matcher::match_node(const PatternNode& node, std::size_t count, std::size_t pos, State& state,
                         const std::function<bool(std::size_t)>& next) const {
  // Greedy: one more repetition first, then stop if enough were matched.
  if (count < node.max) {
    bool more = match_once(node, pos, state, [&](std::size_t after) {
      return after != pos && match_node(node, count + 1, after, state, next);
    });
    if (more) return true;
  }
  return count >= node.min && next(pos);
}

bool Matcher::match_seq(const Pattern& seq, std::size_t index, std::size_t pos, State& state,
                        const std::function<bool(std::size_t)>& next) const {
  if (index == seq.size()) return next(pos);
  return match_node(seq[index], 0, pos, state, [&](std::size_t after) {
    return match_seq(seq, index + 1, after, state, next);
  });
}

std::vector<Match> Matcher::find_all(const Pattern& pattern) const {
  std::vector<Match> matches;
  for (std::size_t start = 0; start < items_.size(); ++start) {
    State state;
    std::size_t end = 0;
    bool found = match_seq(pattern, 0, start, state, [&](std::size_t after) {
      end = after;
      return true;
    });
    if (!found || end == start) continue;
    Match m{start, end, {}, {}, {}};
    for (const auto& [role, mention] : state.captures) {
      if (role == 'S') m.subjects.push_back(mention);
      else if (role == 'O') m.objects.push_back(mention);
      else if (role == 'T') m.targets.push_back(mention);
    }
    matches.push_back(std::move(m));
  }
  return matches;
}

}  // namespace kg::extract
