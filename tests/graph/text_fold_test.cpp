#include <doctest/doctest.h>

#include <string>

#include "graph/text_fold.h"

namespace {

// The UTF-8 encoding of code point `cp` (below U+0800).
std::string utf8(unsigned cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  return {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
}

// An em space: not Latin-1, so text holding it takes utf8proc's path, and a
// separator, so it adds nothing to the key.
const std::string kGeneralPath = "\u2003";

}  // namespace

TEST_CASE("fold_key ignores case, accents, punctuation and spacing") {
  CHECK(kg::fold_key("États-Unis") == "etats unis");
  CHECK(kg::fold_key("etats-unis") == kg::fold_key("ÉTATS UNIS"));
  CHECK(kg::fold_key("  Société   Générale ") == "societe generale");
  CHECK(kg::fold_key("L’Oréal") == kg::fold_key("l'oreal"));
  CHECK(kg::fold_key("ﬁnance") == "finance");
  CHECK(kg::fold_key("...") == "");
}

TEST_CASE("nfc composes decomposed accents") {
  CHECK(kg::nfc("e\xCC\x81") == "\xC3\xA9");
}

TEST_CASE("append_fold_key appends the key after what the string holds") {
  std::string out = "prefix|";
  for (std::string text : {"  États-Unis ", " Łódź Ventures", "Straße", "--", "Zeta Capital", "æther ﬁnance"}) {
    std::size_t before = out.size();
    kg::append_fold_key(text, out);
    CHECK(out.substr(0, 7) == "prefix|");
    CHECK(out.substr(before) == kg::fold_key(text));
  }
  CHECK(kg::fold_key("  États-Unis ") == "etats unis");
  CHECK(kg::fold_key("--").empty());
}

TEST_CASE("valid_utf8 finds the first bad byte") {
  std::size_t offset = 0;
  CHECK(kg::valid_utf8("caf\xC3\xA9"));
  CHECK_FALSE(kg::valid_utf8("ab\xFF" "cd", &offset));
  CHECK(offset == 2);
  CHECK_FALSE(kg::valid_utf8("\xED\xA0\x80"));  // an encoded surrogate
}

TEST_CASE("valid_utf8 finds a bad byte wherever it lies in long ASCII runs") {
  // Eight bytes are checked at a time: put the bad one at every position of a block.
  for (std::size_t at = 0; at < 40; ++at) {
    for (std::string bad : {"\xFF", "\xC3", "\xE2\x82", "\xC0\xAF"}) {
      std::string text = std::string(at, 'a') + "\xC3\xA9" + bad + std::string(13, 'b');
      std::size_t offset = 0;
      CHECK_FALSE(kg::valid_utf8(text, &offset));
      CHECK(offset == at + 2);
    }
    std::string truncated = std::string(at, 'a') + "\xE2\x82";
    std::size_t offset = 0;
    CHECK_FALSE(kg::valid_utf8(truncated, &offset));
    CHECK(offset == at);
    CHECK(kg::valid_utf8(std::string(at, 'a') + "\xE2\x82\xAC" + std::string(at, 'z')));
  }
}

TEST_CASE("display_width counts terminal columns") {
  CHECK(kg::display_width("abc") == 3);
  CHECK(kg::display_width("été") == 3);
  CHECK(kg::display_width("日本") == 4);
  CHECK(kg::display_width("e\xCC\x81") == 1);
}

TEST_CASE("the Latin-1 fast path folds every character up to U+07FF as utf8proc does") {
  for (unsigned cp = 1; cp < 0x800; ++cp) {
    std::string c = utf8(cp);
    CAPTURE(cp);
    CHECK(kg::fold_key(c) == kg::fold_key(c + kGeneralPath));
    std::string name = "Ab" + c + "Cd " + c + "9";
    CHECK(kg::fold_key(name) == kg::fold_key(name + kGeneralPath));
  }
  CHECK(kg::fold_key("  Crédit  Agricole S.A. ") == "credit agricole s a");
  CHECK(kg::fold_key("") == "");
}

TEST_CASE("the fast path folds long runs of letters and digits as utf8proc does") {
  // Runs shorter and longer than the eight bytes read at once, ending at
  // every offset of the text, next to marks, accents and spaces.
  const std::string pieces[] = {"NexoraAI", "x", "Quartzy2030", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "--", " ", "é", "0123456789"};
  for (const std::string& a : pieces)
    for (const std::string& b : pieces)
      for (const std::string& c : pieces) {
        std::string text = a + b + c;
        CAPTURE(text);
        CHECK(kg::fold_key(text) == kg::fold_key(text + kGeneralPath));
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
          std::string part = text.substr(0, cut);
          CHECK(kg::fold_key(part) == kg::fold_key(part + kGeneralPath));
        }
      }
  CHECK(kg::fold_key("RoboticsInternational, 2030") == "roboticsinternational 2030");
}

TEST_CASE("valid_utf8 accepts exactly the well-formed two-byte sequences") {
  // Every lead byte C0..DF with every second byte, inside ASCII and at the end.
  for (int lead = 0xC0; lead <= 0xDF; ++lead)
    for (int second = 0; second < 256; ++second) {
      std::string pair = {static_cast<char>(lead), static_cast<char>(second)};
      bool well_formed = lead >= 0xC2 && second >= 0x80 && second <= 0xBF;
      std::size_t offset = 99;
      CHECK(kg::valid_utf8("ab" + pair + "cd", &offset) == well_formed);
      if (!well_formed) CHECK(offset == 2);
      CHECK(kg::valid_utf8("ab" + pair) == well_formed);
    }
  CHECK_FALSE(kg::valid_utf8("ab\xC3"));
}
