#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/tokenizer.h"

using namespace kg::extract;

namespace {
std::vector<std::string> texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.push_back(t.text);
  return out;
}
}  // namespace

TEST_CASE("words keep inner hyphens; French elisions and English 's are split off") {
  CHECK(texts("une start-up d'Ardent") == std::vector<std::string>{"une", "start-up", "d'", "Ardent"});
  CHECK(texts("Nexora's stake") == std::vector<std::string>{"Nexora", "'s", "stake"});
  CHECK(texts("jusqu'à Nouvelle-Zélande") == std::vector<std::string>{"jusqu'", "à", "Nouvelle-Zélande"});
}

TEST_CASE("a hyphen where the case changes splits: Oslo-based, anti-Nexora") {
  CHECK(texts("Oslo-based") == std::vector<std::string>{"Oslo", "-", "based"});
  CHECK(texts("GPT-4o") == std::vector<std::string>{"GPT-4o"});
}

TEST_CASE("numbers keep decimal separators; units and symbols are separate tokens") {
  CHECK(texts("1,5 Md\xE2\x82\xAC") == std::vector<std::string>{"1,5", "Md", "\xE2\x82\xAC"});
  CHECK(texts("$10bn") == std::vector<std::string>{"$", "10", "bn"});
  CHECK(texts("2019, puis") == std::vector<std::string>{"2019", ",", "puis"});
}

TEST_CASE("token keys are lower case without accents; shapes are recorded") {
  std::vector<Token> t = tokenize("États NexoraAI BNP eReader");
  CHECK(t[0].key == "etats");
  CHECK(t[0].capitalized);
  CHECK(t[1].inner_caps);
  CHECK(t[2].all_caps);
  CHECK_FALSE(t[2].inner_caps);
  CHECK(t[3].inner_caps);
  CHECK_FALSE(t[3].capitalized);
  CHECK(token_key("Élan") == "elan");
}

TEST_CASE("offsets point into the text") {
  std::string text = "Zéphyr lève";
  std::vector<Token> t = tokenize(text);
  REQUIRE(t.size() == 2);
  CHECK(text.substr(t[1].start, t[1].end - t[1].start) == "lève");
}

TEST_CASE("each token knows its code-point offsets as well as its byte offsets") {
  std::vector<Token> tokens = tokenize("\xC3\x89t\xC3\xA9 \xE2\x82\xAC" "5 d'or");  // "Été €5 d'or"
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].start_char == 0);
  CHECK(tokens[0].end_char == 3);  // "Été": 5 bytes, 3 code points
  CHECK(tokens[1].start_char == 4);
  CHECK(tokens[1].end_char == 5);  // "€"
  CHECK(tokens[2].start_char == 5);
  CHECK(tokens[3].start_char == 7);  // "d'"
  CHECK(tokens[4].end_char == 11);
}
