#include <doctest/doctest.h>

#include "extract/amounts.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {
// The amounts of the whole text, which must be one sentence.
std::vector<Amount> amounts(const std::string& text, const std::string& language) {
  Document doc = prepare(text, language, Upto::Sentences);
  return find_amounts(doc, 0, doc.tokens.size(), *rules().find(language));
}
}  // namespace

TEST_CASE("French forms: ranges, lower bounds, abbreviations, grouped thousands") {
  auto range = amounts("entre 15 et 25 milliards de dollars", "fr");
  REQUIRE(range.size() == 1);
  CHECK(*range[0].min == 15e9);
  CHECK(*range[0].max == 25e9);
  CHECK(range[0].currency == "USD");

  auto more = amounts("plus de 15 milliards d'euros", "fr");
  REQUIRE(more.size() == 1);
  CHECK(*more[0].min == 15e9);
  CHECK_FALSE(more[0].max.has_value());
  CHECK(more[0].currency == "EUR");

  auto short_form = amounts("1,5 Md\xE2\x82\xAC", "fr");
  REQUIRE(short_form.size() == 1);
  CHECK(*short_form[0].min == 1.5e9);
  CHECK(*short_form[0].max == 1.5e9);

  auto thousands = amounts("8 000 euros", "fr");
  REQUIRE(thousands.size() == 1);
  CHECK(*thousands[0].max == 8000);

  auto upper = amounts("jusqu'à 40 millions de yens", "fr");
  REQUIRE(upper.size() == 1);
  CHECK_FALSE(upper[0].min.has_value());
  CHECK(*upper[0].max == 40e6);
  CHECK(upper[0].currency == "JPY");
}

TEST_CASE("English forms: symbols first, bn and m, ranges with one multiplier") {
  auto bn = amounts("$10bn", "en");
  REQUIRE(bn.size() == 1);
  CHECK(*bn[0].min == 10e9);
  CHECK(bn[0].currency == "USD");

  auto m = amounts("\xE2\x82\xAC" "450m", "en");
  REQUIRE(m.size() == 1);
  CHECK(*m[0].max == 450e6);
  CHECK(m[0].currency == "EUR");

  auto range = amounts("between $2 and $3 billion", "en");
  REQUIRE(range.size() == 1);
  CHECK(*range[0].min == 2e9);
  CHECK(*range[0].max == 3e9);

  auto pounds = amounts("more than \xC2\xA3" "1.2 billion", "en");
  REQUIRE(pounds.size() == 1);
  CHECK(*pounds[0].min == 1.2e9);
  CHECK(pounds[0].currency == "GBP");
}

TEST_CASE("a dollar sign with a country's letters glued before it") {
  const std::pair<const char*, const char*> cases[] = {
      {"US$1.2 billion", "USD"}, {"C$40m", "CAD"}, {"A$300 million", "AUD"}, {"$5bn", "USD"}};
  for (const auto& written_and_iso : cases) {
    CAPTURE(written_and_iso.first);
    auto found = amounts(written_and_iso.first, "en");
    REQUIRE(found.size() == 1);
    CHECK(found[0].currency == written_and_iso.second);
  }
}

TEST_CASE("numbers without a currency and valuations are not amounts") {
  CHECK(amounts("en 2019, 40 salariés", "fr").empty());
  CHECK(amounts("la levée valorise la firme à 2 milliards d'euros", "fr").empty());
  CHECK(amounts("the deal values it at $2bn", "en").size() == 1);  // "values" is not a listed cue
}

TEST_CASE("number values: decimal comma, decimal point, English thousands") {
  CHECK(number_value("1,5", "fr") == 1.5);
  CHECK(number_value("2.25", "en") == 2.25);
  CHECK(number_value("1,000", "en") == 1000);
}

TEST_CASE("number values: the double strtod reads, long or not plain decimal") {
  CHECK(number_value("0,1", "fr") == 0.1);
  CHECK(number_value("123456789012345678901234567890", "en") == std::strtod("123456789012345678901234567890", nullptr));
  CHECK(number_value("3.14159265358979323846", "en") == std::strtod("3.14159265358979323846", nullptr));
  CHECK(number_value("2e3", "en") == 2000);  // not plain decimal: strtod reads the exponent
}

TEST_CASE("qualifiers of one or more words, and a last word alone is not one") {
  auto at_least = amounts("au moins 5 millions d'euros", "fr");
  REQUIRE(at_least.size() == 1);
  CHECK(*at_least[0].min == 5e6);
  CHECK_FALSE(at_least[0].max.has_value());

  auto about = amounts("around $5m", "en");
  REQUIRE(about.size() == 1);
  CHECK(*about[0].min == 5e6);
  CHECK(*about[0].max == 5e6);

  auto bare = amounts("de 5 millions d'euros", "fr");  // "de" ends "plus de", but alone is no cue
  REQUIRE(bare.size() == 1);
  CHECK(*bare[0].min == 5e6);
  CHECK(*bare[0].max == 5e6);
}
