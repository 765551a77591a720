#include <doctest/doctest.h>

#include <algorithm>

#include "graph/text_fold.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {
bool has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}
}  // namespace

TEST_CASE("short forms join the full name: last name of a person, first word of a company") {
  Document doc = prepare("Lorna Vettel dirige Quarry Robotics. Vettel dit que Quarry recrute.", "fr", Upto::Coreference);
  const Entity* person = entity_named(doc, "Lorna Vettel");
  const Entity* company = entity_named(doc, "Quarry Robotics");
  REQUIRE(person != nullptr);
  REQUIRE(company != nullptr);
  CHECK(has(person->aliases, "Vettel"));
  CHECK(has(company->aliases, "Quarry"));
  CHECK(doc.entities.size() == 2);
}

TEST_CASE("a short form joins a name written several times, but not a word of two names") {
  Document once = prepare("Quarry Robotics recrute. Quarry Robotics vend. Quarry dit oui.", "fr", Upto::Coreference);
  REQUIRE(once.entities.size() == 1);
  CHECK(has(once.entities[0].aliases, "Quarry"));
  Document two = prepare("Lorna Vettel a rencontré Marc Vettel hier. Vettel dit oui.", "fr", Upto::Coreference);
  CHECK(two.entities.size() == 3);
  for (const char* name : {"Lorna Vettel", "Marc Vettel"}) {
    const Entity* person = entity_named(two, name);
    REQUIRE(person != nullptr);
    CHECK(person->aliases.empty());
  }
}

TEST_CASE("acronyms join the name they abbreviate") {
  Document doc = prepare("Nordic Quantum Systems grows. NQS hired 40 people.", "en", Upto::Coreference);
  REQUIRE(doc.entities.size() == 1);
  CHECK(has(doc.entities[0].aliases, "NQS"));
}

TEST_CASE("only the full initials of a name join it") {
  Document doc = prepare("Nordic Quantum Systems grows. NQ hired 40 people. NQSX signed. NQS moved.", "en",
                         Upto::Coreference);
  const Entity* nordic = entity_named(doc, "Nordic Quantum Systems");
  REQUIRE(nordic != nullptr);
  CHECK(has(nordic->aliases, "NQS"));
  CHECK_FALSE(has(nordic->aliases, "NQ"));
  CHECK_FALSE(has(nordic->aliases, "NQSX"));
  CHECK(doc.entities.size() == 3);
}

TEST_CASE("names that fold alike are one entity; only forms that fold otherwise are aliases") {
  Document doc = prepare("Brakko Nord recrute. Selon BRAKKO NORD, tout va bien. Selon Brakko-Nord et Brakko, oui.",
                         "fr", Upto::Coreference);
  REQUIRE(doc.entities.size() == 1);
  CHECK(doc.entities[0].name == "Brakko Nord");
  CHECK(doc.entities[0].aliases == std::vector<std::string>{"Brakko"});
}

TEST_CASE("a description refers to the most mentioned earlier entity of its type") {
  Document doc = prepare(
      "Zorvex lève des fonds. Zorvex recrute aussi, selon Brakko Conseil. La firme vise l'Asie.", "fr",
      Upto::Coreference);
  const Entity* zorvex = entity_named(doc, "Zorvex");
  REQUIRE(zorvex != nullptr);
  CHECK(has(zorvex->descriptions, "La firme"));
}

TEST_CASE("a description's nationality rules out entities of another one") {
  Document doc = prepare(
      "La firme norvégienne Brakko discute avec Zorvex. Brakko hésite. La firme suédoise attend.", "fr",
      Upto::Coreference);
  const Entity* zorvex = entity_named(doc, "Zorvex");
  REQUIRE(zorvex != nullptr);
  CHECK(has(zorvex->descriptions, "La firme suédoise"));
}

