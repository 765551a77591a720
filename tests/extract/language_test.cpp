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

TEST_CASE("any number of languages: the most function words win, the first in order on a tie") {
  // Seventy languages: their function-word bits take two 64-bit words a word.
  RuleBook book;
  std::string rules;
  for (int i = 0; i < 70; ++i) {
    std::string code = "l" + std::to_string(100 + i);
    rules += "language " + code + "\ndefine FUNCTION_WORDS = shared " + code + "word\n";
  }
  book.load(rules, "many.rules");
  CHECK(detect_language(tokenize("shared l168word l168word l105word"), book) == "l168");
  CHECK(detect_language(tokenize("l105word l168word"), book) == "l105");  // a tie: l105 sorts first
  CHECK(detect_language(tokenize("shared"), book) == "l100");
}

TEST_CASE("words numbered after the text was tokenized still vote") {
  std::vector<Token> tokens = tokenize("zq1lang zq1lang zq2lang");  // not yet rule words
  RuleBook book;
  book.load("language aa\ndefine FUNCTION_WORDS = zq2lang\nlanguage bb\ndefine FUNCTION_WORDS = zq1lang\n",
            "late.rules");
  CHECK(detect_language(tokens, book) == "bb");
}

TEST_CASE("the count stops only when the tokens left cannot change the outcome") {
  // Language aa sorts first and wins a tie. After 32 votes for bb, 32 tokens
  // are left: enough for aa to tie, so bb is not declared the winner then.
  RuleBook book;
  book.load("language aa\ndefine FUNCTION_WORDS = zqaword\nlanguage bb\ndefine FUNCTION_WORDS = zqbword\n",
            "tie.rules");
  std::string bb_then_aa, aa_then_bb;
  for (int i = 0; i < 32; ++i) bb_then_aa += "zqbword ";
  for (int i = 0; i < 32; ++i) bb_then_aa += "zqaword ";
  for (int i = 0; i < 32; ++i) aa_then_bb += "zqaword ";
  for (int i = 0; i < 32; ++i) aa_then_bb += "zqbword ";
  CHECK(detect_language(tokenize(bb_then_aa), book) == "aa");  // a tie at the end
  CHECK(detect_language(tokenize(aa_then_bb), book) == "aa");
  CHECK(detect_language(tokenize(bb_then_aa + "zqbword"), book) == "bb");
}
