#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/matcher.h"
#include "extract/rule_screen.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {

// The elements that sentence `s` of `doc` holds.
RuleScreen::Elements elements_in(const RuleScreen& screen, const Document& doc, std::size_t s) {
  RuleScreen::Elements present = 0;
  for (std::size_t t = doc.sentences[s].first; t < doc.sentences[s].last; ++t)
    present |= screen.elements_of(doc.tokens[t], vocabulary::word_of(doc.tokens[t]));
  return present;
}

// For each sentence of `text` (French), the lines of the `describe` rules
// of `rule_lines` that the screen keeps: "3 4|" for rules 3 and 4 kept on
// the first sentence and none on the second.
std::string kept(const std::string& rule_lines, const std::string& text) {
  RuleBook book;
  book.load("language fr\n" + rule_lines, "test");
  const RuleSet& set = *book.find("fr");
  RuleScreen screen(set, Rule::Action::Describe);
  Document doc = prepare(text, "fr", Upto::Types);
  std::string out;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    RuleScreen::Elements present = elements_in(screen, doc, s);
    std::string line;
    for (const auto& [rule, needed] : screen.rules())
      if (RuleScreen::holds(needed, present)) line += (line.empty() ? "" : " ") + set.rules[rule].origin.substr(5);
    out += line + "|";
  }
  return out;
}

}  // namespace

TEST_CASE("a rule is kept on a sentence holding a word of each of its required elements") {
  // Rule lines are 2, 3, ...
  const std::string rules = "describe Organization: (la|le) _? firme\n"  // 2: both words
                            "describe Project: ce projet?\n";            // 3: "projet" is optional
  CHECK(kept(rules, "La firme a dit non. Le marché baisse. Ce matin, une firme."
                    " Ce projet avance.") == "2||3|3|");
}

TEST_CASE("a required group needs a word of one required element of each alternative") {
  const std::string rules = "describe Organization: la (firme | jeune pousse)\n"  // 2: "firme" or "jeune"
                            "describe Organization: la (firme | _ pousse?)\n";    // 3: an alternative without words
  CHECK(kept(rules, "La firme croît. La jeune pousse croît. La pousse croît. Il croît.") ==
        "2 3|2 3|3||");
}

TEST_CASE("stems and a rule without required words") {
  const std::string rules = "describe Product: ce modèle*\n"  // 2: a stem
                            "describe Product: _ _\n";         // 3: always kept
  RuleBook book;
  book.load("language fr\n" + rules, "test");
  CHECK_FALSE(RuleScreen(*book.find("fr"), Rule::Action::Describe).by_word_alone());
  CHECK(kept(rules, "Ce modèles-là. Ce mode.") == "2 3|3|");
}

TEST_CASE("the screen never turns away a sentence where a built-in rule matches") {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"fr", "Nova Labs a levé 5 millions. La start-up, fondée par Jane Doe, vise l'Europe. Le groupe Arko et "
             "cette initiative."},
      {"fr", "Selon le groupe Arko, la société Lumen Robotics rachète Vega Soft; la jeune pousse grandit."},
      {"en", "Nova Labs raised $20 million, the Oslo-based firm said. This project and the company grow."},
      {"en", "Jane Doe said its chatbot Pixie, this model, competes with Vega Soft's app."}};
  for (const auto& [language, text] : texts) {
    const RuleSet& set = *rules().find(language);
    const RuleScreen& screen = *set.describe_screen;
    Document doc = prepare(text, language, Upto::Types);
    std::size_t matched = 0;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      RuleScreen::Elements present = elements_in(screen, doc, s);
      Matcher matcher(doc, sentence_items(doc, s), Coordination{});
      for (const RuleScreen::Needs& needs : screen.rules()) {
        const Rule& rule = set.rules[needs.rule];
        CAPTURE(rule.origin);
        if (matcher.find_all(rule.pattern).empty()) continue;
        ++matched;
        CHECK(RuleScreen::holds(needs.elements, present));
      }
    }
    CHECK(matched > 0);
  }
}
