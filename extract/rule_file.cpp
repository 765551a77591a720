#include "extract/rule_file.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "extract/built_in_rules.h"
#include "extract/rule_index.h"
#include "extract/rule_screen.h"
#include "extract/tokenizer.h"
#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find_first_of(separators, i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

[[noreturn]] void fail(const std::string& origin, const std::string& what) {
  throw RuleError(origin + ": " + what);
}

// Upper snake case of a relation name: invests-in → INVESTS_IN.
std::string graph_type_of(const std::string& name) {
  std::string out;
  for (char c : name) out += (c == '-' || c == ' ') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A literal or class word of a pattern or define: "invest*", "l'", "'('".
void add_word(WordSet& set, const std::string& raw,
              const std::unordered_map<std::string, WordSet>& classes, const std::string& origin) {
  if (raw.size() > 1 && raw[0] == '@') {
    auto it = classes.find(raw.substr(1));
    if (it == classes.end()) fail(origin, "unknown class " + raw);
    set.add(it->second);
    return;
  }
  std::string word = raw;
  if (word.size() >= 3 && word.front() == '\'' && word.back() == '\'') word = word.substr(1, word.size() - 2);
  if (word.size() > 1 && word.back() == '*') {
    set.stems.push_back(token_key(word.substr(0, word.size() - 1)));
    return;
  }
  set.words.insert(token_key(word));
}

// Reads a quantifier suffix at the end of `tok` ("?", "+", "*", "{m,n}") and
// removes it. `star_is_stem`: a trailing * belongs to a word stem instead.
void take_quantifier(std::string& tok, PatternNode& node, bool star_is_stem, const std::string& origin) {
  if (tok.size() > 1 && tok.back() == '}') {
    std::size_t open = tok.rfind('{');
    if (open == std::string::npos) fail(origin, "bad repeat in " + tok);
    std::string inside = tok.substr(open + 1, tok.size() - open - 2);
    std::size_t comma = inside.find(',');
    char* end = nullptr;
    node.min = std::strtoul(inside.c_str(), &end, 10);
    node.max = comma == std::string::npos ? node.min
               : comma + 1 == inside.size() ? kUnbounded
                                            : std::strtoul(inside.c_str() + comma + 1, &end, 10);
    if (node.max < node.min) fail(origin, "bad repeat in " + tok);
    tok.resize(open);
  } else if (tok.size() > 1 && tok.back() == '?') {
    node.min = 0;
    tok.pop_back();
  } else if (tok.size() > 1 && tok.back() == '+') {
    node.max = kUnbounded;
    tok.pop_back();
  } else if (tok.size() > 1 && tok.back() == '*' && !star_is_stem) {
    node.min = 0;
    node.max = kUnbounded;
    tok.pop_back();
  }
}

class PatternParser {
 public:
  PatternParser(std::vector<std::string> toks, const std::unordered_map<std::string, WordSet>& classes,
                const std::string& origin)
      : toks_(std::move(toks)), classes_(classes), origin_(origin) {}

  Pattern parse() {
    std::vector<Pattern> alts = alternatives();
    if (pos_ != toks_.size()) fail(origin_, "unbalanced ')'");
    if (alts.size() == 1) return alts[0];
    PatternNode group;
    group.kind = PatternNode::Kind::Group;
    group.alternatives = std::move(alts);
    return {group};
  }

 private:
  std::vector<Pattern> alternatives() {
    std::vector<Pattern> alts(1);
    while (pos_ < toks_.size()) {
      const std::string& t = toks_[pos_];
      if (t == "|") {
        alts.emplace_back();
        ++pos_;
      } else if (t.size() >= 1 && t[0] == ')') {
        break;
      } else {
        alts.back().push_back(element());
      }
    }
    for (const Pattern& p : alts)
      if (p.empty()) fail(origin_, "empty alternative");
    return alts;
  }

  // A group of one element taken once, as "(dans|en|chez)" is, becomes that
  // element with the group's repeat: it matches the same, and the rule index
  // and the matcher's shortcuts, which look at top-level word elements, see it.
  static PatternNode single_element(PatternNode group) {
    if (group.alternatives.size() != 1 || group.alternatives[0].size() != 1) return group;
    PatternNode inner = group.alternatives[0][0];
    if (inner.kind == PatternNode::Kind::Group || inner.min != 1 || inner.max != 1) return group;
    inner.min = group.min;
    inner.max = group.max;
    return inner;
  }

  PatternNode element() {
    std::string tok = toks_[pos_++];
    PatternNode node;
    if (tok == "(") {
      node.kind = PatternNode::Kind::Group;
      node.alternatives = alternatives();
      if (pos_ >= toks_.size()) fail(origin_, "missing ')'");
      std::string close = toks_[pos_++];
      take_quantifier(close, node, false, origin_);
      if (close != ")") fail(origin_, "bad group end " + close);
      return single_element(std::move(node));
    }
    bool quoted = tok.size() >= 3 && tok.front() == '\'' && tok.back() == '\'';
    if (!quoted) {
      // A trailing * is a stem ("invest*") or a type wildcard ("T:*"), not a repeat.
      bool stem_like = (tok[0] != '_' && tok[0] != '~' && tok[0] != '@' && tok.find(':') == std::string::npos) ||
                       (tok.size() > 2 && tok.compare(tok.size() - 2, 2, ":*") == 0);
      take_quantifier(tok, node, stem_like, origin_);
    }
    if (tok == "_") {
      node.kind = PatternNode::Kind::Any;
    } else if (!quoted && tok.starts_with("_!") && tok.size() > 2) {
      node.kind = PatternNode::Kind::Any;
      for (const std::string& w : split(tok.substr(2), "|")) add_word(node.words, w, classes_, origin_);
    } else if (tok == "~") {
      node.kind = PatternNode::Kind::AnyItem;
    } else if (!quoted && tok.size() >= 2 && tok[1] == ':' && std::string("SOTEsote").find(tok[0]) != std::string::npos) {
      node.kind = PatternNode::Kind::Entity;
      node.role = static_cast<char>(std::toupper(static_cast<unsigned char>(tok[0])));
      node.coordinated = std::isupper(static_cast<unsigned char>(tok[0])) != 0;
      for (const std::string& name : split(tok.substr(2), "|")) {
        if (name == "*") continue;
        auto type = parse_type_label(name);
        if (!type) fail(origin_, "unknown entity type " + name);
        node.types.push_back(*type);
      }
    } else if (quoted) {
      node.words.words.insert(token_key(tok.substr(1, tok.size() - 2)));
    } else {
      for (const std::string& w : split(tok, "|")) add_word(node.words, w, classes_, origin_);
    }
    return node;
  }

  std::vector<std::string> toks_;
  const std::unordered_map<std::string, WordSet>& classes_;
  const std::string& origin_;
  std::size_t pos_ = 0;
};

// How an occurrence of `node`, whose alternatives are sealed, may begin (PatternNode::Begin).
PatternNode::Begin begin_test(const PatternNode& node) {
  using Kind = PatternNode::Kind;
  switch (node.kind) {
    case Kind::Any:
    case Kind::AnyItem: return PatternNode::Begin::Anywhere;
    case Kind::Words: return node.words.stems.empty() ? PatternNode::Begin::Word : PatternNode::Begin::Other;
    case Kind::Entity: return PatternNode::Begin::Entity;
    case Kind::Group: break;
  }
  bool words = !node.alternatives.empty() &&
               std::all_of(node.alternatives.begin(), node.alternatives.end(), [](const Pattern& alternative) {
                 return !alternative.empty() && alternative[0].min >= 1 &&
                        alternative[0].begin == PatternNode::Begin::Word;
               });
  return words ? PatternNode::Begin::GroupWords : PatternNode::Begin::Other;
}

// Prepares a parsed pattern for matching: numbers its words and sets what
// the matcher reads of each element instead of working it out at every try.
void seal_pattern(Pattern& pattern) {
  for (PatternNode& node : pattern) {
    node.words.seal();
    node.entity_bits = Matcher::entity_bits(node.types);
    for (Pattern& alternative : node.alternatives) seal_pattern(alternative);
    node.begin = begin_test(node);
    if (node.begin == PatternNode::Begin::GroupWords) {
      for (const Pattern& alternative : node.alternatives) node.first_words.add(alternative[0].words);
      node.first_words.seal();
    }
  }
}

// "LABEL: pattern" → (label, pattern text).
std::pair<std::string, std::string> head_and_body(const std::string& rest, const std::string& origin) {
  std::size_t colon = rest.find(':');
  if (colon == std::string::npos) fail(origin, "missing ':'");
  return {trim(rest.substr(0, colon)), trim(rest.substr(colon + 1))};
}

}  // namespace

