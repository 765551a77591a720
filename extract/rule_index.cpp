#include "extract/rule_index.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <type_traits>

#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

// Packs `lists` into `begin` and `packed`: list i is packed[begin[i] .. begin[i + 1]).
void pack(const std::vector<std::vector<std::uint32_t>>& lists, std::vector<std::uint32_t>& begin,
          std::vector<std::uint32_t>& packed) {
  begin.reserve(lists.size() + 1);
  begin.push_back(0);
  for (const auto& list : lists) {
    packed.insert(packed.end(), list.begin(), list.end());
    begin.push_back(static_cast<std::uint32_t>(packed.size()));
  }
}

// How unselective a required word element is as an anchor: one without
// function words or punctuation if possible, else the smallest.
std::size_t anchor_cost(const WordSet& words, const WordSet& function_words) {
  std::size_t cost = words.words.size() + 4 * words.stems.size();
  for (const std::string& w : words.words)
    if (function_words.words.count(w) || (!w.empty() && std::ispunct(static_cast<unsigned char>(w[0])))) cost += 1000;
  return cost;
}

// Whether `node` holds exactly one item of its own, where the element after
// it begins right after: a word, or an entity without conjuncts, once.
bool takes_one_item(const PatternNode& node) {
  return node.min == 1 && node.max == 1 &&
         (node.kind == PatternNode::Kind::Words || (node.kind == PatternNode::Kind::Entity && !node.coordinated));
}

// The most items `node` may take, or kUnbounded: a word or a gap one per
// repeat, an entity without conjuncts two (an article before it); an entity
// with conjuncts and a group may take any number.
std::size_t most_items(const PatternNode& node) {
  if (node.max > std::numeric_limits<std::uint8_t>::max()) return kUnbounded;  // beyond any reach kept
  switch (node.kind) {
    case PatternNode::Kind::Words:
    case PatternNode::Kind::Any:
    case PatternNode::Kind::AnyItem: return node.max;
    case PatternNode::Kind::Entity: return node.coordinated ? kUnbounded : 2 * node.max;
    case PatternNode::Kind::Group: break;
  }
  return kUnbounded;
}

// How far after the item of element `from` of `pattern` the item of element
// `to` may be found (1: the next item), when `from` takes one item and the
// elements between have a bounded length; else 0, anywhere after.
std::uint8_t reach(const Pattern& pattern, std::size_t from, std::size_t to) {
  // A group's word may be anywhere in it.
  if (!takes_one_item(pattern[from]) || pattern[to].kind == PatternNode::Kind::Group) return 0;
  std::size_t items = pattern[to].kind == PatternNode::Kind::Entity ? 2 : 1;  // an article before an entity
  for (std::size_t j = from + 1; j < to; ++j) {
    std::size_t most = most_items(pattern[j]);
    if (most > std::numeric_limits<std::uint8_t>::max()) return 0;
    items += most;
  }
  return items > std::numeric_limits<std::uint8_t>::max() ? 0 : static_cast<std::uint8_t>(items);
}

// The anchor cost of an entity element: entities are in most sentences.
constexpr std::size_t kEntityAnchorCost = static_cast<std::size_t>(-1);

}  // namespace

std::optional<WordSet> required_words(const PatternNode& node, const WordSet& function_words) {
  if (node.min == 0) return std::nullopt;
  if (node.kind == PatternNode::Kind::Words) return node.words;
  if (node.kind != PatternNode::Kind::Group || node.alternatives.empty()) return std::nullopt;
  WordSet needed;
  for (const Pattern& alternative : node.alternatives) {
    std::optional<WordSet> cheapest;
    std::size_t cheapest_cost = 0;
    for (const PatternNode& element : alternative) {
      std::optional<WordSet> words = required_words(element, function_words);
      if (!words) continue;
      std::size_t cost = anchor_cost(*words, function_words);
      if (!cheapest || cost < cheapest_cost) {
        cheapest = std::move(words);
        cheapest_cost = cost;
      }
    }
    if (!cheapest) return std::nullopt;
    needed.add(*cheapest);
  }
  return needed;
}

