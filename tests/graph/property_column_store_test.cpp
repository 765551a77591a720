// The column store keeps each key's numbers beside its Values; number() must
// agree with find() through every set, overwrite and removal.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "graph/property_column_store.h"

using kg::PropertyColumnStore;
using kg::SlotKind;
using kg::Value;

TEST_CASE("number() reads integers and floats exactly and tells other values apart") {
  PropertyColumnStore store;
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  store.set(3, 0, Value(big));
  store.set(1, 0, Value(-2.5));
  store.set(2, 0, Value("two"));
  CHECK(store.number(3, 0).kind == SlotKind::Int);
  CHECK(store.number(3, 0).as_int() == big);
  CHECK(store.number(1, 0).kind == SlotKind::Float);
  CHECK(store.number(1, 0).as_float() == -2.5);
  CHECK(store.number(2, 0).kind == SlotKind::Other);
  CHECK(store.number(0, 0).kind == SlotKind::Absent);   // below the highest id, never set
  CHECK(store.number(9, 0).kind == SlotKind::Absent);   // past the column
  CHECK(store.number(1, 7).kind == SlotKind::Absent);   // a key no entity has
}

TEST_CASE("overwriting, removing and taking a property update its number") {
  PropertyColumnStore store;
  store.set(0, 1, Value(std::int64_t{7}));
  store.set(0, 1, Value("seven"));
  CHECK(store.number(0, 1).kind == SlotKind::Other);
  store.set(0, 1, Value(7.0));
  CHECK(store.number(0, 1).kind == SlotKind::Float);
  CHECK(store.set(0, 1, Value()).as_float() == 7.0);
  CHECK(store.number(0, 1).kind == SlotKind::Absent);
  CHECK(store.find(0, 1) == nullptr);

  store.set(0, 1, Value(std::int64_t{8}));
  auto taken = store.take_all(0);
  REQUIRE(taken.size() == 1);
  CHECK(taken[0].second.as_int() == 8);
  CHECK(store.number(0, 1).kind == SlotKind::Absent);
}
