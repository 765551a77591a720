#include "extract/mentions.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

bool name_shaped(const Token& t) {
  return t.is_word && !t.is_number && (t.capitalized || t.all_caps || t.inner_caps);
}

class MentionFinder {
 public:
  MentionFinder(Document& doc, const RuleSet& rules)
      : doc_(doc),
        rules_(rules),
        function_words_(rules.known().function_words),
        not_name_(rules.known().not_name),
        connectors_(rules.known().name_connector),
        government_(rules.known().government),
        institutions_(rules.known().institution),
        suffixes_(rules.known().org_suffix),
        initial_not_name_(rules.known().initial_not_name),
        english_(doc.language == "en") {
    find_lower_case_initials();
  }

  void run() {
    for (std::size_t s = 0; s < doc_.sentences.size(); ++s) scan(s);
  }

 private:
  // Length in tokens of the longest place name starting at `i`, with its place.
  std::pair<std::size_t, int> place_name_at(std::size_t i, std::size_t end) const {
    if ((!doc_.tokens[i].capitalized && !doc_.tokens[i].all_caps) || !vocabulary::is_rule_word(doc_.tokens[i]))
      return {0, -1};
    auto it = rules_.place_names.find(doc_.tokens[i].key);
    if (it == rules_.place_names.end()) return {0, -1};
    std::pair<std::size_t, int> best{0, -1};
    for (const auto& [place, name] : it->second) {
      const auto& keys = rules_.places[static_cast<std::size_t>(place)].name_keys[static_cast<std::size_t>(name)];
      if (keys.size() <= best.first || i + keys.size() > end) continue;
      bool same = true;
      for (std::size_t k = 0; k < keys.size() && same; ++k) same = doc_.tokens[i + k].key == keys[k];
      if (same) best = {keys.size(), place};
    }
    return best;
  }

  bool is_scale(const Token& t) const {
    std::uint32_t word = vocabulary::word_of(t);
    return word < rules_.scale_by_word.size() && rules_.scale_by_word[word] != 0;
  }
  bool is_currency(const Token& t) const {
    std::uint32_t word = vocabulary::word_of(t);
    return word < rules_.currency_by_word.size() && rules_.currency_by_word[word].has_value();
  }

  int place_adjective_at(std::size_t i) const {
    const Token& t = doc_.tokens[i];
    if (!t.is_word || (t.capitalized && !english_)) return -1;
    std::uint32_t word = vocabulary::word_of(t);
    return word < rules_.place_adjective_by_word.size() ? rules_.place_adjective_by_word[word] : -1;
  }

  // Whether a capitalised word may start a name here.
  bool starts_name(std::size_t i, bool sentence_initial) const {
    const Token& t = doc_.tokens[i];
    if (!name_shaped(t) || not_name_.contains(t)) return false;
    if (i > 0 && doc_.tokens[i - 1].is_number && is_scale(t)) return false;  // "2 Md$"
    if (i + 1 < doc_.tokens.size() && doc_.tokens[i + 1].start == t.end && !doc_.tokens[i + 1].is_word &&
        is_currency(doc_.tokens[i + 1]))
      return false;  // "C$240m"
    if (!sentence_initial) {
      // A capitalised function word inside a sentence ("Le Verger") needs a capital after it.
      if (!function_words_.has_word(t)) return true;
      return i + 1 < doc_.tokens.size() && name_shaped(doc_.tokens[i + 1]);
    }
    if (function_words_.has_word(t) || initial_not_name_.contains(t)) return false;
    return t.all_caps || t.inner_caps ||
           !std::binary_search(lower_case_initials_.begin(), lower_case_initials_.end(), std::string_view(t.key));
  }

  // The keys of name-shaped first words of sentences ("Nova") that the
  // article also writes as plain lower-case words: starts_name() asks about
  // no other word, and never about a key of NOT_NAME, FUNCTION_WORDS or
  // INITIAL_NOT_NAME ("Les"), which are left out, so that an article whose
  // sentences all begin so needs no pass over its words. A word is looked up
  // only when its first byte and length are those of such a key, which few
  // are. Sorted vectors rather than hash sets: a few words an article, and
  // no node allocated for each.
  void find_lower_case_initials() {
    std::vector<std::string_view> initials;
    initials.reserve(doc_.sentences.size());
    std::array<std::uint64_t, 256> lengths{};  // [first byte of a key]: bit min(size, 63)
    auto shape = [&](std::string_view key) -> std::pair<std::size_t, std::uint64_t> {
      return {key.empty() ? 0 : static_cast<unsigned char>(key[0]), std::uint64_t{1} << std::min<std::size_t>(key.size(), 63)};
    };
    for (const Sentence& sentence : doc_.sentences)
      for (std::size_t i = sentence.first; i < sentence.last; ++i) {
        const Token& t = doc_.tokens[i];
        if (!t.is_word) continue;
        if (name_shaped(t) && !not_name_.contains(t) && !function_words_.has_word(t) && !initial_not_name_.contains(t)) {
          initials.emplace_back(t.key);
          auto [byte, bit] = shape(t.key);
          lengths[byte] |= bit;
        }
        break;
      }
    if (initials.empty()) return;
    std::sort(initials.begin(), initials.end());
    for (const Token& t : doc_.tokens) {
      if (!t.is_word || t.capitalized || t.all_caps || t.is_number) continue;
      auto [byte, bit] = shape(t.key);
      if ((lengths[byte] & bit) && std::binary_search(initials.begin(), initials.end(), std::string_view(t.key)))
        lower_case_initials_.emplace_back(t.key);
    }
    std::sort(lower_case_initials_.begin(), lower_case_initials_.end());
  }

