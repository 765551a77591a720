#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/text_arena.h"

using kg::extract::TextArena;

TEST_CASE("an arena keeps each text in place as it grows, across blocks") {
  TextArena arena;
  std::string_view first = arena.add("Zeta Capital invests in Brakko Labs.");
  std::vector<std::string_view> added;
  // Enough texts for several blocks, and one larger than any block.
  for (int i = 0; i < 20000; ++i) added.push_back(arena.add("article " + std::to_string(i)));
  std::string long_text(3 << 20, 'x');
  std::string_view long_copy = arena.add(long_text);
  CHECK(first == "Zeta Capital invests in Brakko Labs.");
  for (int i = 0; i < 20000; i += 997) CHECK(added[i] == "article " + std::to_string(i));
  CHECK(long_copy == long_text);
  CHECK(long_copy.data() != long_text.data());
  CHECK(arena.add("").empty());
  CHECK(arena.size() == first.size() + long_text.size() + 248890);
}

TEST_CASE("a copied arena shares what was written and writes on apart") {
  TextArena arena;
  std::string_view zeta = arena.add("Zeta");
  TextArena copy = arena;
  std::string_view in_copy = copy.add("Brakko");
  std::string_view in_arena = arena.add("Lakeport");
  // Each wrote into room of its own: neither overwrote the other.
  CHECK(in_copy == "Brakko");
  CHECK(in_arena == "Lakeport");
  {
    TextArena moved = std::move(arena);
    CHECK(moved.add("Nuvola") == "Nuvola");
  }
  // The first arena and its move are gone; the copy keeps the shared block alive.
  CHECK(zeta == "Zeta");
  CHECK(copy.size() == 10);
}
