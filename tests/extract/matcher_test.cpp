#include <doctest/doctest.h>

#include <algorithm>

#include "extract/matcher.h"
#include "extract/vocabulary.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {

// Matches `pattern` (French classes) in the first sentence of `text`; returns
// "S=..;O=.." per match with the captured mention texts.
std::vector<std::string> run(const std::string& text, const std::string& pattern) {
  Document doc = prepare(text, "fr", Upto::Types);
  const RuleSet& fr = *rules().find("fr");
  Coordination coordination{&fr.word_class("COORD"), &fr.word_class("CONJ"), &fr.word_class("ARTICLE")};
  Matcher matcher(doc, sentence_items(doc, 0), coordination);
  std::vector<std::string> out;
  for (const Match& m : matcher.find_all(parse_pattern(pattern, fr.classes, "test"))) {
    std::string s = "S=";
    for (int i : m.subjects) s += doc.span_text(doc.mentions[i].first, doc.mentions[i].last) + ",";
    s += ";O=";
    for (int i : m.objects) s += doc.span_text(doc.mentions[i].first, doc.mentions[i].last) + ",";
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("a pattern over words and entities") {
  CHECK(run("Nova Labs investit dans Lumen Robotics.", "S:* invest* dans O:*") ==
        std::vector<std::string>{"S=Nova Labs,;O=Lumen Robotics,"});
  CHECK(run("Nova Labs vend Lumen Robotics.", "S:* invest* dans O:*").empty());
}

TEST_CASE("gaps are as short as possible and never cross an entity") {
  CHECK(run("Nova Labs a finalement investi dans Lumen Robotics.", "S:* _{0,3} invest* dans O:*").size() == 1);
  CHECK(run("Nova Labs a vraiment beaucoup trop investi dans Lumen Robotics.", "S:* _{0,3} invest* dans O:*").empty());
  CHECK(run("Nova Labs et Vega Soft investissent dans Lumen Robotics.", "S:* _{0,3} invest* dans O:*") ==
        std::vector<std::string>{"S=Nova Labs,Vega Soft,;O=Lumen Robotics,"});
  CHECK(run("Nova Labs , dit Vega Soft , investit dans Lumen Robotics.", "S:* ~{0,6} invest* dans O:*") ==
        std::vector<std::string>{"S=Nova Labs,;O=Lumen Robotics,"});
}

TEST_CASE("a gap written _!WORDS takes no token of WORDS") {
  const std::string pattern = "S:* rachète _!par|@NEGATION{0,4} O:*";
  CHECK(run("Nova Labs rachète en mars Lumen Robotics.", pattern) ==
        std::vector<std::string>{"S=Nova Labs,;O=Lumen Robotics,"});
  CHECK(run("Nova Labs rachète par défaut Lumen Robotics.", pattern).empty());
  CHECK(run("Nova Labs rachète pas Lumen Robotics.", pattern).empty());
}

TEST_CASE("coordination gives every conjunct; lower-case slots take one entity") {
  CHECK(run("Zeta Capital investit dans Nova Labs, Vega Soft et Lumen Robotics.", "S:* invest* dans O:*") ==
        std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,Vega Soft,Lumen Robotics,"});
  CHECK(run("Zeta Capital investit dans Nova Labs, Vega Soft et Lumen Robotics.", "S:* invest* dans o:*") ==
        std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
  // A comma alone does not coordinate: the second name is an apposition.
  CHECK(run("Zeta Capital investit dans Nova Labs, Vega Soft.", "S:* invest* dans O:*") ==
        std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
}

TEST_CASE("an article before an entity is skipped; types are checked") {
  CHECK(run("Il cite la firme Nova Labs.", "cite O:Organization").empty());
  CHECK(run("Il cite la Nova Labs.", "cite O:Organization").size() == 1);
  CHECK(run("Il cite la Nova Labs.", "cite O:Person").empty());
}

TEST_CASE("groups and alternatives") {
  CHECK(run("Zeta Capital entre au capital de Nova Labs.", "S:* entre ( au capital de | dans ) O:*").size() == 1);
  CHECK(run("Zeta Capital entre dans Nova Labs.", "S:* entre ( au capital de | dans ) O:*").size() == 1);
  CHECK(run("Zeta Capital entre chez Nova Labs.", "S:* entre ( au capital de | dans ) O:*").empty());
}

TEST_CASE("a pattern that begins with a group of words matches from every alternative") {
  const std::string text = "Zeta Capital entre au capital de Nova Labs puis dans Vega Soft et chez Arko.";
  CHECK(run(text, "( au capital de | dans | chez ) O:*") ==
        std::vector<std::string>{"S=;O=Nova Labs,", "S=;O=Vega Soft,", "S=;O=Arko,"});
  CHECK(run(text, "( dans | chez ) o:*") == std::vector<std::string>{"S=;O=Vega Soft,", "S=;O=Arko,"});
  CHECK(run(text, "( sur | vers ) O:*").empty());
}

TEST_CASE("every required word and entity must be found, in pattern order") {
  CHECK(run("Nova Labs investit dans Lumen Robotics.", "S:Organization invest* dans O:Organization").size() == 1);
  CHECK(run("Nova Labs investit dans la robotique.", "S:* invest* dans O:*").empty());
  CHECK(run("Dans Lumen Robotics investit Nova Labs.", "S:* invest* dans O:*").empty());
  CHECK(run("Nova Labs investit dans Lumen Robotics.", "S:* invest* dans O:* en").empty());
  CHECK(run("Nova Labs investit dans Lumen Robotics.", "S:* invest* dans O:Place").empty());
}

TEST_CASE("a group of one element repeats like the element") {
  const std::string text = "Zeta Capital investit dans Nova Labs, Vega Soft et Lumen Robotics puis dans Arko.";
  CHECK(run(text, "S:* (invest*) _{0,2} (dans|chez) (O:*)") == run(text, "S:* invest* _{0,2} dans|chez O:*"));
  CHECK(run(text, "S:* (invest*) _{0,2} (dans|chez) (O:*)").front() == "S=Zeta Capital,;O=Nova Labs,Vega Soft,Lumen Robotics,");
  CHECK(run(text, "S:* (invest*)? (dans)+ O:*") == run(text, "S:* invest*? dans+ O:*"));
  CHECK(run(text, "S:* (dans){2} O:*").empty());
}

TEST_CASE("one matcher serves every sentence of an article") {
  Document doc = prepare("Nova Labs investit dans Lumen Robotics. Puis Vega Soft, Arko et Zeta Capital investissent "
                         "dans Orbit Labs. Fin.",
                         "fr", Upto::Types);
  REQUIRE(doc.sentences.size() == 3);
  const RuleSet& fr = *rules().find("fr");
  Coordination coordination{&fr.word_class("COORD"), &fr.word_class("CONJ"), &fr.word_class("ARTICLE")};
  Pattern pattern = parse_pattern("S:* invest* dans O:*", fr.classes, "test");
  Matcher reused(doc, coordination);
  for (std::size_t s : {1, 0, 2, 1}) {  // longer and shorter sentences, in any order
    reused.set_sentence(s);
    Matcher fresh(doc, sentence_items(doc, s), coordination);
    CHECK(reused.items().size() == fresh.items().size());
    CHECK(reused.mention_count() == fresh.mention_count());
    if (s == 0) CHECK(reused.mention_count() == 2);  // "Nova Labs", "Lumen Robotics"
    std::vector<Match> expected = fresh.find_all(pattern);
    std::span<const Match> found = reused.find_all(pattern, reused.items().size());
    REQUIRE(found.size() == expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      CHECK(found[i].first == expected[i].first);
      CHECK(found[i].last == expected[i].last);
      CHECK(found[i].subjects == expected[i].subjects);
      CHECK(found[i].objects == expected[i].objects);
    }
    CHECK(found.size() == (s == 2 ? 0u : 1u));
  }
}

TEST_CASE("a matcher reuses the buffers of the thread's earlier matchers, with nothing of their sentences") {
  const RuleSet& fr = *rules().find("fr");
  Coordination coordination{&fr.word_class("COORD"), &fr.word_class("CONJ"), &fr.word_class("ARTICLE")};
  Pattern pattern = parse_pattern("S:* invest* dans O:*", fr.classes, "test");
  Document first = prepare("Puis Vega Soft, Arko et Zeta Capital investissent dans Orbit Labs.", "fr", Upto::Types);
  {
    Matcher earlier(first, coordination);
    earlier.set_sentence(0);
    CHECK(earlier.find_all(pattern, earlier.items().size()).size() == 1);
  }
  Document second = prepare("Nova Labs vend Lumen.", "fr", Upto::Types);
  Matcher later(second, coordination);
  CHECK(later.items().empty());
  later.set_sentence(0);
  CHECK(later.items().size() == sentence_items(second, 0).size());
  CHECK(later.find_all(pattern, later.items().size()).empty());
}

TEST_CASE("mentions appended after the matcher was made, as coreference appends descriptions, are passed over") {
  Document doc = prepare("La firme Nova Labs investit. Puis Vega Soft investit dans Orbit Labs.", "fr", Upto::Types);
  REQUIRE(doc.sentences.size() == 2);
  const std::vector<Item> expected[] = {sentence_items(doc, 0), sentence_items(doc, 1)};
  auto holds_mentions = [](const std::vector<Item>& items) {
    return std::count_if(items.begin(), items.end(), [](const Item& item) { return item.mention >= 0; });
  };
  REQUIRE(holds_mentions(expected[1]) == 2);  // "Vega Soft", "Orbit Labs"
  Matcher reused(doc, Coordination{});
  // Enough of them, all before every mention, that a search of the whole
  // list for the second sentence's first mention would land among them.
  Mention description;
  description.first = doc.sentences[0].first;  // "La"
  description.last = description.first + 1;
  description.kind = MentionKind::Description;
  doc.mentions.insert(doc.mentions.end(), 12, description);
  for (std::size_t s : {0, 1}) {
    reused.set_sentence(s);
    REQUIRE(reused.items().size() == expected[s].size());
    for (std::size_t i = 0; i < expected[s].size(); ++i) {
      CHECK(reused.items()[i].first == expected[s][i].first);
      CHECK(reused.items()[i].last == expected[s][i].last);
      CHECK(reused.items()[i].mention == expected[s][i].mention);
    }
  }
}

TEST_CASE("a word numbered after the tokens were labelled has its number in the items") {
  Document doc = prepare("Nova Labs vend des xylophonistes. Puis Vega Soft achète des xylophonistes.", "fr", Upto::Types);
  REQUIRE(doc.sentences.size() == 2);
  auto token_of = [&](std::size_t sentence) {
    for (std::size_t t = doc.sentences[sentence].first; t < doc.sentences[sentence].last; ++t)
      if (doc.tokens[t].key == "xylophonistes") return t;
    return doc.sentences[sentence].last;
  };
  REQUIRE(doc.tokens[token_of(1)].word == vocabulary::kUnknown);  // no rule file has the word
  Matcher matcher(doc, Coordination{});
  matcher.set_sentence(0);  // reached from here by the mention after this sentence's, not a search
  std::uint32_t number = vocabulary::intern("xylophonistes");  // as a rule file loaded later would
  matcher.set_sentence(1);
  const auto& items = matcher.items();
  auto item = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.first == token_of(1); });
  REQUIRE(item != items.end());
  CHECK(matcher.item_words()[static_cast<std::size_t>(item - items.begin())] == number);
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].mention < 0) CHECK(matcher.item_words()[i] == vocabulary::word_of(doc.tokens[items[i].first]));
}

TEST_CASE("a choice that fails later is given up for the next one") {
  // The longest list of conjuncts is tried first, then shorter ones.
  CHECK(run("Zeta Capital investit dans Nova Labs et Vega Soft.", "S:* invest* dans O:* et E:*") ==
        std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
  // The first alternative matches, but what follows it does not.
  CHECK(run("Zeta Capital entre au capital de Nova Labs.", "S:* entre ( au capital | au capital de ) O:*") ==
        std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
  // A gap grows until the rest matches, and no further.
  CHECK(run("Zeta Capital a dit investir dans Nova Labs.", "S:* _{0,4} invest* dans O:*").size() == 1);
  CHECK(run("Zeta Capital a dit investir dans Nova Labs.", "S:* _{0,1} invest* dans O:*").empty());
}

TEST_CASE("repeated groups") {
  const std::string text = "Zeta Capital investit dans dans Nova Labs.";
  CHECK(run(text, "S:* invest* (dans|chez)+ O:*") == std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
  CHECK(run(text, "S:* invest* (dans|chez){2} O:*").size() == 1);
  CHECK(run(text, "S:* invest* (dans|chez){3} O:*").empty());
  // A repetition must take an item: a group that may match nothing still ends.
  CHECK(run(text, "S:* (invest*?)+ dans+ O:*") == std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
  CHECK(run(text, "S:* (invest*? dans?)* O:*") == std::vector<std::string>{"S=Zeta Capital,;O=Nova Labs,"});
}
