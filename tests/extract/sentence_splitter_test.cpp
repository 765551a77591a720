#include <doctest/doctest.h>

#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {
std::vector<std::string> sentences(const std::string& text, const std::string& language) {
  Document doc = prepare(text, language, Upto::Sentences);
  std::vector<std::string> out;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) out.push_back(doc.sentence_text(s));
  return out;
}
}  // namespace

TEST_CASE("a sentence ends at . ! ? before a capital") {
  CHECK(sentences("Nova grandit. Elle recrute! Qui paie? Lumen.", "fr") ==
        std::vector<std::string>{"Nova grandit.", "Elle recrute!", "Qui paie?", "Lumen."});
}

TEST_CASE("abbreviations, initials and decimals do not end a sentence") {
  CHECK(sentences("M. Durand a levé 2.5 millions. Dr. Vey aussi.", "fr") ==
        std::vector<std::string>{"M. Durand a levé 2.5 millions.", "Dr. Vey aussi."});
  CHECK(sentences("J. R. Tolland founded it. Then it grew.", "en").size() == 2);
}

TEST_CASE("a glued ! followed by a lower-case word stays inside the sentence") {
  CHECK(sentences("Il a misé sur Boomly! et Quartzy. Puis il a vendu.", "fr").size() == 2);
}

TEST_CASE("a line break ends a sentence: headlines stand alone") {
  CHECK(sentences("Nova lève 5 millions\n\nLa firme grandit.", "fr") ==
        std::vector<std::string>{"Nova lève 5 millions", "La firme grandit."});
}

TEST_CASE("every line break ends a sentence, however far apart") {
  CHECK(sentences("Nova\nLumen grandit\n\n\nZorvex aussi. Et Quartzy\nFin", "fr") ==
        std::vector<std::string>{"Nova", "Lumen grandit", "Zorvex aussi.", "Et Quartzy", "Fin"});
  CHECK(sentences("Nova grandit.\nLumen aussi.", "fr") ==
        std::vector<std::string>{"Nova grandit.", "Lumen aussi."});
  // After closing quotes glued to the mark, and after a mark that ends nothing.
  CHECK(sentences("\"Nova grandit.\"\nLumen aussi.", "fr") ==
        std::vector<std::string>{"\"Nova grandit.\"", "Lumen aussi."});
  CHECK(sentences("Nova grandit, (\nlumen aussi)", "fr") ==
        std::vector<std::string>{"Nova grandit, (", "lumen aussi)"});
}

TEST_CASE("closing quotes stay with their sentence") {
  CHECK(sentences("\"We grow.\" Then Nova hired.", "en") ==
        std::vector<std::string>{"\"We grow.\"", "Then Nova hired."});
}

TEST_CASE("splitting into a vector drops its old sentences") {
  const std::string first = "Un. Deux. Trois. Quatre.", second = "Nova grandit. Elle recrute.";
  const std::vector<Token> first_tokens = tokenize(first), second_tokens = tokenize(second);
  const WordSet no_abbreviations;
  std::vector<Sentence> sentences;
  split_sentences(first, first_tokens, no_abbreviations, sentences);
  CHECK(sentences.size() == 4);
  split_sentences(second, second_tokens, no_abbreviations, sentences);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].first == 0);
  CHECK(sentences[0].last == 3);
  CHECK(sentences[1].first == 3);
  CHECK(sentences[1].last == second_tokens.size());
}
