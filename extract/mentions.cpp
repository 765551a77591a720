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

// set.contains(t), for token `t` of word number `word` (vocabulary::word_of),
// which the caller looks up once for all the sets it asks about.
bool contains(const WordSet& set, const Token& t, std::uint32_t word) {
  return set.has_number(word) || (!set.stems.empty() && set.has_stem(t));
}

// A sentence whose first word was taken for a name before the article was
// read to its end.
struct EarlyName {
  std::size_t sentence;
  std::string_view key;
};

// The buffers of a MentionFinder, kept by each thread from one article to
// the next (cleared, not freed): most articles then allocate nothing for
// them. See MentionFinder's members of the same names.
struct MentionBuffers {
  std::vector<std::string_view> initials;
  std::vector<std::uint32_t> initial_words;
  std::vector<std::string_view> lower_case_initials;
  std::vector<EarlyName> early_names;

  void clear() {
    initials.clear();
    initial_words.clear();
    lower_case_initials.clear();
    early_names.clear();
  }
};

class MentionFinder {
 public:
  // Uses `buffers`, cleared, for its lists.
  MentionFinder(Document& doc, const RuleSet& rules, MentionBuffers& buffers)
      : doc_(doc),
        tokens_(doc.tokens.data()),
        token_count_(doc.tokens.size()),
        rules_(rules),
        function_words_(rules.known().function_words),
        not_name_(rules.known().not_name),
        connectors_(rules.known().name_connector),
        government_(rules.known().government),
        institutions_(rules.known().institution),
        suffixes_(rules.known().org_suffix),
        initial_not_name_(rules.known().initial_not_name),
        english_(doc.language == "en"),
        government_has_stems_(!government_.stems.empty()),
        place_adjective_by_word_(rules.place_adjective_by_word.data()),
        place_adjective_count_(rules.place_adjective_by_word.size()),
        mention_cues_(rules.known().mention_cues.data()),
        mention_cue_count_(rules.known().mention_cues.size()),
        initials_(buffers.initials),
        initial_words_(buffers.initial_words),
        lower_case_initials_(buffers.lower_case_initials),
        early_names_(buffers.early_names) {
    buffers.clear();
  }

  void run() {
    collect_initials();
    // An article whose sentences hold all its tokens, in order (what the
    // sentence splitter makes), is scanned once: the words written in lower
    // case are noted on the way, and the few sentences whose first word was
    // taken for a name too early are scanned again at the end. Otherwise the
    // words are read first, in a pass of their own.
    if (!initials_.empty() && !sentences_hold_all_tokens()) {
      for (const Token& t : doc_.tokens) note_lower_case(t, vocabulary::word_of(t));
      initials_.clear();
    }
    for (std::size_t s = 0; s < doc_.sentences.size(); ++s) scan(s);
    initials_.clear();  // lower_case_initials_ is complete
    rescan_early_names();
  }

 private:
  // Length in tokens of the longest place name starting at `i`, with its place.
  std::pair<std::size_t, int> place_name_at(std::size_t i, std::size_t end) const {
    return place_name_at(i, end, vocabulary::word_of(tokens_[i]));
  }
  // The same, for token `i` of word number `word`.
  std::pair<std::size_t, int> place_name_at(std::size_t i, std::size_t end, std::uint32_t word) const {
    if ((!tokens_[i].capitalized && !tokens_[i].all_caps) || word >= mention_cue_count_ ||
        !(mention_cues_[word] & KnownClasses::kPlaceNameStart))
      return {0, -1};
    auto it = rules_.place_names.find(tokens_[i].key);
    if (it == rules_.place_names.end()) return {0, -1};
    std::pair<std::size_t, int> best{0, -1};
    for (const auto& [place, name] : it->second) {
      const auto& keys = rules_.places[static_cast<std::size_t>(place)].name_keys[static_cast<std::size_t>(name)];
      if (keys.size() <= best.first || i + keys.size() > end) continue;
      bool same = true;
      for (std::size_t k = 0; k < keys.size() && same; ++k) same = tokens_[i + k].key == keys[k];
      if (same) best = {keys.size(), place};
    }
    return best;
  }

  bool is_scale(const Token& t) const { return is_scale(vocabulary::word_of(t)); }
  bool is_scale(std::uint32_t word) const {
    return word < rules_.scale_by_word.size() && rules_.scale_by_word[word] != 0;
  }
  bool is_currency(const Token& t) const {
    std::uint32_t word = vocabulary::word_of(t);
    return word < rules_.currency_by_word.size() && rules_.currency_by_word[word].has_value();
  }