bool WordSet::contains(const std::string& key) const {
  if (words.count(key)) return true;
  for (const std::string& stem : stems)
    if (key.size() >= stem.size() && key.compare(0, stem.size(), stem) == 0) return true;
  return false;
}

bool WordSet::has_stem(const Token& token) const {
  for (const std::string& stem : stems)  // the first byte rejects most before compare()
    if (token.key.size() >= stem.size() && (stem.empty() || token.key[0] == stem[0]) &&
        token.key.compare(0, stem.size(), stem) == 0)
      return true;
  return false;
}

void WordSet::seal() {
  bits_.clear();
  for (const std::string& w : words) {
    std::uint32_t word = vocabulary::intern(w);
    if (bits_.size() <= word / 64) bits_.resize(word / 64 + 1, 0);
    bits_[word / 64] |= std::uint64_t{1} << (word % 64);
  }
  bit_count_ = 64 * bits_.size();
}

std::string WordSet::canonical_text() const {
  std::vector<std::string> sorted(words.begin(), words.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> sorted_stems = stems;
  std::sort(sorted_stems.begin(), sorted_stems.end());
  std::string text;
  for (const std::string& w : sorted) text += w + '\0';
  text += '\1';
  for (const std::string& s : sorted_stems) text += s + '\0';
  return text;
}

void WordSet::add(const WordSet& other) {
  words.insert(other.words.begin(), other.words.end());
  stems.insert(stems.end(), other.stems.begin(), other.stems.end());
}

const RuleIndex& RuleSet::index(Rule::Action action) const {
  switch (action) {
    case Rule::Action::Type: return *type_index;
    case Rule::Action::Describe: return *describe_index;
    case Rule::Action::Relation: break;
  }
  return *relation_index;
}

const WordSet& RuleSet::word_class(const std::string& name) const {
  static const WordSet empty;
  auto it = classes.find(name);
  return it == classes.end() ? empty : it->second;
}

KnownClasses::KnownClasses(const RuleSet& rules)
    : abbreviations(rules.word_class("ABBREVIATIONS")),
      function_words(rules.word_class("FUNCTION_WORDS")),
      not_name(rules.word_class("NOT_NAME")),
      name_connector(rules.word_class("NAME_CONNECTOR")),
      government(rules.word_class("GOVERNMENT")),
      institution(rules.word_class("INSTITUTION")),
      org_suffix(rules.word_class("ORG_SUFFIX")),
      initial_not_name(rules.word_class("INITIAL_NOT_NAME")),
      coord(rules.word_class("COORD")),
      conj(rules.word_class("CONJ")),
      article(rules.word_class("ARTICLE")),
      title_adjective(rules.word_class("TITLE_ADJECTIVE")),
      title_complement(rules.word_class("TITLE_COMPLEMENT")),
      negation(rules.word_class("NEGATION")),
      denial(rules.word_class("DENIAL")),
      hypothetical(rules.word_class("HYPOTHETICAL")),
      status_talks(rules.word_class("STATUS_TALKS")),
      status_planned(rules.word_class("STATUS_PLANNED")),
      status_announced(rules.word_class("STATUS_ANNOUNCED")),
      status_completed(rules.word_class("STATUS_COMPLETED")),
      pronoun_person(rules.word_class("PRONOUN_PERSON")),
      pronoun_org(rules.word_class("PRONOUN_ORG")),
      pronoun_any(rules.word_class("PRONOUN_ANY")),
      possessive(rules.word_class("POSSESSIVE")),
      possessed(rules.word_class("POSSESSED")),
      amount_exclude(rules.word_class("AMOUNT_EXCLUDE")) {
  auto mark = [&](std::vector<std::uint8_t>& cues, const WordSet& words, std::uint8_t bit) {
    for (const std::string& w : words.words) {
      std::uint32_t word = vocabulary::intern(w);
      if (cues.size() <= word) cues.resize(word + 1, 0);
      cues[word] |= bit;
    }
  };
  mark(relation_cues, negation, kNegationCue);
  mark(relation_cues, denial, kDenialCue);
  mark(relation_cues, status_talks, kStatusCue);
  mark(relation_cues, status_planned, kStatusCue << 1);
  mark(relation_cues, status_announced, kStatusCue << 2);
  mark(relation_cues, status_completed, kStatusCue << 3);
  mark(pronoun_cues, pronoun_person, kPersonPronoun);
  mark(pronoun_cues, pronoun_org, kOrgPronoun);
  mark(pronoun_cues, pronoun_any, kAnyPronoun);
  mark(pronoun_cues, possessive, kPossessive);
  mark(mention_cues, government, kLowerCaseStart);
  for (std::size_t word = 0; word < rules.place_adjective_by_word.size(); ++word)
    if (rules.place_adjective_by_word[word] >= 0) {
      if (mention_cues.size() <= word) mention_cues.resize(word + 1, 0);
      mention_cues[word] |= kLowerCaseStart;
    }
  for (const auto& [key, names] : rules.place_names) {
    std::uint32_t word = vocabulary::intern(key);
    if (mention_cues.size() <= word) mention_cues.resize(word + 1, 0);
    mention_cues[word] |= kPlaceNameStart;
  }
}

Pattern parse_pattern(std::string_view text, const std::unordered_map<std::string, WordSet>& classes,
                      const std::string& origin) {
  // Parentheses may touch their contents and each other: "(dans|en)?" is
  // "(", "dans|en", ")?"; "(, (which|who))?" ends "which|who", ")", ")?".
  std::vector<std::string> toks;
  for (std::string tok : split(text, " \t")) {
    bool quoted = tok.size() >= 3 && tok.front() == '\'' && tok.back() == '\'';
    while (!quoted && tok.size() > 1 && tok[0] == '(') {
      toks.emplace_back("(");
      tok.erase(0, 1);
    }
    std::size_t close = quoted ? std::string::npos : tok.find(')');
    if (close == std::string::npos) {
      toks.push_back(tok);
      continue;
    }
    if (close > 0) toks.push_back(tok.substr(0, close));
    // Each ')' with the quantifier after it.
    for (std::size_t next; (next = tok.find(')', close + 1)) != std::string::npos; close = next)
      toks.push_back(tok.substr(close, next - close));
    toks.push_back(tok.substr(close));
  }
  if (toks.empty()) fail(origin, "empty pattern");
  Pattern pattern = PatternParser(std::move(toks), classes, origin).parse();
  seal_pattern(pattern);
  return pattern;
}

RuleSet& RuleBook::language_set(const std::string& language) {
  auto [it, created] = sets_.try_emplace(language);
  if (created) {
    it->second.language = language;
    for (const auto& [line, origin] : shared_lines_) apply(it->second, line, origin);
  }
  return it->second;
}

void RuleBook::apply(RuleSet& set, const std::string& line, const std::string& origin) {
  std::size_t space = line.find_first_of(" \t");
  std::string keyword = line.substr(0, space);
  std::string rest = space == std::string::npos ? "" : trim(line.substr(space));
  if (keyword == "define") {
    std::size_t eq = rest.find('=');
    if (eq == std::string::npos) fail(origin, "define needs '='");
    WordSet& cls = set.classes[trim(rest.substr(0, eq))];
    for (const std::string& w : split(rest.substr(eq + 1), " \t|")) add_word(cls, w, set.classes, origin);
    cls.seal();
  } else if (keyword == "relation") {
    std::vector<std::string> parts = split(rest, " \t");
    if (parts.empty()) fail(origin, "relation needs a name");
    RelationType rel{parts[0], graph_type_of(parts[0]), false, false};
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (parts[i] == "deal") rel.deal = true;
      else if (parts[i] == "symmetric") rel.symmetric = true;
      else fail(origin, "unknown relation option " + parts[i]);
    }
    set.relations[rel.name] = rel;
  } else if (keyword == "rule" || keyword == "type" || keyword == "describe") {
    auto [head, body] = head_and_body(rest, origin);
    Rule rule;
    rule.origin = origin;
    if (keyword == "rule") {
      if (!set.relations.count(head)) fail(origin, "undeclared relation " + head);
      rule.action = Rule::Action::Relation;
      rule.relation = head;
    } else {
      auto type = parse_type_label(head);
      if (!type) fail(origin, "unknown entity type " + head);
      rule.action = keyword == "type" ? Rule::Action::Type : Rule::Action::Describe;
      rule.type = *type;
    }
    rule.pattern = parse_pattern(body, set.classes, origin);
    set.rules.push_back(std::move(rule));
  } else if (keyword == "place") {
    // "Names : adjectives", the adjectives being optional.
    std::size_t colon = rest.find(':');
    std::string names = trim(rest.substr(0, colon));
    std::string adjectives = colon == std::string::npos ? "" : rest.substr(colon + 1);
    Place place;
    for (const std::string& n : split(names, "|")) {
      place.names.push_back(trim(n));
      std::vector<std::string> keys;
      for (const Token& t : tokenize(place.names.back())) keys.push_back(t.key);
      place.name_keys.push_back(std::move(keys));
    }
    for (const std::string& a : split(adjectives, " \t|,")) place.adjectives.push_back(token_key(a));
    if (place.names.empty()) fail(origin, "place needs a name");
    int index = static_cast<int>(set.places.size());
    for (std::size_t n = 0; n < place.name_keys.size(); ++n)
      if (!place.name_keys[n].empty()) {
        set.place_names[place.name_keys[n][0]].emplace_back(index, static_cast<int>(n));
        vocabulary::intern(place.name_keys[n][0]);
      }
    for (const std::string& a : place.adjectives) {
      set.place_adjectives[a] = index;
      std::uint32_t word = vocabulary::intern(a);
      if (set.place_adjective_by_word.size() <= word) set.place_adjective_by_word.resize(word + 1, -1);
      set.place_adjective_by_word[word] = index;
    }
    set.places.push_back(std::move(place));
  } else if (keyword == "multiplier") {
    auto [value, words] = head_and_body(rest, origin);
    double v = std::strtod(value.c_str(), nullptr);
    if (v <= 0) fail(origin, "bad multiplier " + value);
    for (const std::string& w : split(words, " \t|")) {
      set.scales[token_key(w)] = v;
      std::uint32_t word = vocabulary::intern(token_key(w));
      if (set.scale_by_word.size() <= word) set.scale_by_word.resize(word + 1, 0);
      set.scale_by_word[word] = v;
    }
  } else if (keyword == "currency") {
    auto [code, words] = head_and_body(rest, origin);
    for (const std::string& w : split(words, " \t|")) {
      set.currencies[token_key(w)] = code;
      std::uint32_t word = vocabulary::intern(token_key(w));
      if (set.currency_by_word.size() <= word) set.currency_by_word.resize(word + 1);
      set.currency_by_word[word] = code;
    }
  } else if (keyword == "amount") {
    auto [bound, seqs] = head_and_body(rest, origin);
    AmountCue::Bound b = bound == "at-least" ? AmountCue::Bound::AtLeast
                         : bound == "at-most" ? AmountCue::Bound::AtMost
                         : bound == "about"   ? AmountCue::Bound::About
                                              : (fail(origin, "unknown amount bound " + bound), AmountCue::Bound::About);
    for (const std::string& seq : split(seqs, "|")) {
      AmountCue cue{b, {}};
      for (const Token& t : tokenize(seq)) cue.keys.push_back(t.key);
      if (!cue.keys.empty()) set.amount_cues.push_back(std::move(cue));
    }
  } else {
    fail(origin, "unknown directive '" + keyword + "'");
  }
}

