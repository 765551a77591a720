// The properties of one kind of entity (nodes, or relationships) as one column
// per property key, indexed by entity id.
//
// A read is one array access: no per-entity map, no string comparison, and a
// scan in id order walks each column forward. A null slot means "absent",
// which is sound because the graph never stores a null property. A column is
// as long as the highest id that ever had the key, so a key used by few
// entities with high ids costs a slot (sizeof(Value)) per id below them.
//
// Each column also keeps its numbers apart, nine bytes a slot: a scan that
// compares a property with a number (WHERE r.year >= 2020) reads those
// instead of the Values, a quarter of the memory traffic.
#pragma once

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/name_table.h"
#include "graph/value.h"

namespace kg {

// What a property slot holds, as number() tells it.
enum class SlotKind : std::uint8_t { Absent, Int, Float, Other };

// A property read as a number: its kind, and its value when Int or Float.
struct StoredNumber {
  SlotKind kind = SlotKind::Absent;
  std::uint64_t bits = 0;  // the int64 or the double, bit for bit
  std::int64_t as_int() const { return static_cast<std::int64_t>(bits); }
  double as_float() const { return std::bit_cast<double>(bits); }
};

class PropertyColumnStore {
 public:
  // The entity's value for `key`; nullptr when it has none.
  const Value* find(std::uint64_t id, PropertyKey key) const {
    if (key >= columns_.size() || id >= columns_[key].values.size()) return nullptr;
    const Value& v = columns_[key].values[id];
    return v.is_null() ? nullptr : &v;
  }
  // The entity's value for `key` when it is a number, without reading the
  // Value; kind Other means "not a number: ask find()".
  StoredNumber number(std::uint64_t id, PropertyKey key) const {
    if (key >= columns_.size() || id >= columns_[key].kinds.size()) return {};
    const Column& column = columns_[key];
    return {column.kinds[id], column.number_bits[id]};
  }
  // Sets the entity's value for `key`; a null value removes it. Returns the
  // value before (null if none).
  Value set(std::uint64_t id, PropertyKey key, Value value);
  // Removes every property of the entity and returns them, by ascending key code.
  std::vector<std::pair<PropertyKey, Value>> take_all(std::uint64_t id);
  // Calls visit(key, value) for each property of the entity, by ascending key code.
  template <typename Visit>
  void for_each(std::uint64_t id, Visit visit) const {
    for (PropertyKey key = 0; key < columns_.size(); ++key)
      if (const Value* v = find(id, key)) visit(key, *v);
  }

  // Heap bytes of the columns, not counting what strings and lists point to.
  std::size_t slot_bytes() const;

 private:
  // One key's values by entity id, with kinds[id] and number_bits[id] mirroring values[id].
  struct Column {
    std::vector<Value> values;
    std::vector<SlotKind> kinds;
    std::vector<std::uint64_t> number_bits;
    // Stores `value` at `id` (the column long enough), keeping the mirror in step.
    Value exchange(std::uint64_t id, Value value);
  };
  std::vector<Column> columns_;  // by key code
};

}  // namespace kg
