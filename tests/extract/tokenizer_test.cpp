#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/tokenizer.h"
#include "extract/vocabulary.h"
#include "graph/text_fold.h"

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

TEST_CASE("ASCII words get the same key and shape as words with accents") {
  // Plain ASCII tokens take a shorter path than the others; both must agree.
  std::vector<Token> ascii = tokenize("Nova NOVA nOva 2025 B2B IBM's X");
  std::vector<Token> accented = tokenize("Nóva NÓVA nÓva 2025 B2É IBÉ's É");
  REQUIRE(ascii.size() == accented.size());
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    INFO(ascii[i].text << " / " << accented[i].text);
    CHECK(ascii[i].capitalized == accented[i].capitalized);
    CHECK(ascii[i].all_caps == accented[i].all_caps);
    CHECK(ascii[i].inner_caps == accented[i].inner_caps);
    CHECK(ascii[i].is_number == accented[i].is_number);
  }
  CHECK(ascii[0].key == "nova");
  CHECK(accented[0].key == "nova");
  CHECK(ascii[1].all_caps);
  CHECK(ascii[2].inner_caps);
  CHECK_FALSE(ascii[3].capitalized);  // a number does not start with a capital
  CHECK(ascii[4].all_caps);           // B2B: the digit is not a letter
  CHECK_FALSE(ascii[7].all_caps);     // one letter is not "all caps"
}

TEST_CASE("a word's shape counts every letter, however long the word") {
  // Plain words are read eight bytes at a time; a capital anywhere in a long
  // word counts, and a word of 64 bytes or more takes the general path.
  std::vector<Token> t = tokenize("abcdefghijK ABCDEFGHIJKL Abcdefghijklmnop abcdefgh\xC3\x89ij " +
                                  std::string(70, 'a') + " " + std::string(70, 'A'));
  REQUIRE(t.size() == 6);
  CHECK(t[0].inner_caps);
  CHECK_FALSE(t[0].capitalized);
  CHECK(t[1].all_caps);
  CHECK(t[2].capitalized);
  CHECK_FALSE(t[2].inner_caps);
  CHECK(t[3].inner_caps);
  CHECK(t[3].key == "abcdefgheij");
  CHECK(t[3].end_char - t[3].start_char == 11);
  CHECK(t[4].key == std::string(70, 'a'));
  CHECK(t[5].all_caps);
  CHECK(t[5].key == std::string(70, 'a'));
}

TEST_CASE("an elided word keeps its apostrophe only before a letter") {
  CHECK(texts("qu'il l'\xC3\x89tat d'1 l' s'") ==
        std::vector<std::string>{"qu'", "il", "l'", "\xC3\x89tat", "d", "'", "1", "l", "'", "s", "'"});
  CHECK(tokenize("L'usine")[0].key == "l'");
}

TEST_CASE("hyphens join words of one case and words may open with an accented letter") {
  CHECK(texts("anti-Nexora Nexora-Labs e-mail A-b x- -y \xC3\x89lan-Vital") ==
        std::vector<std::string>{"anti", "-", "Nexora", "Nexora-Labs", "e-mail", "A", "-", "b", "x", "-", "-", "y",
                                 "\xC3\x89lan-Vital"});
  std::vector<Token> t =
      tokenize("Nexora-Labs \xC3\x89lan-Vital \xC3\x80 \xC3\xA9t\xC3\xA9 \xC3\x89TAT \xC3\x89tats-Unis x");
  REQUIRE(t.size() == 7);
  CHECK(t[0].key == "nexora-labs");
  CHECK(t[0].capitalized);
  CHECK(t[0].inner_caps);
  CHECK_FALSE(t[0].folds_as_key);  // fold_key keeps no hyphen
  CHECK(t[1].key == "elan-vital");
  CHECK(t[1].end_char - t[1].start_char == 10);
  CHECK(t[2].key == "a");
  CHECK(t[2].capitalized);
  CHECK_FALSE(t[2].all_caps);  // one letter
  CHECK(t[3].key == "ete");
  CHECK_FALSE(t[3].capitalized);
  CHECK(t[4].all_caps);
  CHECK(t[5].key == "etats-unis");
  for (const Token& token : t)
    if (token.folds_as_key) CHECK(kg::fold_key(token.text) == token.key);
}

