#include <doctest/doctest.h>

#include "extract/language.h"
#include "extract/tokenizer.h"
#include "helpers.h"

using namespace kg::extract;

TEST_CASE("function words tell French from English") {
  const RuleBook& rules = test::rules();
  CHECK(detect_language(tokenize("Une start-up a levé des fonds auprès de ses actionnaires."), rules) == "fr");
  CHECK(detect_language(tokenize("A start-up raised money from its shareholders."), rules) == "en");
}

TEST_CASE("capitalised words do not vote: names are not function words") {
  // "The" and "A" are capitalised; the lower-case words are French.
  CHECK(detect_language(tokenize("The Nova A Lumen investit dans la firme et les usines."), test::rules()) == "fr");
}

TEST_CASE("every token votes: a language that leads early can be overtaken") {
  const RuleBook& rules = test::rules();
  std::string french, english;
  for (int i = 0; i < 70; ++i) french += "dans la ";
  for (int i = 0; i < 80; ++i) english += "in the ";
  CHECK(detect_language(tokenize(french), rules) == "fr");
  CHECK(detect_language(tokenize(french + english), rules) == "en");  // overtaken late
  CHECK(detect_language(tokenize(english + french), rules) == "en");
}