RuleIndex::RuleIndex(const RuleSet& rules, Rule::Action action) {
  std::map<std::string, std::uint32_t> word_elements;
  std::map<std::uint8_t, std::uint32_t> entity_elements;
  std::vector<std::vector<std::uint32_t>> elements_by_word;
  std::vector<std::vector<std::uint32_t>> required;
  std::vector<std::vector<std::uint8_t>> reaches;  // parallel to required
  std::vector<std::vector<std::uint32_t>> anchored;  // by element
  std::vector<std::uint32_t> every_token_elements;  // those with the empty stem
  std::map<std::uint32_t, std::string> word_keys;   // the key of each word of elements_by_word
  const WordSet& function_words = rules.word_class("FUNCTION_WORDS");
  std::deque<WordSet> group_words;  // the rule's groups' words, which the pointers below keep
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    if (rule.action != action) continue;
    auto position = static_cast<std::uint32_t>(indexed_.size());
    indexed_.push_back(r);
    std::vector<std::uint32_t>& elements = required.emplace_back();
    std::vector<std::uint8_t>& next = reaches.emplace_back();
    std::size_t previous = 0;  // the node of the last element
    std::size_t anchor = 0, best = 0;
    const WordSet* screen = nullptr;  // the cheapest required word element
    std::size_t screen_cost = 0;
    group_words.clear();
    for (std::size_t j = 0; j < rule.pattern.size(); ++j) {
      const PatternNode& node = rule.pattern[j];
      // The words a required element holds one of: a word element's, or
      // those of a group each of whose alternatives needs a word.
      const WordSet* words = node.kind == PatternNode::Kind::Words ? &node.words : nullptr;
      if (node.min > 0 && node.kind == PatternNode::Kind::Group)
        if (std::optional<WordSet> needed = required_words(node, function_words))
          words = &group_words.emplace_back(std::move(*needed));
      if (node.min > 0 && words) {
        std::size_t cost = anchor_cost(*words, function_words);
        if (!screen || cost < screen_cost) {
          screen = words;
          screen_cost = cost;
        }
      }
      if (node.min == 0 || (node.kind != PatternNode::Kind::Entity && !words)) continue;
      if (!elements.empty()) next.back() = reach(rule.pattern, previous, j);
      next.push_back(0);
      previous = j;
      std::size_t cost =
          node.kind == PatternNode::Kind::Entity ? kEntityAnchorCost : anchor_cost(*words, function_words);
      if (elements.empty() || cost < best) {
        anchor = elements.size();
        best = cost;
      }
      if (node.kind == PatternNode::Kind::Entity) {
        std::uint8_t bits = Matcher::entity_bits(node.types);
        auto [it, added] = entity_elements.try_emplace(bits, static_cast<std::uint32_t>(element_count_));
        if (added) ++element_count_;
        elements.push_back(it->second);
      } else {
        auto [it, added] = word_elements.try_emplace(words->canonical_text(), static_cast<std::uint32_t>(element_count_));
        elements.push_back(it->second);
        if (!added) continue;
        ++element_count_;
        for (const std::string& w : words->words) {
          std::uint32_t word = vocabulary::intern(w);
          if (elements_by_word.size() <= word) elements_by_word.resize(word + 1);
          elements_by_word[word].push_back(it->second);
          word_keys.emplace(word, w);
        }
        for (const std::string& stem : words->stems) {
          if (stem.empty()) {
            every_token_elements.push_back(it->second);
            continue;
          }
          auto& bucket = stem_elements_[static_cast<unsigned char>(stem[0])];
          auto same = std::find_if(bucket.begin(), bucket.end(), [&](const StemElements& b) { return b.stem == stem; });
          if (same == bucket.end()) same = bucket.insert(bucket.end(), StemElements{stem, {}, {}});
          same->elements.push_back(it->second);
          has_stems_ = true;
        }
      }
    }
    if (screen) screen_.add(*screen);
    else every_sentence_ = true;
    std::size_t mentions = 0;
    for (const PatternNode& node : rule.pattern)
      if (node.kind == PatternNode::Kind::Entity) mentions += node.min;
    fewest_mentions_ = position == 0 ? mentions : std::min(fewest_mentions_, mentions);
    if (elements.empty()) {
      always_indexed_.push_back(position);
      continue;
    }
    if (anchored.size() < element_count_) anchored.resize(element_count_);
    anchored[elements[anchor]].push_back(position);
  }
  anchored.resize(element_count_);
  screen_.seal();
  std::vector<std::vector<std::uint32_t>> by_entity_bits(256);
  for (unsigned item_bits = 0; item_bits < 256; ++item_bits)
    for (const auto& [accepted, element] : entity_elements)
      if (item_bits & accepted) by_entity_bits[item_bits].push_back(element);
  pack(required, required_begin_, required_);
  for (const auto& list : reaches) reach_.insert(reach_.end(), list.begin(), list.end());
  pack(anchored, anchored_begin_, anchored_);
  mask_words_ = (element_count_ + 63) / 64;
  // The element lists as masks of mask_words_ words, one per word number,
  // per item bits, for every token, per stem.
  auto to_masks = [&](const std::vector<std::vector<std::uint32_t>>& lists) {
    std::vector<std::uint64_t> masks(lists.size() * mask_words_, 0);
    for (std::size_t i = 0; i < lists.size(); ++i)
      for (std::uint32_t e : lists[i]) masks[i * mask_words_ + e / 64] |= std::uint64_t{1} << (e % 64);
    return masks;
  };
  // The words of the index also get the elements of their stems: a token
  // that is one of them needs no stem test (find_elements()).
  stems_in_word_mask_.assign(elements_by_word.size(), 0);
  for (const auto& [word, key] : word_keys) {
    std::vector<std::uint32_t>& elements = elements_by_word[word];
    elements.insert(elements.end(), every_token_elements.begin(), every_token_elements.end());
    if (!key.empty())
      for (const StemElements& stem : stem_elements_[static_cast<unsigned char>(key[0])])
        if (key.compare(0, stem.stem.size(), stem.stem) == 0)
          elements.insert(elements.end(), stem.elements.begin(), stem.elements.end());
    stems_in_word_mask_[word] = 1;
  }
  word_count_ = elements_by_word.size();
  word_masks_ = to_masks(elements_by_word);
  entity_masks_ = to_masks(by_entity_bits);
  every_token_mask_ = to_masks({every_token_elements});
  has_every_token_ = !every_token_elements.empty();
  for (auto& bucket : stem_elements_)
    for (StemElements& s : bucket) s.mask = to_masks({s.elements});
  required_mask_.assign(indexed_.size() * mask_words_, 0);
  for (std::size_t i = 0; i < indexed_.size(); ++i)
    for (std::uint32_t e : required[i]) required_mask_[i * mask_words_ + e / 64] |= std::uint64_t{1} << (e % 64);
  anchors_.assign(mask_words_, 0);
  for (std::size_t e = 0; e < element_count_; ++e)
    if (!anchored[e].empty()) anchors_[e / 64] |= std::uint64_t{1} << (e % 64);
}