TEST_CASE("an apposition is an alias of the name before it") {
  Document doc = prepare("Brakko, le géant norvégien du fret, recrute.", "fr", Upto::Coreference);
  const Entity* brakko = entity_named(doc, "Brakko");
  REQUIRE(brakko != nullptr);
  CHECK(has(brakko->descriptions, "le géant norvégien"));
}

TEST_CASE("places are one entity whatever form is used, with names in both languages") {
  Document doc = prepare("Brakko vise la Norvège. La firme norvégienne Zorvex aussi.", "fr", Upto::Coreference);
  const Entity* norway = entity_named(doc, "Norvège");
  REQUIRE(norway != nullptr);
  CHECK(norway->type == EntityType::Place);
  CHECK(has(norway->aliases, "Norway"));
  int places = 0;
  for (const Entity& e : doc.entities) places += e.type == EntityType::Place;
  CHECK(places == 1);
}

TEST_CASE("descriptions and pronouns take their place among the mentions") {
  Document doc = prepare("Zorvex lève des fonds. Brakko Conseil le confirme. La firme vise l'Asie. Elle recrute.", "fr",
                         Upto::Coreference);
  bool description = false, pronoun = false;
  for (const Mention& m : doc.mentions) {
    description = description || m.kind == MentionKind::Description;
    pronoun = pronoun || m.kind == MentionKind::Pronoun;
  }
  CHECK(description);
  CHECK(pronoun);
  CHECK(std::is_sorted(doc.mentions.begin(), doc.mentions.end(),
                       [](const Mention& a, const Mention& b) { return a.first < b.first; }));
}

TEST_CASE("an article resolves alike whatever articles were resolved before it on the thread") {
  // The resolver keeps its buffers from one article to the next: nothing else may carry over.
  const std::string text =
      "Lorna Vettel dirige Quarry Robotics. Vettel dit que Quarry recrute. La firme norvégienne vise la Suède.";
  Document first = prepare(text, "fr", Upto::Coreference);
  Document other = prepare(
      "Nordic Quantum Systems, the Norwegian firm, grows. NQS hired 40 people in Norway. The firm grew. It hires.", "en",
      Upto::Coreference);
  REQUIRE(entity_named(other, "Nordic Quantum Systems") != nullptr);
  CHECK(has(entity_named(other, "Nordic Quantum Systems")->descriptions, "the Norwegian firm"));
  Document again = prepare(text, "fr", Upto::Coreference);
  REQUIRE(first.entities.size() == again.entities.size());
  for (std::size_t e = 0; e < first.entities.size(); ++e) {
    CHECK(first.entities[e].name == again.entities[e].name);
    CHECK(first.entities[e].aliases == again.entities[e].aliases);
    CHECK(first.entities[e].descriptions == again.entities[e].descriptions);
    CHECK(first.entities[e].type == again.entities[e].type);
  }
  REQUIRE(first.mentions.size() == again.mentions.size());
  for (std::size_t m = 0; m < first.mentions.size(); ++m) CHECK(first.mentions[m].entity == again.mentions[m].entity);
}

namespace {
// Checks that every key `doc`'s entities carry is the fold_key of its form;
// adds the aliases and descriptions seen to the counts.
void check_carried_keys(const Document& doc, std::size_t& aliases, std::size_t& descriptions) {
  for (const Entity& e : doc.entities) {
    CHECK(e.name_key == kg::fold_key(e.name));
    REQUIRE(e.alias_keys.size() == e.aliases.size());
    for (std::size_t i = 0; i < e.aliases.size(); ++i) CHECK(e.alias_keys[i] == kg::fold_key(e.aliases[i]));
    REQUIRE(e.description_keys.size() == e.descriptions.size());
    for (std::size_t i = 0; i < e.descriptions.size(); ++i)
      CHECK(e.description_keys[i] == kg::fold_key(e.descriptions[i]));
    aliases += e.aliases.size();
    descriptions += e.descriptions.size();
  }
}
}  // namespace

