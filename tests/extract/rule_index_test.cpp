#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/matcher.h"
#include "extract/rule_index.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {

Coordination coordination_of(const RuleSet& set) {
  return {&set.word_class("COORD"), &set.word_class("CONJ"), &set.word_class("ARTICLE")};
}

// Calls visit(set, doc, action, sentence, matcher, candidates) with what
// select() keeps on every sentence of every text, for both built-in
// languages and every action.
template <class Visit>
void for_each_selection(const std::vector<std::string>& texts, const Visit& visit) {
  for (const std::string& text : texts)
    for (const std::string language : {"fr", "en"}) {
      const RuleSet& set = *rules().find(language);
      Document doc = prepare(text, language, Upto::Types);
      for (Rule::Action action : {Rule::Action::Relation, Rule::Action::Type, Rule::Action::Describe}) {
        Matcher matcher(doc, coordination_of(set));
        std::vector<RuleIndex::Candidate> candidates;
        for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
          matcher.set_sentence(s);
          set.index(action).select(matcher, candidates);
          visit(set, doc, action, s, matcher, candidates);
        }
      }
    }
}

// "line:bound" for each rule that select() keeps on the first sentence of
// `text` (French mentions and types), the rules being `rule_lines` of a
// French rule file.
std::vector<std::string> selected(const std::string& text, const std::string& rule_lines) {
  RuleBook book;
  book.load("language fr\nrelation r\n" + rule_lines, "test");
  const RuleSet& set = *book.find("fr");
  Document doc = prepare(text, "fr", Upto::Types);
  Matcher matcher(doc, coordination_of(*rules().find("fr")));
  matcher.set_sentence(0);
  std::vector<RuleIndex::Candidate> candidates;
  set.index(Rule::Action::Relation).select(matcher, candidates);
  std::vector<std::string> out;
  for (const auto& [rule, last_start] : candidates)
    out.push_back(set.rules[rule].origin.substr(5) + ":" + std::to_string(last_start));
  return out;
}

std::string describe(const Match& m) {
  std::string s = std::to_string(m.first) + "-" + std::to_string(m.last) + " S";
  for (int i : m.subjects) s += " " + std::to_string(i);
  s += " O";
  for (int i : m.objects) s += " " + std::to_string(i);
  s += " T";
  for (int i : m.targets) s += " " + std::to_string(i);
  return s;
}

std::vector<std::string> describe(std::span<const Match> matches) {
  std::vector<std::string> out;
  for (const Match& m : matches) out.push_back(describe(m));
  return out;
}

}  // namespace

// Items of "Nova Labs investit dans Lumen Robotics.": 0 Nova Labs, 1 investit,
// 2 dans, 3 Lumen Robotics, 4 the full stop. Rule lines are 3, 4, 5 ...
TEST_CASE("select keeps the rules whose required elements occur in pattern order") {
  const std::string text = "Nova Labs investit dans Lumen Robotics.";
  CHECK(selected(text,
                 "rule r: S:* invest* dans O:*\n"          // line 3: all there, in order
                 "rule r: S:* rachète O:*\n"               // 4: a word missing
                 "rule r: O:* dans S:Organization\n"       // 5: in order, ending later
                 "rule r: dans S:* invest*\n"              // 6: all there, out of order
                 "rule r: S:Person invest* dans O:*\n") ==  // 7: no entity of that type
        std::vector<std::string>{"3:0", "5:0"});
}

TEST_CASE("select keeps no rule on a sentence with fewer mentions than every rule needs") {
  // Two entity elements need two mentions, a repeated one one per repetition.
  const std::string rule_lines = "rule r: S:* invest*\n"             // line 3: one
                                 "rule r: S:* invest* O:* O:Place?\n"  // 4: two, the optional one aside
                                 "rule r: invest* O:*{2}\n";           // 5: two
  CHECK(selected("Nova Labs investit.", rule_lines) == std::vector<std::string>{"3:0"});
  // Without the rule that needs one mention, none is looked at.
  CHECK(selected("Nova Labs investit.", "rule r: S:* invest* O:*\nrule r: invest* O:*{2}\n").empty());
  // With two mentions, each rule is judged by where its elements occur.
  CHECK(selected("Nova Labs investit dans Lumen Robotics.", rule_lines) ==
        std::vector<std::string>{"3:0", "4:0", "5:1"});
}

