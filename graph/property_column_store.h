// The properties of one kind of entity (nodes, or relationships) as one column
// per property key, indexed by entity id.
//
// A read is one array access: no per-entity map, no string comparison, and a
// scan in id order walks each column forward. A null slot means "absent",
// which is sound because the graph never stores a null property. A column is
// as long as the highest id that ever had the key, so a key used by few
// entities with high ids costs a slot (sizeof(Value)) per id below them.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "graph/name_table.h"
#include "graph/value.h"

namespace kg {

class PropertyColumnStore {
 public:
  // The entity's value for `key`; nullptr when it has none.
  const Value* find(std::uint64_t id, PropertyKey key) const {
    if (key >= columns_.size() || id >= columns_[key].size()) return nullptr;
    const Value& v = columns_[key][id];
    return v.is_null() ? nullptr : &v;
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
  std::vector<std::vector<Value>> columns_;  // by key code, then entity id
};

}  // namespace kg
