#include "extract/amounts.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

#include "extract/vocabulary.h"

namespace kg::extract {

double number_value(const std::string& text, const std::string& language) {
  std::string plain;
  bool decimal = true;  // plain holds only digits and points
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ',' || c == '.') {
      std::size_t digits = 0;
      while (i + 1 + digits < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1 + digits]))) ++digits;
      bool thousands = digits == 3 && (language == "en" ? c == ',' : c == '.');
      if (!thousands) plain += '.';
      continue;
    }
    decimal = decimal && std::isdigit(static_cast<unsigned char>(c));
    plain += c;
  }
  // from_chars reads a plain decimal number to the same double as strtod
  // (both round correctly), without strtod's locale and multi-precision
  // set-up; anything else ("0x1F", "2e3") is left to strtod.
  double value = 0;
  if (decimal && std::from_chars(plain.data(), plain.data() + plain.size(), value).ec == std::errc()) return value;
  return std::strtod(plain.c_str(), nullptr);
}

namespace {

class AmountParser {
 public:
  AmountParser(const Document& doc, std::size_t first, std::size_t last, const RuleSet& rules)
      : doc_(doc), first_(first), last_(last), rules_(rules), exclude_(rules.known().amount_exclude) {}

  std::vector<Amount> run() {
    std::vector<Amount> out;
    for (std::size_t i = first_; i < last_;) {
      if (!may_start(i)) {  // most tokens: no amount is made or destroyed for them
        ++i;
        continue;
      }
      std::optional<Amount> a = parse_at(i);
      if (!a) {
        ++i;
        continue;
      }
      i = a->last;
      if (!excluded(a->first)) out.push_back(std::move(*a));
    }
    return out;
  }

 private:
  const Token& tok(std::size_t i) const { return doc_.tokens[i]; }
  // Compared as views: a length test settles most keys without comparing bytes.
  bool is(std::size_t i, std::initializer_list<std::string_view> keys) const {
    if (i >= last_) return false;
    std::string_view key = tok(i).key;
    for (std::string_view k : keys)
      if (key == k) return true;
    return false;
  }
  bool opens_range(std::size_t i) const { return is(i, {"entre", "between", "from"}); }
  const std::string* currency_at(std::size_t i) const {
    if (i >= last_) return nullptr;
    std::uint32_t word = vocabulary::word_of(tok(i));
    if (word >= rules_.currency_by_word.size() || !rules_.currency_by_word[word]) return nullptr;
    return &*rules_.currency_by_word[word];
  }
  // The currency of the symbol at `i`, read with a word glued before it
  // ("US$", "C$") when the rule files name that form; nullptr if none.
  const std::string* symbol_currency(std::size_t i) const {
    const std::string* symbol = currency_at(i);
    if (!symbol || tok(i).is_word || i == first_) return symbol;
    const Token& prefix = tok(i - 1);
    if (!prefix.is_word || prefix.end != tok(i).start) return symbol;
    auto found = rules_.currencies.find(std::string(prefix.key.view()) + std::string(tok(i).key.view()));
    return found == rules_.currencies.end() ? symbol : &found->second;
  }
  double scale_at(std::size_t& i) const {
    if (i >= last_) return 1;
    std::uint32_t word = vocabulary::word_of(tok(i));
    if (word >= rules_.scale_by_word.size() || rules_.scale_by_word[word] == 0) return 1;
    ++i;
    return rules_.scale_by_word[word];
  }
  // A number, with "8 000" thousands groups; advances i.
  std::optional<double> number_at(std::size_t& i) const {
    if (i >= last_ || !tok(i).is_number) return std::nullopt;
    std::string text = tok(i).text;
    ++i;
    while (i < last_ && tok(i).is_number && tok(i).text.size() == 3 && tok(i).start == tok(i - 1).end + 1) {
      text += tok(i).text;
      ++i;
    }
    return number_value(text, doc_.language);
  }

  // A quick necessary test for parse_at(): an amount begins with a number,
  // a currency symbol ("$", not a comma), or a word that opens a range.
  bool may_start(std::size_t i) const {
    const Token& t = tok(i);
    return t.is_number || (t.is_word ? opens_range(i) : currency_at(i) != nullptr);
  }

  std::optional<Amount> parse_at(std::size_t start) const {
    std::size_t i = start;
    Amount a;
    bool range = false;
    if (opens_range(i) && i + 1 < last_ &&
        (tok(i + 1).is_number || currency_at(i + 1))) {
      range = true;
      ++i;
    }
    if (const std::string* c = symbol_currency(i); c && !tok(i).is_word) {
      a.currency = *c;
      ++i;
    }
    std::optional<double> low = number_at(i);
    if (!low) return std::nullopt;
    double low_scale = scale_at(i);
    std::optional<double> high;
    double high_scale = 1;
    std::size_t j = i;
    if (is(j, {"et", "and", "a", "to", "-"})) {
      ++j;
      if (const std::string* c = currency_at(j); c && !tok(j).is_word) ++j;
      if (std::optional<double> n = number_at(j)) {
        high = n;
        high_scale = scale_at(j);
        i = j;
      }
    }
    if (!high) range = false;
    if (is(i, {"de", "d'", "of"}) && currency_at(i + 1)) ++i;
    if (const std::string* c = currency_at(i); c && a.currency.empty()) {
      a.currency = *c;
      ++i;
    }
    if (a.currency.empty()) return std::nullopt;
    if (high && high_scale == 1) high_scale = low_scale;
    if (high && low_scale == 1) low_scale = high_scale;
    double lo = *low * low_scale;
    a.first = start;
    a.last = i;
    if (range) {
      a.min = lo;
      a.max = *high * high_scale;
      return a;
    }
    switch (qualifier(start)) {
      case AmountCue::Bound::AtLeast: a.min = lo; break;
      case AmountCue::Bound::AtMost: a.max = lo; break;
      case AmountCue::Bound::About: a.min = lo; a.max = lo; break;
    }
    return a;
  }

  // The qualifier ending just before token `start` ("plus de"), About when none.
  AmountCue::Bound qualifier(std::size_t start) const {
    const std::string_view before = start > first_ ? std::string_view(tok(start - 1).key) : std::string_view();
    for (const AmountCue& cue : rules_.amount_cues) {
      const std::size_t n = cue.keys.size();
      if (start < first_ + n) continue;
      // The last key first: its size alone rules out most cues.
      if (n > 0 && before != cue.keys.back()) continue;
      bool same = true;
      for (std::size_t k = 0; k + 1 < n && same; ++k) same = tok(start - n + k).key == cue.keys[k];
      if (same) return cue.bound;
    }
    return AmountCue::Bound::About;
  }

  bool excluded(std::size_t start) const {
    for (std::size_t k = start; k > first_ && start - k < 5; --k)
      if (exclude_.contains(tok(k - 1))) return true;
    return false;
  }

  const Document& doc_;
  std::size_t first_, last_;
  const RuleSet& rules_;
  const WordSet& exclude_;  // AMOUNT_EXCLUDE, looked up once
};

}  // namespace

std::vector<Amount> find_amounts(const Document& doc, std::size_t first, std::size_t last,
                                 const RuleSet& rules) {
  return AmountParser(doc, first, last, rules).run();
}

}  // namespace kg::extract