TEST_CASE("a required group each of whose alternatives needs a word is a required element") {
  const std::string text = "Nova Labs investit dans Lumen Robotics.";
  // One of "dans" or "en" (line 3), or of "chez" or "vers" (4), must occur.
  const std::string rule_lines = "rule r: S:* (dans O:* | en O:*)\n"
                                 "rule r: S:* (chez O:* | vers O:*)\n";
  CHECK(selected(text, rule_lines) == std::vector<std::string>{"3:0"});
  // The word's place bounds the start, which may be before it ("investit dans").
  CHECK(selected(text, "rule r: (_ dans | en) O:*\n") == std::vector<std::string>{"3:2"});
  // The word must come in pattern order.
  CHECK(selected(text, "rule r: dans (_ investit | en)\n").empty());
  // An alternative without a required word leaves the group out of the
  // index: only the entity is required.
  CHECK(selected(text, "rule r: S:* (chez O:* | _ O:*)\n") == std::vector<std::string>{"3:3"});
  // Nor may a sentence without its words be turned away.
  RuleBook book;
  book.load("language fr\nrelation r\nrule r: S:* (chez|vers O:* | en O:*)\n", "test");
  const RuleIndex& index = book.find("fr")->index(Rule::Action::Relation);
  Document doc = prepare("Nova Labs investit dans Lumen. Arko va vers Vega.", "fr", Upto::Types);
  CHECK_FALSE(index.worth_trying(doc, 0));
  CHECK(index.worth_trying(doc, 1));
}

TEST_CASE("elements the pattern keeps close are found within reach, or the rule is not kept") {
  // Items: 0 Nova Labs, 1 investit, 2 dans, 3 Lumen Robotics, 4 the full stop.
  const std::string text = "Nova Labs investit dans Lumen Robotics.";
  CHECK(selected(text, "rule r: investit dans O:*\n") == std::vector<std::string>{"3:1"});
  CHECK(selected(text, "rule r: dans investit\n").empty());
  // An entity without conjuncts takes one item: the word must come next.
  CHECK(selected(text, "rule r: s:* dans O:*\n").empty());
  CHECK(selected(text, "rule r: s:* investit dans O:*\n") == std::vector<std::string>{"3:0"});
  // With conjuncts, or across a gap, it may come later.
  CHECK(selected(text, "rule r: S:* dans O:*\n") == std::vector<std::string>{"3:0"});
  CHECK(selected(text, "rule r: s:* _? dans O:*\n") == std::vector<std::string>{"3:0"});
  // An entity may follow an article: the item after next will do.
  CHECK(selected(text, "rule r: investit O:*\n") == std::vector<std::string>{"3:1"});
  CHECK(selected(text, "rule r: s:* O:*\n").empty());
  // A bounded gap between them bounds how far apart they may be.
  const std::string apart = "Nova Labs investit depuis longtemps dans Lumen Robotics.";  // dans is item 4
  CHECK(selected(apart, "rule r: investit _{0,2} dans O:*\n") == std::vector<std::string>{"3:1"});
  CHECK(selected(apart, "rule r: investit _{0,1} dans O:*\n").empty());
  CHECK(selected(apart, "rule r: investit longtemps? dans O:*\n").empty());
  CHECK(selected(apart, "rule r: investit _* dans O:*\n") == std::vector<std::string>{"3:1"});
  CHECK(selected(apart, "rule r: investit _{0,300} dans O:*\n") == std::vector<std::string>{"3:1"});
  // The last "investit" before "dans" is not followed by it; an earlier one is.
  CHECK(selected("Arko investit dans Vega qui investit aussi puis dans.", "rule r: investit dans\n") ==
        std::vector<std::string>{"3:1"});
}

TEST_CASE("a word of one rule that starts with a stem of another holds both elements") {
  const std::string text = "Nova Labs investit dans Lumen Robotics.";
  // "investit" is a word of rule 4: its mask also gives rule 3's stem
  // element, which its token no longer tests by its key.
  CHECK(selected(text, "rule r: S:* invest* dans O:*\nrule r: S:* investit O:*\n") ==
        std::vector<std::string>{"3:0", "4:0"});
  CHECK(selected(text, "rule r: S:* invest* O:*\nrule r: S:* investit dans O:*\n") ==
        std::vector<std::string>{"3:0", "4:0"});
  // A stem that is not its prefix gives nothing.
  CHECK(selected(text, "rule r: S:* invent* O:*\nrule r: S:* investit O:*\n") ==
        std::vector<std::string>{"4:0"});
}

TEST_CASE("the bound is where the first required element was last found before the others") {
  const std::string text = "Nova Labs investit dans Lumen Robotics.";
  // `_` and optional elements are not required: the bound is dans's place.
  CHECK(selected(text, "rule r: _? dans O:*\n") == std::vector<std::string>{"3:2"});
  CHECK(selected(text, "rule r: _ _ O:*\n") == std::vector<std::string>{"3:3"});
  // A rule without required elements is always tried, from any item.
  CHECK(selected(text, "rule r: _ _\n") == std::vector<std::string>{"3:5"});
  // Stems, classes and equal elements of several rules.
  CHECK(selected(text, "rule r: S:* inv* dans|en O:*\nrule r: S:* (dans|en) O:*\n") ==
        std::vector<std::string>{"3:0", "4:0"});
}