bool RuleIndex::worth_trying(const Document& doc, std::size_t sentence) const {
  if (every_sentence_) return true;
  const Sentence& s = doc.sentences[sentence];
  // In locals, and the stems asked about once: word_of() may call a
  // function, after which the compiler would load them all again.
  const Token* const tokens = doc.tokens.data();
  const std::size_t first = s.first, last = s.last;
  if (!screen_.stems.empty()) {
    for (std::size_t t = first; t < last; ++t)
      if (screen_.contains(tokens[t])) return true;
    return false;
  }
  for (std::size_t t = first; t < last; ++t)
    if (screen_.has_word(tokens[t])) return true;
  return false;
}

void RuleIndex::find_elements(const Matcher& matcher, std::vector<std::uint64_t>& item_elements,
                              std::vector<std::uint64_t>& present) const {
  const std::size_t n = matcher.items().size();
  const std::size_t mask_words = mask_words_;
  item_elements.resize((n + 1) * mask_words);
  present.assign(mask_words, 0);
  // The tables are read through local pointers: the compiler cannot tell
  // that the masks written below are not them, and would load them again at
  // every item.
  std::uint64_t* const present_bits = present.data();
  const Item* const items = matcher.items().data();
  const std::uint32_t* const item_words = matcher.item_words().data();
  const std::uint8_t* const types = matcher.item_types().data();
  const Token* const tokens = matcher.document().tokens.data();
  const std::uint64_t* const word_masks = word_masks_.data();
  const std::size_t word_count = word_count_;
  const std::uint8_t* const stems_in_word_mask = stems_in_word_mask_.data();
  const std::uint64_t* const entity_masks = entity_masks_.data();
  const bool stems = has_every_token_ || has_stems_;
  // `words` is the number of mask words, a constant in the common cases so
  // that the loops over them unroll.
  auto fill = [&](auto words) {
    // Row 0 holds every element: ordered_bound()'s backward searches stop
    // there without testing their position at each item.
    for (std::size_t w = 0; w < words; ++w) item_elements[w] = ~std::uint64_t{0};
    for (std::size_t p = 0; p < n; ++p) {
      std::uint64_t* const mask = item_elements.data() + (p + 1) * words;
      // Without a branch on what the item is: a mention's word number is
      // kUnknown, past the word masks, and a plain token's item bits are 0,
      // whose entity mask is empty; so is the row read for a word without one.
      const std::uint32_t word = item_words[p];
      const std::uint64_t* const from_word = word < word_count ? word_masks + word * words : entity_masks;
      const std::uint64_t* const from_entity = entity_masks + types[p] * words;
      for (std::size_t w = 0; w < words; ++w) {
        std::uint64_t bits = from_word[w] | from_entity[w];
        mask[w] = bits;
        present_bits[w] |= bits;
      }
      if (stems && items[p].mention < 0 && !(word < word_count && stems_in_word_mask[word])) {
        if (has_every_token_)
          for (std::size_t w = 0; w < words; ++w) mask[w] |= every_token_mask_[w];
        const auto& key = tokens[items[p].first].key;
        if (!key.empty())
          for (const StemElements& s : stem_elements_[static_cast<unsigned char>(key[0])])
            if (key.size() >= s.stem.size() && key.compare(0, s.stem.size(), s.stem) == 0)
              for (std::size_t w = 0; w < words; ++w) mask[w] |= s.mask[w];
        for (std::size_t w = 0; w < words; ++w) present_bits[w] |= mask[w];
      }
    }
  };
  if (mask_words == 1) fill(std::integral_constant<std::size_t, 1>{});
  else if (mask_words == 2) fill(std::integral_constant<std::size_t, 2>{});
  else fill(mask_words);
}