TEST_CASE("digits then letters split; letters then digits do not") {
  CHECK(texts("10bn 3D GPT4 2025-2026 1.5x") ==
        std::vector<std::string>{"10", "bn", "3", "D", "GPT4", "2025-2026", "1.5", "x"});
  CHECK(texts("12345678901234567890abc") == std::vector<std::string>{"12345678901234567890", "abc"});
}

TEST_CASE("code-point offsets count every character before a token, whatever its script") {
  std::vector<Token> tokens = tokenize("ab \xE2\x80\x94 cd\xC3\xA9 ef");  // "ab — cdé ef"
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].start_char == 3);
  CHECK(tokens[2].start_char == 5);
  CHECK(tokens[2].end_char == 8);
  CHECK(tokens[3].start_char == 9);
  CHECK(tokens[3].end_char == 11);
}

TEST_CASE("span_key is kg::fold_key of the span's text") {
  // Plain words take the token keys, the rest fold_key itself: both must agree
  // on every span, whatever lies in or between the tokens.
  const std::vector<std::string> texts{
      "Nova Robotics lève 5 M\xE2\x82\xAC",        // ASCII words, a symbol
      "\xC3\x89tats-Unis  et\nZ\xC3\xA9phyr SA",    // hyphen, double space, line break, accents
      "la firme norv\xC3\xA9gienne d'Oslo",          // elision
      "Nexora's 10bn GPT-4o B2B",                    // clitic, glued number, inner hyphen
      "\xC3\x86sir Stra\xC3\x9F" "e \xC3\x98rsted",  // Latin-1 letters without a one-letter key
      "AT&T et Procter & Gamble",                    // marks inside and between names
      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 \xEF\xAC\x81n",  // Greek, a ligature
  };
  std::string reused;  // one string for every span, as a caller folding span after span keeps
  for (const std::string& text : texts) {
    std::vector<Token> tokens = tokenize(text);
    for (std::size_t first = 0; first <= tokens.size(); ++first)
      for (std::size_t last = first; last <= tokens.size() && last <= first + 4; ++last) {
        std::string span = first < last ? text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start)
                                        : std::string();
        INFO("span: [" << span << "]");
        CHECK(span_key(text, tokens, first, last) == kg::fold_key(span));
        span_key(text, tokens, first, last, reused);
        CHECK(reused == kg::fold_key(span));
      }
  }
  std::vector<Token> tokens = tokenize("Nova  Robotics");
  CHECK(span_key("Nova  Robotics", tokens, 0, 2) == "nova robotics");
}

TEST_CASE("tokenizing into a vector drops its old tokens and gives what tokenize returns") {
  // A vector's old tokens are written over: whatever they held (long keys,
  // marks, words of the general path), the new text's tokens come out as a
  // fresh vector's, whether the new text has fewer tokens or more.
  const std::vector<std::string> texts{
      "Une longue phrase d'abord, avec des mots: start-up, 1,5 et \xC3\x89t\xC3\xA9.",
      "Nova NOVA l'usine \xE2\x82\xAC" "5",
      "anticonstitutionnellement Superextraordinairement " + std::string(40, 'Q') + " \xC3\x86sir, 10bn!",
      "a b c d e f g h i j k l m n o p q r s t u v w x y z " + std::string(300, '.'),
  };
  for (const std::string& before : texts)
    for (const std::string& text : texts) {
      INFO("before: " << before << " / text: " << text);
      std::vector<Token> tokens = tokenize(before);
      tokenize(text, tokens);
      std::vector<Token> fresh = tokenize(text);
      REQUIRE(tokens.size() == fresh.size());
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        CHECK(tokens[i].text == fresh[i].text);
        CHECK(tokens[i].key == fresh[i].key);
        CHECK(tokens[i].start == fresh[i].start);
        CHECK(tokens[i].end == fresh[i].end);
        CHECK(tokens[i].start_char == fresh[i].start_char);
        CHECK(tokens[i].end_char == fresh[i].end_char);
        CHECK(tokens[i].word == fresh[i].word);
        CHECK(tokens[i].is_word == fresh[i].is_word);
        CHECK(tokens[i].is_number == fresh[i].is_number);
        CHECK(tokens[i].capitalized == fresh[i].capitalized);
        CHECK(tokens[i].all_caps == fresh[i].all_caps);
        CHECK(tokens[i].inner_caps == fresh[i].inner_caps);
        CHECK(tokens[i].folds_as_key == fresh[i].folds_as_key);
      }
    }
  std::vector<Token> tokens = tokenize(texts[0]);
  tokenize("", tokens);
  CHECK(tokens.empty());
}