TEST_CASE("select keeps the same rules past 128 elements and 64 items") {
  // 140 rules with a word each of their own: the elements of the last rules
  // are in the third 64-bit word of each item's mask.
  std::string rule_lines;
  for (int i = 0; i < 140; ++i) rule_lines += "rule r: S:* mot" + std::to_string(i) + " O:*\n";  // lines 3 .. 142
  rule_lines += "rule r: S:* invest* _* dans O:*\n"  // 143
                "rule r: dans O:*\n"                 // 144
                "rule r: dans S:* invest*\n"         // 145: out of order
                "rule r: S:* invest* dans O:*\n";    // 146: "dans" is not next to "investit"
  std::string text = "Nova Labs investit";
  for (int i = 0; i < 35; ++i) text += " et encore";  // items 2 .. 71
  text += " dans Lumen Robotics.";                    // dans is item 72
  CHECK(selected(text, rule_lines) == std::vector<std::string>{"143:0", "144:72"});
  CHECK(selected("Nova Labs mot139 Lumen Robotics.", rule_lines) == std::vector<std::string>{"142:0"});
}

TEST_CASE("select's bound gives the same matches as find_all's own search, for every built-in rule") {
  const std::vector<std::string> texts = {
      "Zeta Capital investit dans Nova Labs, Vega Soft et Lumen Robotics puis dans Arko.",
      "La start-up Nova Labs, fondée par Jane Doe, a levé 5 millions d'euros auprès de Zeta Capital.",
      "Selon le groupe Arko, la société Lumen Robotics rachète Vega Soft.",
      "Nova Labs raised $20 million from Zeta Capital and Orbit Ventures, the Oslo-based firm said.",
      "Jane Doe, the founder of Lumen Robotics, said its chatbot Pixie competes with Vega Soft's model."};
  for_each_selection(texts, [](const RuleSet& set, const Document& doc, Rule::Action action, std::size_t s,
                               const Matcher& matcher, const std::vector<RuleIndex::Candidate>& candidates) {
    Matcher alone(doc, sentence_items(doc, s), coordination_of(set));
    std::size_t next = 0;
    for (std::size_t r = 0; r < set.rules.size(); ++r) {
      if (set.rules[r].action != action) continue;
      CAPTURE(set.rules[r].origin);
      std::vector<std::string> expected = describe(alone.find_all(set.rules[r].pattern));
      if (next < candidates.size() && candidates[next].rule == r) {
        CHECK(describe(matcher.find_all(set.rules[r].pattern, candidates[next].last_start)) == expected);
        ++next;
      } else {
        CHECK(expected.empty());
      }
    }
    CHECK(next == candidates.size());  // ascending, and only rules of the action
  });
}

TEST_CASE("worth_trying turns away a sentence without a required word of any rule") {
  RuleBook book;
  book.load("language fr\nrelation r\nrule r: S:* invest* dans O:*\nrule r: S:* rachète O:*\n", "test");
  const RuleIndex& index = book.find("fr")->index(Rule::Action::Relation);
  Document doc = prepare("Nova Labs investit dans Lumen. Nova Labs recrute. Arko rachète Vega.", "fr", Upto::Types);
  REQUIRE(doc.sentences.size() == 3);
  CHECK(index.worth_trying(doc, 0));        // "invest*", a stem
  CHECK_FALSE(index.worth_trying(doc, 1));  // neither word
  CHECK(index.worth_trying(doc, 2));        // "rachète"
  // A rule that needs no word is worth trying on every sentence.
  book.load("language fr\nrule r: S:* _ O:*\n", "test2");
  CHECK(book.find("fr")->index(Rule::Action::Relation).worth_trying(doc, 1));
}

TEST_CASE("worth_trying is true wherever select keeps a rule, for every built-in rule") {
  const std::vector<std::string> texts = {
      "Zeta Capital investit dans Nova Labs. La firme norvégienne a levé 5 millions. Il pleut.",
      "Nova Labs raised $20 million from Zeta Capital, the Oslo-based firm said. It rains. Its rival Arko sued."};
  for_each_selection(texts, [](const RuleSet& set, const Document& doc, Rule::Action action, std::size_t s,
                               const Matcher&, const std::vector<RuleIndex::Candidate>& candidates) {
    if (!candidates.empty()) CHECK(set.index(action).worth_trying(doc, s));
  });
}