void RuleIndex::select(const Matcher& matcher, std::vector<Candidate>& out) const {
  out.clear();
  if (matcher.mention_count() < fewest_mentions_) return;
  thread_local std::vector<std::uint64_t> item_elements, present;  // kept between calls
  find_elements(matcher, item_elements, present);
  // Room for every rule at once: each is kept at most once, so the pushes
  // below never grow the vector, and the caller's vector grows once per
  // article instead of doubling sentence by sentence.
  if (out.capacity() < indexed_.size()) out.reserve(indexed_.size());
  const std::size_t n = matcher.items().size();
  for (std::uint32_t i : always_indexed_) out.push_back({indexed_[i], n});
  // Each rule has one anchor: going through the anchors that occur, every
  // rule worth checking comes up once, and sorting the few kept restores
  // their order. `words` is the number of mask words, a constant in the
  // common cases so that the loops over them unroll.
  auto keep_ordered = [&](auto words) {
    const std::uint64_t* const present_bits = present.data();
    const std::uint64_t* const rows = item_elements.data();
    for (std::size_t w = 0; w < words; ++w)
      for (std::uint64_t bits = present_bits[w] & anchors_[w]; bits != 0; bits &= bits - 1) {
        std::size_t e = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        for (std::uint32_t k = anchored_begin_[e]; k < anchored_begin_[e + 1]; ++k) {
          std::uint32_t i = anchored_[k];
          std::size_t bound = ordered_bound(i, rows, present_bits, n, words);
          if (bound != kNotOrdered) out.push_back({indexed_[i], bound});
        }
      }
  };
  if (mask_words_ == 1) keep_ordered(std::integral_constant<std::size_t, 1>{});
  else if (mask_words_ == 2) keep_ordered(std::integral_constant<std::size_t, 2>{});
  else keep_ordered(mask_words_);
  if (out.size() > 1)
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.rule < b.rule; });
}

std::size_t RuleIndex::ordered_bound(std::uint32_t i, const std::uint64_t* rows, const std::uint64_t* present,
                                     std::size_t n, std::size_t words) const {
  // First whether they all occur, a few bit tests, since most rules miss one.
  const std::uint64_t* mask = required_mask_.data() + i * words;
  for (std::size_t w = 0; w < words; ++w)
    if ((mask[w] & ~present[w]) != 0) return kNotOrdered;
  // As Matcher::last_start: backwards, each required element before where
  // the next one was found; the first one's place bounds the start. An
  // element that the next one follows closely (reach_) is taken only where
  // that one is within reach, up to where it was found: any match has them so. Item p is row p + 1, and row 0 holds
  // every element: a search ends there. The search steps a pointer, a row
  // at a time, rather than an index.
  const std::uint32_t* const required = required_.data();
  const std::uint8_t* const reaches = reach_.data();
  std::size_t bound = n;
  for (std::uint32_t k = required_begin_[i + 1]; k > required_begin_[i]; --k) {
    std::uint32_t e = required[k - 1];
    const std::uint64_t* const column = rows + e / 64;
    const std::uint64_t bit = std::uint64_t{1} << (e % 64);
    const std::uint64_t* row = column + bound * words;
    while ((*row & bit) == 0) row -= words;
    if (row == column) return kNotOrdered;
    std::size_t found = static_cast<std::size_t>(row - column) / words - 1;
    if (const std::size_t reach = reaches[k - 1]; reach != 0) {
      // The last element has no reach: `bound` is where element k was found.
      std::uint32_t f = required[k];
      const std::uint64_t* const next_column = rows + f / 64;
      const std::uint64_t next_bit = std::uint64_t{1} << (f % 64);
      while (true) {
        // Items found + 1 .. last, rows found + 2 .. last + 1.
        const std::size_t last = std::min(found + reach, bound);
        std::size_t p = found + 1;
        while (p <= last && !(next_column[(p + 1) * words] & next_bit)) ++p;
        if (p <= last) break;
        row -= words;
        while ((*row & bit) == 0) row -= words;
        if (row == column) return kNotOrdered;
        found = static_cast<std::size_t>(row - column) / words - 1;
      }
    }
    bound = found;
  }
  return bound;
}

}  // namespace kg::extract
