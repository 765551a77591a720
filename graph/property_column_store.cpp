#include "graph/property_column_store.h"

namespace kg {

Value PropertyColumnStore::set(std::uint64_t id, PropertyKey key, Value value) {
  if (value.is_null() && find(id, key) == nullptr) return Value();
  if (key >= columns_.size()) columns_.resize(key + 1);
  std::vector<Value>& column = columns_[key];
  if (id >= column.size()) column.resize(id + 1);
  return std::exchange(column[id], std::move(value));
}

std::vector<std::pair<PropertyKey, Value>> PropertyColumnStore::take_all(std::uint64_t id) {
  std::vector<std::pair<PropertyKey, Value>> taken;
  for (PropertyKey key = 0; key < columns_.size(); ++key)
    if (id < columns_[key].size() && !columns_[key][id].is_null())
      taken.emplace_back(key, std::exchange(columns_[key][id], Value()));
  return taken;
}

std::size_t PropertyColumnStore::slot_bytes() const {
  std::size_t bytes = columns_.capacity() * sizeof(std::vector<Value>);
  for (const std::vector<Value>& column : columns_) bytes += column.capacity() * sizeof(Value);
  return bytes;
}

}  // namespace kg
