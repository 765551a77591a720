#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/normalize.h"
#include "graph/text_fold.h"

using namespace kg::extract;

TEST_CASE("typographic apostrophes, quotes and spaces become plain") {
  CHECK(normalize_text("l\xE2\x80\x99" "usine") == "l'usine");
  CHECK(normalize_text("\xC2\xAB oui \xC2\xBB") == "\" oui \"");
  CHECK(normalize_text("\xE2\x80\x9C" "yes" "\xE2\x80\x9D") == "\"yes\"");
  CHECK(normalize_text("8\xE2\x80\xAF" "000\xC2\xA0" "euros") == "8 000 euros");  // narrow and plain no-break spaces
}

TEST_CASE("text is put in NFC and a BOM is dropped") {
  CHECK(normalize_text("e\xCC\x81t\xC3\xA9") == "\xC3\xA9t\xC3\xA9");  // e + combining acute → é
  CHECK(normalize_text("\xEF\xBB\xBFHello") == "Hello");
  CHECK(normalize_text("a\r\nb") == "a\nb");
}

TEST_CASE("the date line is metadata, on its own line or before the first paragraph") {
  ArticleText own_line = split_article("date 2024-03\n\nNova lève 5 M\xE2\x82\xAC.");
  CHECK(own_line.date == "2024-03");
  CHECK(own_line.body == "\nNova lève 5 M\xE2\x82\xAC.");
  CHECK(own_line.body_offset == 13);

  ArticleText same_line = split_article(" date 2025-01 Nova grandit.");
  CHECK(same_line.date == "2025-01");
  CHECK(same_line.body == "Nova grandit.");

  ArticleText none = split_article("dated material");
  CHECK(none.date.empty());
  CHECK(none.body == "dated material");
}

TEST_CASE("text normalize_text does not send through NFC is in NFC already") {
  // normalize_text skips NFC when every code point is below U+0300, in
  // U+2002..U+206F or the euro sign: NFC must leave each of them, and each
  // between two letters, unchanged.
  auto utf8 = [](char32_t cp) {
    std::string s;
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
    } else {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  };
  std::vector<char32_t> skipped{0x20AC};
  for (char32_t cp = 0x80; cp < 0x300; ++cp) skipped.push_back(cp);
  for (char32_t cp = 0x2002; cp <= 0x206F; ++cp) skipped.push_back(cp);
  for (char32_t cp : skipped) {
    std::string text = "e" + utf8(cp) + "a";
    CHECK(kg::nfc(text) == text);
  }
}

TEST_CASE("carriage returns and typographic marks are replaced wherever they fall in a long text") {
  // Long ASCII runs are copied eight bytes at a time: every position of a
  // mark within such a block must be handled like a lone one.
  for (std::size_t at = 0; at < 24; ++at) {
    std::string before(at, 'a');
    std::string after(24 - at, 'b');
    INFO("at " << at);
    CHECK(normalize_text(before + "\r\n" + after) == before + "\n" + after);
    CHECK(normalize_text(before + "\xE2\x80\x99" + after) == before + "'" + after);
    CHECK(normalize_text(before + "\xC2\xA0" + after) == before + " " + after);
    CHECK(normalize_text(before + "\xC3\xA9t\xC3\xA9" + after) == before + "\xC3\xA9t\xC3\xA9" + after);
    CHECK(normalize_text(before + "e\xCC\x81" + after) == before + "\xC3\xA9" + after);
  }
}

TEST_CASE("an article without a date line is its normalised text, unchanged otherwise") {
  std::string text = "Nova l\xE2\x80\x99" "annonce.\r\nZorvex aussi, \xC3\xA0 Oslo.";
  ArticleText article = split_article(text);
  CHECK(article.date.empty());
  CHECK(article.body_offset == 0);
  CHECK(article.body == normalize_text(text));
  CHECK(article.body == "Nova l'annonce.\nZorvex aussi, \xC3\xA0 Oslo.");
}

TEST_CASE("a code point that needs NFC late in the text composes the whole text") {
  // normalize_text replaces marks while it tests for NFC; a combining mark
  // after replacements starts over on the composed text.
  CHECK(normalize_text("\xC2\xAB" "oui\xC2\xBB l\xE2\x80\x99" "e\xCC\x81t\xC3\xA9\r\n") ==
        "\"oui\" l'\xC3\xA9t\xC3\xA9\n");
}

TEST_CASE("long plain runs are passed sixteen bytes at a time up to what must change") {
  // Each change lies at another distance from the start and from the last one.
  std::string raw = "Une longue phrase sans rien \xC3\xA0 changer, puis une fin de ligne\r\n";
  raw += "et l\xE2\x80\x99" "apostrophe d'une usine situ\xC3\xA9" "e tr\xC3\xA8s loin du d\xC3\xA9" "but.\r";
  CHECK(normalize_text(raw) ==
        "Une longue phrase sans rien \xC3\xA0 changer, puis une fin de ligne\n"
        "et l'apostrophe d'une usine situ\xC3\xA9" "e tr\xC3\xA8s loin du d\xC3\xA9" "but.");
  std::string plain(100, 'x');
  CHECK(normalize_text(plain) == plain);
}
