#include <doctest/doctest.h>

#include <string>

#include "extract/pattern.h"
#include "extract/tokenizer.h"
#include "extract/vocabulary.h"

using namespace kg::extract;

TEST_CASE("a rule word keeps its number and the tokenizer labels tokens with it") {
  std::uint32_t number = vocabulary::intern("zorblatt");
  CHECK(vocabulary::intern("zorblatt") == number);
  CHECK(vocabulary::intern("zorblatts") != number);
  std::vector<Token> tokens = tokenize("Zorblatt zorblatt zorblattx");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].word == number);  // matched by key: case and accents folded
  CHECK(tokens[1].word == number);
  CHECK(tokens[2].word == vocabulary::kUnknown);
}

TEST_CASE("a word set finds tokens made before its words were numbered") {
  std::vector<Token> tokens = tokenize("quibbleflitz quibbleflitzer");
  CHECK(tokens[0].word == vocabulary::kUnknown);
  WordSet set;
  set.words.insert("quibbleflitz");
  set.stems.push_back("quibblefl");
  set.seal();  // numbers "quibbleflitz" after the tokens were labelled
  CHECK(set.has_word(tokens[0]));
  CHECK_FALSE(set.has_word(tokens[1]));
  CHECK(set.contains(tokens[1]));  // by the stem
}

TEST_CASE("a word set tests tokens by number, stems by prefix") {
  WordSet set;
  set.words.insert("levee");
  set.stems.push_back("invest");
  set.seal();
  std::vector<Token> tokens = tokenize("Levée investit in vest");
  CHECK(set.contains(tokens[0]));
  CHECK(set.contains(tokens[1]));
  CHECK_FALSE(set.contains(tokens[2]));
  CHECK_FALSE(set.contains(tokens[3]));
}

TEST_CASE("words keep their numbers while the table of words grows") {
  std::vector<std::uint32_t> numbers;
  for (int i = 0; i < 5000; ++i) numbers.push_back(vocabulary::intern("growword" + std::to_string(i)));
  for (int i = 0; i < 5000; ++i) CHECK(vocabulary::intern("growword" + std::to_string(i)) == numbers[i]);
  std::vector<Token> tokens = tokenize("growword0 growword4999 growword5000");
  CHECK(tokens[0].word == numbers[0]);
  CHECK(tokens[1].word == numbers[4999]);
  CHECK(tokens[2].word == vocabulary::kUnknown);
}

TEST_CASE("keys that share their first and last eight bytes are told apart") {
  // Up to sixteen bytes a key is compared as its first and last eight bytes
  // and its size; longer ones by their bytes.
  std::uint32_t long_key = vocabulary::intern("abcdefghmiddle1stuvwxyz");
  std::uint32_t sixteen = vocabulary::intern("abcdefgh12345678");
  std::vector<Token> tokens = tokenize("abcdefghmiddle1stuvwxyz abcdefghmiddle2stuvwxyz abcdefgh12345678 abcdefgh12345679");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].word == long_key);
  CHECK(tokens[1].word == vocabulary::kUnknown);
  CHECK(tokens[2].word == sixteen);
  CHECK(tokens[3].word == vocabulary::kUnknown);
}

TEST_CASE("the empty key can be numbered like any other") {
  std::uint32_t number = vocabulary::intern("");
  CHECK(number != vocabulary::kUnknown);
  CHECK(vocabulary::intern("") == number);
}

TEST_CASE("a labeler finds keys as they lie in a buffer read 16 bytes at a time") {
  std::uint32_t short_key = vocabulary::intern("plinq");
  std::uint32_t nine = vocabulary::intern("plinqwart");
  std::uint32_t sixteen = vocabulary::intern("plinqwartzorbeli");
  std::uint32_t long_key = vocabulary::intern("plinqwartzorbelisk");
  std::uint32_t mark = vocabulary::intern("~");
  const vocabulary::Labeler labeler;
  CHECK(labeler.known() == vocabulary::size());
  // The bytes past each key are other letters: they must not count.
  const char buffer[64] = "plinqwartzorbelisk and more bytes after the keys";
  CHECK(labeler.find_padded(buffer, 5) == short_key);
  CHECK(labeler.find_padded(buffer, 9) == nine);
  CHECK(labeler.find_padded(buffer, 16) == sixteen);
  CHECK(labeler.find_padded(buffer, 18) == long_key);
  CHECK(labeler.find_padded(buffer, 6) == vocabulary::kUnknown);
  CHECK(labeler.find_padded("~ and more bytes", 1) == mark);
  CHECK(labeler.find("plinqwart") == nine);
  CHECK(labeler.find("~") == mark);
  CHECK(labeler.find_byte('~') == mark);
  CHECK(labeler.find_byte('\x7f') == vocabulary::kUnknown);  // no rule file has this byte as a word
  CHECK(labeler.find("plinqwar") == vocabulary::kUnknown);
}