  int place_adjective_at(std::size_t i) const {
    const Token& t = tokens_[i];
    if (!t.is_word || (t.capitalized && !english_)) return -1;
    return place_adjective(vocabulary::word_of(t));
  }
  // The place of which word number `word` is an adjective, or -1.
  int place_adjective(std::uint32_t word) const {
    return word < place_adjective_count_ ? place_adjective_by_word_[word] : -1;
  }

  // Whether a capitalised word, token `i` of sentence `s`, of word number
  // `word`, may start a name here.
  bool starts_name(std::size_t s, std::size_t i, bool sentence_initial, std::uint32_t word) {
    const Token& t = tokens_[i];
    if (!name_shaped(t) || contains(not_name_, t, word)) return false;
    if (i > 0 && tokens_[i - 1].is_number && is_scale(word)) return false;  // "2 Md$"
    if (i + 1 < token_count_ && tokens_[i + 1].start == t.end && !tokens_[i + 1].is_word &&
        is_currency(tokens_[i + 1]))
      return false;  // "C$240m"
    if (!sentence_initial) {
      // A capitalised function word inside a sentence ("Le Verger") needs a capital after it.
      if (!function_words_.has_number(word)) return true;
      return i + 1 < token_count_ && name_shaped(tokens_[i + 1]);
    }
    if (function_words_.has_number(word) || contains(initial_not_name_, t, word)) return false;
    return t.all_caps || t.inner_caps || !written_lower_case(s, t.key);
  }

  // The keys of name-shaped first words of sentences ("Nova"), which
  // starts_name() may ask about: it asks about no other word, and never about
  // a key of NOT_NAME, FUNCTION_WORDS or INITIAL_NOT_NAME ("Les"), which are
  // left out, so that an article whose sentences all begin so needs no
  // lookup at all. Sorted vectors rather than hash sets: a few words an
  // article, and no node allocated for each.
  void collect_initials() {
    for (const Sentence& sentence : doc_.sentences)
      for (std::size_t i = sentence.first; i < sentence.last; ++i) {
        const Token& t = tokens_[i];
        if (!t.is_word) continue;
        if (name_shaped(t) && !not_name_.contains(t) && !function_words_.has_word(t) && !initial_not_name_.contains(t)) {
          initials_.emplace_back(t.key);
          if (std::uint32_t word = vocabulary::word_of(t); word != vocabulary::kUnknown) {
            initial_words_.push_back(word);
          } else {
            auto [byte, bit] = key_shape(t.key);
            initial_shapes_[byte] |= bit;
          }
        }
        break;
      }
    std::sort(initials_.begin(), initials_.end());
  }

  // The first byte of a key modulo 64 (which keeps the letters apart), and
  // bit min(size, 63): a word that no rule file uses is looked up in
  // initials_ only when both are those of such a key of initials_, which
  // few are.
  static std::pair<std::size_t, std::uint64_t> key_shape(std::string_view key) {
    return {key.empty() ? 0 : static_cast<unsigned char>(key[0]) % 64, std::uint64_t{1} << std::min<std::size_t>(key.size(), 63)};
  }

  // Notes a word written in lower case, of word number `word`, whose key is
  // in initials_. A rule word's key is known by its number: two keys are
  // equal exactly when their numbers are.
  void note_lower_case(const Token& t, std::uint32_t word) {
    if (t.is_word && !t.capitalized && !t.all_caps && !t.is_number && may_be_initial(t, word)) note_word(t, word);
  }
  // A quick test, inline, that turns away most words that are not in
  // initials_: a rule word by its number, another by key_shape().
  bool may_be_initial(const Token& t, std::uint32_t word) const {
    if (word != vocabulary::kUnknown) return !initial_words_.empty();
    auto [byte, bit] = key_shape(t.key);
    return (initial_shapes_[byte] & bit) != 0;
  }
  // note_lower_case() of a word known to be written in lower case, which
  // may_be_initial() let through.
  void note_word(const Token& t, std::uint32_t word) {
    if (word != vocabulary::kUnknown) {
      if (std::find(initial_words_.begin(), initial_words_.end(), word) != initial_words_.end())
        lower_case_initials_.emplace_back(t.key);
      return;
    }
    if (std::binary_search(initials_.begin(), initials_.end(), std::string_view(t.key)))
      lower_case_initials_.emplace_back(t.key);
  }

  // Whether the article writes `key`, the first word of sentence `s`, in
  // lower case. During the scan, only the words before it are known: a
  // word not seen so far is taken for a name, and sentence `s` is noted to
  // be scanned again if the word turns up later.
  bool written_lower_case(std::size_t s, std::string_view key) {
    if (std::find(lower_case_initials_.begin(), lower_case_initials_.end(), key) != lower_case_initials_.end())
      return true;
    if (!initials_.empty()) early_names_.push_back({s, key});
    return false;
  }

