#include <doctest/doctest.h>

#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

TEST_CASE("names are runs of capitalised words, with connectors and suffixes") {
  Document doc = prepare("Hier, la Banque de Lorvane et Nova & Fils ont aidé Quarry AI.", "fr", Upto::Mentions);
  CHECK(mention_texts(doc) == "Banque de Lorvane|Nova & Fils|Quarry AI");
}

TEST_CASE("a sentence-initial function word or lower-case word is not a name") {
  Document doc = prepare("Cette firme grandit. Prudence reste de mise. La prudence paie. Zorvex recrute.", "fr",
                         Upto::Mentions);
  CHECK(mention_texts(doc) == "Zorvex");
}

TEST_CASE("known places by name and by adjective") {
  Document doc = prepare("La firme norvégienne Brakko vise la Nouvelle-Zélande.", "fr", Upto::Mentions);
  REQUIRE(doc.mentions.size() == 3);
  CHECK(doc.mentions[0].kind == MentionKind::Adjective);
  CHECK(doc.mentions[0].type == EntityType::Place);
  CHECK(doc.mentions[2].type == EntityType::Place);
  CHECK(doc.mentions[0].place >= 0);
  CHECK(mention_texts(doc) == "norvégienne|Brakko|Nouvelle-Zélande");
}

TEST_CASE("a government designated by its country is one organisation") {
  Document fr = prepare("Le gouvernement norvégien soutient Brakko.", "fr", Upto::Mentions);
  CHECK(mention_texts(fr) == "gouvernement norvégien|Brakko");
  CHECK(fr.mentions[0].type == EntityType::Organization);
  Document en = prepare("The Norwegian government backs Brakko.", "en", Upto::Mentions);
  CHECK(mention_texts(en) == "Norwegian government|Brakko");
}

TEST_CASE("a glued ! belongs to the name; numbers after a name are kept") {
  Document doc = prepare("Il a misé sur Boomly! et sur Vortex 3 avant 2019.", "fr", Upto::Mentions);
  CHECK(mention_texts(doc) == "Boomly!|Vortex 3");
}

TEST_CASE("a first word written in lower case before or after it, as a rule word or not, is not a name") {
  // "prudence" after, "firme" (a word of the rule files) before and after.
  Document doc = prepare("Prudence reste de mise. La firme grandit. Firme solide, Zorvex recrute. La prudence paie.",
                         "fr", Upto::Mentions);
  CHECK(mention_texts(doc) == "Zorvex");
  // The same first word without a lower-case use is a name.
  CHECK(mention_texts(prepare("Prudence Capital recrute. Zorvex aussi.", "fr", Upto::Mentions)) ==
        "Prudence Capital|Zorvex");
}

TEST_CASE("words outside every sentence still count as written in lower case") {
  Document doc = prepare("Prudence reste de mise. La prudence paie.", "fr", Upto::Sentences);
  REQUIRE(doc.sentences.size() == 2);
  doc.sentences.pop_back();  // the lower-case "prudence" is now in no sentence
  detect_mentions(doc, *rules().find("fr"));
  CHECK(mention_texts(doc).empty());
}