  // The end of the name starting at `i`.
  std::size_t name_end(std::size_t i, std::size_t end) const {
    std::size_t j = i + 1;
    while (j < end) {
      const Token& t = doc_.tokens[j];
      if (name_shaped(t) && (!not_name_.has_word(t) || suffixes_.has_word(t)) &&
          place_name_at(j, end).first == 0) {
        ++j;
      } else if (t.is_number && t.text.size() <= 3 && t.start == doc_.tokens[j - 1].end + 1 &&
                 !doc_.tokens[j - 1].is_number &&
                 (j + 1 >= end || (!is_scale(doc_.tokens[j + 1]) && !is_currency(doc_.tokens[j + 1]) &&
                                   doc_.tokens[j + 1].text != "%"))) {
        ++j;  // "Nova 3"
      } else if (t.text == "!" && t.start == doc_.tokens[j - 1].end && j + 1 < end &&
                 !doc_.tokens[j + 1].capitalized) {
        ++j;  // "Boomly! et"
        break;
      } else if (j + 1 < end && (connectors_.contains(t) || t.text == "&") &&
                 name_shaped(doc_.tokens[j + 1]) && !function_words_.has_word(doc_.tokens[j + 1]) &&
                 place_name_at(j + 1, end).first == 0) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  void add(std::size_t s, std::size_t first, std::size_t last, MentionKind kind, int place) {
    Mention m;
    m.sentence = s;
    m.first = first;
    m.last = last;
    m.kind = kind;
    m.place = place;
    if (place >= 0) {
      m.type = EntityType::Place;
      m.sure_type = true;
    }
    doc_.mentions.push_back(m);
  }

  void scan(std::size_t s) {
    const Sentence& sentence = doc_.sentences[s];
    std::size_t i = sentence.first;
    bool initial = true;
    while (i < sentence.last) {
      const Token& t = doc_.tokens[i];
      // "le gouvernement norvégien", "the Norwegian government"
      if (government_.contains(t) && i + 1 < sentence.last && place_adjective_at(i + 1) >= 0) {
        add(s, i, i + 2, MentionKind::Name, -1);
        doc_.mentions.back().type = EntityType::Organization;
        doc_.mentions.back().sure_type = true;
        i += 2;
        initial = false;
        continue;
      }
      if (int place = place_adjective_at(i); place >= 0) {
        bool institution = i + 1 < sentence.last && doc_.tokens[i + 1].capitalized &&
                           institutions_.contains(doc_.tokens[i + 1]);  // "Norwegian Agency"
        if (i + 1 < sentence.last && (government_.contains(doc_.tokens[i + 1]) || institution)) {
          add(s, i, i + 2, MentionKind::Name, -1);
          doc_.mentions.back().type = EntityType::Organization;
          doc_.mentions.back().sure_type = true;
          i += 2;
        } else {
          add(s, i, i + 1, MentionKind::Adjective, place);
          ++i;
        }
        initial = false;
        continue;
      }
      if (auto [length, place] = place_name_at(i, sentence.last); length > 0) {
        if (i + length < sentence.last && government_.contains(doc_.tokens[i + length])) {
          add(s, i, i + length + 1, MentionKind::Name, -1);  // "the UK government"
          doc_.mentions.back().type = EntityType::Organization;
          doc_.mentions.back().sure_type = true;
          i += length + 1;
          initial = false;
          continue;
        }
        add(s, i, i + length, MentionKind::Name, place);
        i += length;
        initial = false;
        continue;
      }
      if (starts_name(i, initial)) {
        std::size_t j = name_end(i, sentence.last);
        // "l'Agence norvégienne": an institution named by its place.
        if (institutions_.contains(doc_.tokens[j - 1]) && j < sentence.last && place_adjective_at(j) >= 0) ++j;
        add(s, i, j, MentionKind::Name, -1);
        i = j;
        initial = false;
        continue;
      }
      // Opening quotes and dashes keep the next word sentence-initial.
      initial = initial && !t.is_word;
      ++i;
    }
  }

  Document& doc_;
  const RuleSet& rules_;
  const WordSet& function_words_;
  const WordSet& not_name_;
  const WordSet& connectors_;
  const WordSet& government_;
  const WordSet& institutions_;
  const WordSet& suffixes_;
  const WordSet& initial_not_name_;
  bool english_;  // English capitalises nationality adjectives ("Norwegian"); asked per token
  std::vector<std::string_view> lower_case_initials_;  // keys of doc_.tokens, not copied; sorted
};

}  // namespace

void detect_mentions(Document& doc, const RuleSet& rules) {
  doc.mentions.clear();
  MentionFinder(doc, rules).run();
}

}  // namespace kg::extract