  // Scans again, now that every lower-case word is known, the sentences
  // whose first word was taken for a name before the article wrote it in
  // lower case, and puts their mentions in place of the first ones. Few
  // articles have any.
  void rescan_early_names() {
    std::vector<Mention>& mentions = doc_.mentions;
    for (auto early = early_names_.rbegin(); early != early_names_.rend(); ++early) {
      if (std::find(lower_case_initials_.begin(), lower_case_initials_.end(), early->key) == lower_case_initials_.end())
        continue;
      auto by_sentence = [](const Mention& m, std::size_t s) { return m.sentence < s; };
      auto first = std::lower_bound(mentions.begin(), mentions.end(), early->sentence, by_sentence);
      auto last = std::lower_bound(first, mentions.end(), early->sentence + 1, by_sentence);
      std::vector<Mention> after(last, mentions.end());
      mentions.erase(first, mentions.end());
      scan(early->sentence);
      mentions.insert(mentions.end(), after.begin(), after.end());
    }
  }

  // Whether the sentences hold every token once, in order.
  bool sentences_hold_all_tokens() const {
    std::size_t next = 0;
    for (const Sentence& sentence : doc_.sentences) {
      if (sentence.first != next || sentence.last < sentence.first) return false;
      next = sentence.last;
    }
    return next == doc_.tokens.size();
  }

