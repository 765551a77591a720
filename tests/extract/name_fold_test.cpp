#include <doctest/doctest.h>

#include <string>

#include "extract/name_fold.h"
#include "graph/text_fold.h"

using namespace kg::extract;

namespace {

// The UTF-8 encoding of code point `cp` (below U+0800).
std::string utf8(unsigned cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  return {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
}

}  // namespace

TEST_CASE("names fold as kg::fold_key folds them") {
  CHECK(fold_name("États-Unis") == "etats unis");
  CHECK(fold_name("  Crédit  Agricole S.A. ") == "credit agricole s a");
  CHECK(fold_name("Nova Robotics") == kg::fold_key("Nova Robotics"));
  CHECK(fold_name("") == "");
}

TEST_CASE("every character up to U+07FF folds as kg::fold_key folds it, alone and inside a name") {
  for (unsigned cp = 1; cp < 0x800; ++cp) {
    std::string c = utf8(cp);
    CAPTURE(cp);
    CHECK(fold_name(c) == kg::fold_key(c));
    std::string name = "Ab" + c + "Cd " + c + "9";
    CHECK(fold_name(name) == kg::fold_key(name));
  }
}

TEST_CASE("text outside the fast path is folded by kg::fold_key") {
  for (std::string text : {"Œuvre Straße", "l’Élysée", "ﬁnance", "Ørsted Æsir", "e\xCC\x81t\xC3\xA9", "bad \xC3"})
    CHECK(fold_name(text) == kg::fold_key(text));
}
