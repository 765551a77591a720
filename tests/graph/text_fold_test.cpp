#include <doctest/doctest.h>

#include "graph/text_fold.h"

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

TEST_CASE("valid_utf8 finds the first bad byte") {
  std::size_t offset = 0;
  CHECK(kg::valid_utf8("caf\xC3\xA9"));
  CHECK_FALSE(kg::valid_utf8("ab\xFF" "cd", &offset));
  CHECK(offset == 2);
  CHECK_FALSE(kg::valid_utf8("\xED\xA0\x80"));  // an encoded surrogate
}

TEST_CASE("display_width counts terminal columns") {
  CHECK(kg::display_width("abc") == 3);
  CHECK(kg::display_width("été") == 3);
  CHECK(kg::display_width("日本") == 4);
  CHECK(kg::display_width("e\xCC\x81") == 1);
}
