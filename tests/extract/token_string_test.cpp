#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/token_string.h"

using namespace kg::extract;

TEST_CASE("a token string holds its bytes, short or long") {
  for (std::size_t size : {0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 40}) {
    std::string text;
    for (std::size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 26);
    TokenString s(text);
    INFO("size " << size);
    CHECK(s.size() == size);
    CHECK(s.empty() == (size == 0));
    CHECK(s == text);
    CHECK(std::string(s) == text);
    CHECK(std::string_view(s) == text);
  }
}

TEST_CASE("a token string is copied and moved like a value") {
  TokenString short_one("d'");
  TokenString long_one("anticonstitutionnellement");
  TokenString copy = long_one;
  TokenString moved = std::move(copy);
  CHECK(moved == "anticonstitutionnellement");
  copy = short_one;  // a moved-from string can be assigned again
  CHECK(copy == "d'");
  moved = moved;  // NOLINT: self-assignment keeps the bytes
  CHECK(moved == long_one);
  moved.assign(std::string_view(moved).substr(4));  // from its own bytes
  CHECK(moved == "constitutionnellement");
  std::vector<TokenString> many;
  for (int i = 0; i < 100; ++i) many.emplace_back(i % 2 ? "x" : "a key longer than sixteen bytes");
  CHECK(many[98] == "a key longer than sixteen bytes");
  CHECK(many[99] == "x");
}

TEST_CASE("a token string compares and converts where a string is expected") {
  TokenString key("levee");
  CHECK(key == TokenString("levee"));
  CHECK(key != "lever");
  CHECK(key == std::string("levee"));
  CHECK(key[0] == 'l');
  CHECK(key.compare(0, 3, "lev") == 0);
  std::string joined = "une ";
  joined += key;
  CHECK(joined == "une levee");
  std::vector<std::string> keys;
  keys.push_back(key);
  CHECK(keys[0] == "levee");
}

TEST_CASE("a token string takes its bytes from a buffer that may be read past them") {
  const std::string text = "Nova Robotics investit dans une start-up de robotique industrielle";
  TokenString word("a string on the heap before");
  word.assign_padded(text.data() + 5, 8);  // reads 16 bytes, keeps 8
  CHECK(word == "Robotics");
  TokenString longer;
  longer.assign_padded(text.data() + 23, 21);  // past 16 bytes: copied like assign
  CHECK(longer == "dans une start-up de ");
  TokenString empty("x");
  empty.assign_padded(text.data(), 0);
  CHECK(empty.empty());
}
