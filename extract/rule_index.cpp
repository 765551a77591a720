#include "extract/rule_index.h"

#include <algorithm>
#include <bit>
#include <cctype>

#include "extract/vocabulary.h"

namespace kg::extract {

RuleIndex::RuleIndex(const RuleSet& rules, Rule::Action action) : rule_count_(rules.rules.size()) {
  std::vector<std::vector<std::uint32_t>> by_word;
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    if (rule.action != action) continue;
    // The anchor is the most selective required word element: one without
    // function words or punctuation if possible, else the smallest.
    const WordSet& common = rules.word_class("FUNCTION_WORDS");
    const PatternNode* anchor = nullptr;
    std::size_t best = 0;
    for (const PatternNode& node : rule.pattern) {
      if (node.kind != PatternNode::Kind::Words || node.min == 0) continue;
      std::size_t cost = node.words.words.size() + 4 * node.words.stems.size();
      for (const std::string& w : node.words.words)
        if (common.words.count(w) || (!w.empty() && std::ispunct(static_cast<unsigned char>(w[0])))) cost += 1000;
      if (!anchor || cost < best) {
        anchor = &node;
        best = cost;
      }
    }
    if (!anchor) {
      always_.push_back(r);
      continue;
    }
    for (const std::string& w : anchor->words.words) {
      std::uint32_t word = vocabulary::intern(w);
      if (by_word.size() <= word) by_word.resize(word + 1);
      by_word[word].push_back(static_cast<std::uint32_t>(r));
    }
    for (const std::string& s : anchor->words.stems) {
      if (s.empty()) {  // matches every token
        always_.push_back(r);
        continue;
      }
      auto& bucket = by_stem_[static_cast<unsigned char>(s[0])];
      auto same = std::find_if(bucket.begin(), bucket.end(), [&](const StemRules& b) { return b.stem == s; });
      if (same == bucket.end()) same = bucket.insert(bucket.end(), StemRules{s, {}});
      if (same->rules.empty() || same->rules.back() != r) same->rules.push_back(r);
    }
  }
  word_begin_.reserve(by_word.size() + 1);
  word_begin_.push_back(0);
  for (const auto& anchored : by_word) {
    rules_by_word_.insert(rules_by_word_.end(), anchored.begin(), anchored.end());
    word_begin_.push_back(static_cast<std::uint32_t>(rules_by_word_.size()));
  }
}

void RuleIndex::candidates(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                           std::vector<std::size_t>& out) const {
  thread_local std::vector<std::uint64_t> hit;  // one bit per rule, kept between calls
  hit.assign((rule_count_ + 63) / 64, 0);
  auto mark = [&](std::size_t r) { hit[r / 64] |= std::uint64_t{1} << (r % 64); };
  for (std::size_t r : always_) mark(r);
  for (std::size_t t = first; t < last; ++t) {
    const std::string& k = tokens[t].key;
    if (std::uint32_t word = vocabulary::word_of(tokens[t]); word + std::size_t{1} < word_begin_.size())
      for (std::uint32_t i = word_begin_[word]; i < word_begin_[word + 1]; ++i) mark(rules_by_word_[i]);
    if (k.empty()) continue;
    for (const StemRules& s : by_stem_[static_cast<unsigned char>(k[0])])
      if (k.size() >= s.stem.size() && k.compare(0, s.stem.size(), s.stem) == 0)
        for (std::size_t r : s.rules) mark(r);
  }
  out.clear();
  for (std::size_t w = 0; w < hit.size(); ++w)
    for (std::uint64_t bits = hit[w]; bits != 0; bits &= bits - 1)
      out.push_back(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
}

}  // namespace kg::extract