void RuleBook::load(std::string_view text, const std::string& origin) {
  std::vector<std::pair<std::string, std::size_t>> lines;  // logical lines with their first line number
  std::istringstream in{std::string(text)};
  std::string raw;
  std::size_t number = 0;
  while (std::getline(in, raw)) {
    ++number;
    std::size_t hash = raw.find('#');
    // '#' starts a comment unless quoted as '#'.
    if (hash != std::string::npos && !(hash > 0 && raw[hash - 1] == '\'')) raw.resize(hash);
    if (trim(raw).empty()) continue;
    bool continuation = (raw[0] == ' ' || raw[0] == '\t') && !lines.empty();
    if (continuation) {
      lines.back().first += ' ';
      lines.back().first += trim(raw);
    } else {
      lines.emplace_back(trim(raw), number);
    }
  }
  RuleSet* target = nullptr;
  for (const auto& [line, line_number] : lines) {
    std::string where = origin + ":" + std::to_string(line_number);
    if (line.rfind("language ", 0) == 0) {
      target = &language_set(trim(line.substr(9)));
      continue;
    }
    if (target) {
      apply(*target, line, where);
    } else {
      for (auto& [lang, set] : sets_) apply(set, line, where);
      shared_lines_.emplace_back(line, where);
    }
  }
  for (auto& [lang, set] : sets_) {
    set.type_index = std::make_shared<const RuleIndex>(set, Rule::Action::Type);
    set.describe_index = std::make_shared<const RuleIndex>(set, Rule::Action::Describe);
    set.describe_screen = std::make_shared<const RuleScreen>(set, Rule::Action::Describe);
    set.relation_index = std::make_shared<const RuleIndex>(set, Rule::Action::Relation);
    set.known_classes = std::make_shared<const KnownClasses>(set);
  }
  FunctionWordTable& table = function_word_table_;
  table.languages = languages();
  table.row_words = (table.languages.size() + 63) / 64;
  const std::uint32_t words = vocabulary::size();  // every function word is numbered by now
  table.bits.assign(std::size_t{words} * table.row_words, 0);
  for (std::size_t i = 0; i < table.languages.size(); ++i) {
    const WordSet& function_words = sets_.at(table.languages[i]).known().function_words;
    for (std::uint32_t w = 0; w < words; ++w)
      if (function_words.has_number(w)) table.bits[w * table.row_words + i / 64] |= std::uint64_t{1} << (i % 64);
  }
}

void RuleBook::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuleError(path + ": cannot read rule file");
  std::ostringstream text;
  text << in.rdbuf();
  load(text.str(), path);
}

const RuleSet* RuleBook::find(const std::string& language) const {
  auto it = sets_.find(language);
  return it == sets_.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleBook::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, set] : sets_) out.push_back(lang);
  return out;
}

std::set<std::string> RuleBook::symmetric_types() const {
  std::set<std::string> types;
  for (const auto& [language, set] : sets_)
    for (const auto& [name, relation] : set.relations)
      if (relation.symmetric) types.insert(relation.graph_type);
  return types;
}

RuleBook RuleBook::built_in() {
  RuleBook book;
  for (const BuiltInRuleFile& file : built_in_rule_files()) book.load(file.text, std::string(file.name));
  return book;
}

}  // namespace kg::extract