TEST_CASE("a word reads the same with sixteen bytes after it as at the end of the text") {
  // With sixteen bytes to read from its start, a short plain word is read in
  // one test of them; at the end of the text, byte by byte: same tokens.
  const std::vector<std::string> words{"nova", "Nova", "NOVA", "nOva", "NexoraAI", "B2B", "b2", "X", "x", "2025",
                                       "10bn", "10BN", "1,5", "1.", "l'usine", "Nexora's", "Oslo-based",
                                       "Z\xC3\xA9phyr", "abcdefghijklmno", "abcdefghijklmnop", "ABCDEFGHIJKLMNOPQ",
                                       "12345678901234567",
                                       // elisions: before a capital, a digit, a mark, nothing, an accent
                                       "L'Usine", "jusqu'ici", "d'1", "l'-", "l'", "qu'\xC3\x89tat", "Nova'x",
                                       // accents: one, after capitals, two, without a one-letter key, then a
                                       // hyphen, an apostrophe, a long run
                                       "march\xC3\xA9", "CAF\xC3\x89", "Caf\xC3\x89", "cr\xC3\xA9\xC3\xA9" "e",
                                       "Stra\xC3\x9F" "e", "caf\xC3\xA9-bar", "fond\xC3\xA9's",
                                       "r\xC3\xA9" "abcdefghijklmnop", "B2\xC3\xA9"};
  for (const std::string& word : words) {
    INFO("word: " << word);
    std::vector<Token> alone = tokenize(word);
    std::vector<Token> padded = tokenize(word + ", " + std::string(20, 'z'));
    REQUIRE(padded.size() == alone.size() + 2);
    for (std::size_t i = 0; i < alone.size(); ++i) {
      CHECK(padded[i].text == alone[i].text);
      CHECK(padded[i].key == alone[i].key);
      CHECK(padded[i].start == alone[i].start);
      CHECK(padded[i].end == alone[i].end);
      CHECK(padded[i].start_char == alone[i].start_char);
      CHECK(padded[i].end_char == alone[i].end_char);
      CHECK(padded[i].word == alone[i].word);
      CHECK(padded[i].is_word == alone[i].is_word);
      CHECK(padded[i].is_number == alone[i].is_number);
      CHECK(padded[i].capitalized == alone[i].capitalized);
      CHECK(padded[i].all_caps == alone[i].all_caps);
      CHECK(padded[i].inner_caps == alone[i].inner_caps);
      CHECK(padded[i].folds_as_key == alone[i].folds_as_key);
    }
  }
  const std::uint32_t number = vocabulary::intern("zqshortword");
  std::vector<Token> t = tokenize("Nova NOVA B2B b2B 10BN zqShortWord " + std::string(20, ' '));
  REQUIRE(t.size() == 7);
  CHECK(t[0].capitalized);
  CHECK_FALSE(t[0].all_caps);
  CHECK(t[1].all_caps);
  CHECK(t[2].all_caps);  // two letters, both capitals
  CHECK(t[3].inner_caps);
  CHECK_FALSE(t[3].capitalized);
  CHECK(t[4].text == "10");
  CHECK_FALSE(t[4].inner_caps);  // a number has no capital, whatever letters follow it
  CHECK(t[5].key == "bn");
  CHECK(t[6].key == "zqshortword");
  CHECK(t[6].word == number);
}

TEST_CASE("span_key into a string replaces its bytes") {
  const std::string text = "Nova Robotics et l'\xC3\x89tat 10bn";
  std::vector<Token> tokens = tokenize(text);
  std::string key = "a longer key left from an earlier span";
  span_key(text, tokens, 0, 2, key);
  CHECK(key == "nova robotics");
  span_key(text, tokens, 3, 5, key);  // l'État: folded from the text
  CHECK(key == kg::fold_key("l'\xC3\x89tat"));
  span_key(text, tokens, 5, 7, key);  // "10bn": glued tokens fold as one word
  CHECK(key == "10bn");
  span_key(text, tokens, 1, 1, key);
  CHECK(key.empty());
}

TEST_CASE("join_keys joins the tokens' keys with single spaces, keeping the string's room") {
  const std::string text = "Nova   Robotics \xC3\x89LAN";
  std::vector<Token> tokens = tokenize(text);
  std::string key = "a longer key left from an earlier span";
  join_keys(tokens, 0, 3, key);
  CHECK(key == "nova robotics elan");
  join_keys(tokens, 1, 2, key);
  CHECK(key == "robotics");
}