TEST_CASE("a description folded in one article has the same key in the next ones") {
  // Descriptions are folded once per thread ("l'entreprise" from its text):
  // a description met again takes the key kept for the same text.
  std::size_t aliases = 0, descriptions = 0;
  for (const char* text : {"Zorvex lève des fonds. Zorvex recrute. L'entreprise vise l'Asie.",
                           "Brakko Conseil recrute. Brakko Conseil grandit. L'entreprise vise la Suède. La firme aussi."}) {
    Document doc = prepare(text, "fr", Upto::Coreference);
    check_carried_keys(doc, aliases, descriptions);
  }
  CHECK(descriptions >= 3);
}

TEST_CASE("an entity carries the folded key of its name, of each alias and of each description") {
  Document doc = prepare(
      "Lorna Vettel dirige Quarry Robotics. Vettel dit que QUARRY recrute. Brakko, le géant norvégien du fret, "
      "vise la Norvège. La firme suédoise attend.",
      "fr", Upto::Coreference);
  std::size_t aliases = 0, descriptions = 0;
  check_carried_keys(doc, aliases, descriptions);
  CHECK(aliases >= 3);  // "Vettel", "Quarry", "Norway" at least
  CHECK(descriptions >= 1);
  REQUIRE(entity_named(doc, "Quarry Robotics") != nullptr);
  CHECK(entity_named(doc, "Quarry Robotics")->name_key == "quarry robotics");
  // A place's names are folded once per thread: the keys stay right in an
  // article of the other language, and in the first one again.
  Document english = prepare("Zorvex opens in the United States and in Norway.", "en", Upto::Coreference);
  std::size_t place_names = 0;
  check_carried_keys(english, place_names, descriptions);
  CHECK(place_names >= 2);
  REQUIRE(entity_named(english, "United States") != nullptr);
  CHECK(entity_named(english, "United States")->name_key == "united states");
  Document again = prepare("La Norvège et les États-Unis.", "fr", Upto::Coreference);
  check_carried_keys(again, place_names, descriptions);
  REQUIRE(entity_named(again, "États-Unis") != nullptr);
  CHECK(entity_named(again, "États-Unis")->name_key == "etats unis");
}

TEST_CASE("an adjective or a complement between a title's noun and a name keeps the title for that name") {
  Document doc = prepare(
      "Zorvex lève des fonds. Le fonds souverain Orlo Invest y participe. Le géant du fret Halden aussi.", "fr",
      Upto::Coreference);
  const Entity* zorvex = entity_named(doc, "Zorvex");
  REQUIRE(zorvex != nullptr);
  CHECK(zorvex->descriptions.empty());
}

TEST_CASE("a description refers to the entity its noun titled before, whichever is mentioned most") {
  Document doc = prepare(
      "Brakko recrute. Brakko grandit. Brakko est détenue par le fonds Orlo Partners. Le fonds a tout changé.",
      "fr", Upto::Coreference);
  const Entity* orlo = entity_named(doc, "Orlo Partners");
  REQUIRE(orlo != nullptr);
  CHECK(has(orlo->descriptions, "Le fonds"));
}

TEST_CASE("a maker of a named product is a description, not a title of the product") {
  Document doc = prepare("Zorvex recrute. L'éditeur du logiciel Quill vise l'Europe.", "fr", Upto::Coreference);
  const Entity* zorvex = entity_named(doc, "Zorvex");
  REQUIRE(zorvex != nullptr);
  CHECK(has(zorvex->descriptions, "L'éditeur"));
}

TEST_CASE("a word before a company suffix is a short form even of a name typed by its context") {
  // "buy" types Brakko Labs for sure; "Brakko" alone is still the same company.
  Document doc = prepare("Zorvex will buy Brakko Labs. Brakko makes chips.", "en", Upto::Coreference);
  const Entity* brakko = entity_named(doc, "Brakko Labs");
  REQUIRE(brakko != nullptr);
  CHECK(has(brakko->aliases, "Brakko"));
}
