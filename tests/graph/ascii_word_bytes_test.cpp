#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "graph/ascii_word_bytes.h"

namespace {
// The classification of the first eight bytes of `text`.
kg::AsciiWordBytes classify(const std::string& text) {
  REQUIRE(text.size() >= 8);
  return kg::AsciiWordBytes::at(text.data());
}

std::string lowered(const kg::AsciiWordBytes& kinds) {
  std::string out(8, '\0');
  std::memcpy(out.data(), &kinds.lowered, 8);
  return out.substr(0, kinds.run);
}
}  // namespace

TEST_CASE("the run of ASCII letters and digits from the first byte") {
  CHECK(classify("Nexora24 rest").run == 8);
  CHECK(classify("Nova, Lumen").run == 4);
  CHECK(classify(" leading").run == 0);
  CHECK(classify("caf\xC3\xA9 noir").run == 3);  // stops at a non-ASCII byte
  CHECK(classify("a@[`{/:z").run == 1);         // the bytes around the ranges are not letters or digits
}

TEST_CASE("the run lower-cased, digits kept") {
  CHECK(lowered(classify("NeXoRa24")) == "nexora24");
  CHECK(lowered(classify("AI-2030x")) == "ai");
  CHECK(lowered(classify("09AZaz!!")) == "09azaz");
}

TEST_CASE("letters and upper-case letters within the run, one high bit a byte") {
  kg::AsciiWordBytes kinds = classify("aB3d EFG");
  CHECK(kinds.run == 4);
  CHECK(kinds.letters == 0x0000000080008080ull);  // a, B and d; not 3 nor what follows the space
  CHECK(kinds.upper == 0x0000000000008000ull);    // B
}

TEST_CASE("sixteen bytes at once: the run, its letters and capitals, one bit a byte") {
  std::string text = "NeXoRa2030abcdEF, more";
  kg::AsciiWordBytes16 kinds(text.data());
  CHECK(kinds.run == 16);
  CHECK(kinds.letters == 0b1111'1100'0011'1111u);  // not the digits 2030
  CHECK(kinds.upper == 0b1100'0000'0001'0101u);    // N, X, R, E, F
  std::string out(16, '\0');
  kinds.store_lowered(out.data());
  CHECK(out == "nexora2030abcdef");

  kg::AsciiWordBytes16 stopped(std::string("caf\xC3\xA9 noir, et plus").data());
  CHECK(stopped.run == 3);
  CHECK(stopped.letters == 0b111u);  // nothing past the run
  CHECK(kg::AsciiWordBytes16(std::string(" a@[`{/:z0123456789").data()).run == 0);
  CHECK(kg::AsciiWordBytes16(std::string("z@[`{/:z0123456789").data()).run == 1);
  CHECK(kg::AsciiWordBytes16(std::string("09/:AZ@[az`{xxxxxxx").data()).run == 2);
}