  // The end of the name starting at `i`.
  std::size_t name_end(std::size_t i, std::size_t end) const {
    std::size_t j = i + 1;
    while (j < end) {
      const Token& t = tokens_[j];
      const std::uint32_t word = vocabulary::word_of(t);
      if (name_shaped(t) && (!not_name_.has_number(word) || suffixes_.has_number(word)) &&
          place_name_at(j, end, word).first == 0) {
        ++j;
      } else if (t.is_number && t.text.size() <= 3 && t.start == tokens_[j - 1].end + 1 &&
                 !tokens_[j - 1].is_number &&
                 (j + 1 >= end || (!is_scale(tokens_[j + 1]) && !is_currency(tokens_[j + 1]) &&
                                   tokens_[j + 1].text != "%"))) {
        ++j;  // "Nova 3"
      } else if (t.text == "!" && t.start == tokens_[j - 1].end && j + 1 < end && !tokens_[j + 1].capitalized) {
        ++j;  // "Boomly! et"
        break;
      } else if (j + 1 < end && (contains(connectors_, t, word) || t.text == "&") &&
                 name_shaped(tokens_[j + 1]) && !function_words_.has_word(tokens_[j + 1]) &&
                 place_name_at(j + 1, end).first == 0) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  void add(std::size_t s, std::size_t first, std::size_t last, MentionKind kind, int place) {
    Mention& m = doc_.mentions.emplace_back();  // made in place, not copied in
    m.sentence = s;
    m.first = first;
    m.last = last;
    m.kind = kind;
    m.place = place;
    if (place >= 0) {
      m.type = EntityType::Place;
      m.sure_type = true;
    }
  }

  // A government or an institution named by its place: an organisation.
  void add_organization(std::size_t s, std::size_t first, std::size_t last) {
    add(s, first, last, MentionKind::Name, -1);
    doc_.mentions.back().type = EntityType::Organization;
    doc_.mentions.back().sure_type = true;
  }

  void scan(std::size_t s) {
    // Through locals: a mention pushed could, for the compiler, change what
    // this finder holds, which it would then reload at every token.
    const Token* const tokens = tokens_;
    const Token* const last = tokens + doc_.sentences[s].last;
    const bool noting = !initials_.empty();
    const std::uint8_t* const cues = mention_cues_;
    const std::size_t cue_words = mention_cue_count_;
    const bool any_word_starts = government_has_stems_;
    const std::uint32_t known = vocabulary::size();  // word_of()'s test, without an atomic load per token
    bool initial = true;
    for (const Token* t = tokens + doc_.sentences[s].first; t < last;) {
      std::uint32_t word = t->word;
      if (word == vocabulary::kUnknown && t->known_words != known) word = vocabulary::word_of(*t);
      // Most tokens, lower-case words and marks, fail this quick test: a
      // mention starts with a capital, a government word or a place
      // adjective (a necessary test for mention_at()). The three shapes are
      // OR-ed as bits, one branch instead of three.
      if ((t->capitalized | t->all_caps | t->inner_caps) || any_word_starts ||
          (word < cue_words && (cues[word] & KnownClasses::kLowerCaseStart))) {
        const auto i = static_cast<std::size_t>(t - tokens);
        if (std::size_t end = mention_at(s, i, initial, word); end > i) {
          if (noting)
            for (std::size_t k = i; k < end; ++k) note_lower_case(tokens[k], vocabulary::word_of(tokens[k]));
          t = tokens + end;
          initial = false;
          continue;
        }
        if (noting) note_lower_case(*t, word);
      } else if (noting && t->is_word && !t->is_number && may_be_initial(*t, word)) {
        note_word(*t, word);  // not capitalised, as the test found, and maybe a first word
      }
      // Opening quotes and dashes keep the next word sentence-initial.
      initial = initial && !t->is_word;
      ++t;
    }
  }

  // Adds the mention starting at token `i` (of word number `word`) of
  // sentence `s` and returns its end, or returns `i` when none starts there.
  std::size_t mention_at(std::size_t s, std::size_t i, bool initial, std::uint32_t word) {
    const Token& t = tokens_[i];
    const std::size_t last = doc_.sentences[s].last;
    // "US$", "C$": a word glued to a currency symbol belongs to the amount.
    if (i + 1 < last && tokens_[i + 1].start == t.end && !tokens_[i + 1].is_word && is_currency(tokens_[i + 1]))
      return i;
    // "le gouvernement norvégien", "the Norwegian government"
    if (contains(government_, t, word) && i + 1 < last && place_adjective_at(i + 1) >= 0) {
      add_organization(s, i, i + 2);
      return i + 2;
    }
    if (int place = t.is_word && (!t.capitalized || english_) ? place_adjective(word) : -1; place >= 0) {
      bool institution = i + 1 < last && tokens_[i + 1].capitalized &&
                         institutions_.contains(tokens_[i + 1]);  // "Norwegian Agency"
      if (i + 1 < last && (government_.contains(tokens_[i + 1]) || institution)) {
        add_organization(s, i, i + 2);
        return i + 2;
      }
      add(s, i, i + 1, MentionKind::Adjective, place);
      return i + 1;
    }
    if (auto [length, place] = place_name_at(i, last, word); length > 0) {
      if (i + length < last && government_.contains(tokens_[i + length])) {
        add_organization(s, i, i + length + 1);  // "the UK government"
        return i + length + 1;
      }
      add(s, i, i + length, MentionKind::Name, place);
      return i + length;
    }
    if (starts_name(s, i, initial, word)) {
      std::size_t j = name_end(i, last);
      // "l'Agence norvégienne": an institution named by its place.
      if (institutions_.contains(tokens_[j - 1]) && j < last && place_adjective_at(j) >= 0) ++j;
      add(s, i, j, MentionKind::Name, -1);
      return j;
    }
    return i;
  }

  Document& doc_;
  const Token* const tokens_;  // doc_.tokens, which no stage changes while mentions are found
  const std::size_t token_count_;
  const RuleSet& rules_;
  const WordSet& function_words_;
  const WordSet& not_name_;
  const WordSet& connectors_;
  const WordSet& government_;
  const WordSet& institutions_;
  const WordSet& suffixes_;
  const WordSet& initial_not_name_;
  bool english_;  // English capitalises nationality adjectives ("Norwegian"); asked per token
  bool government_has_stems_;  // then any word may be one
  const int* const place_adjective_by_word_;  // rules_.place_adjective_by_word, read at every rule word
  const std::size_t place_adjective_count_;
  const std::uint8_t* const mention_cues_;  // KnownClasses::mention_cues, read at every token
  const std::size_t mention_cue_count_;
  std::vector<std::string_view>& initials_;  // keys of doc_.tokens, not copied; sorted; empty once all are noted
  std::vector<std::uint32_t>& initial_words_;  // the word numbers of the rule words of initials_
  std::array<std::uint64_t, 64> initial_shapes_{};  // key_shape() of the other keys of initials_: [byte] |= bit
  std::vector<std::string_view>& lower_case_initials_;  // the keys of initials_ written in lower case
  std::vector<EarlyName>& early_names_;  // sentences whose first word was taken for a name, in order
};

}  // namespace

void detect_mentions(Document& doc, const RuleSet& rules) {
  doc.mentions.clear();
  // Room for a mention every 4 tokens, more than articles have (one in 10
  // is usual), and for the descriptions and pronouns coreference adds: one
  // allocation instead of one at every doubling.
  doc.mentions.reserve(doc.tokens.size() / 4 + 1);
  thread_local MentionBuffers buffers;
  MentionFinder(doc, rules, buffers).run();
}

}  // namespace kg::extract
