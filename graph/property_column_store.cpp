#include "graph/property_column_store.h"

namespace kg {

Value PropertyColumnStore::Column::exchange(std::uint64_t id, Value value) {
  SlotKind kind = SlotKind::Other;
  std::uint64_t bits = 0;
  if (value.is_null()) {
    kind = SlotKind::Absent;
  } else if (value.is_int()) {
    kind = SlotKind::Int;
    bits = static_cast<std::uint64_t>(value.as_int());
  } else if (value.is_float()) {
    kind = SlotKind::Float;
    bits = std::bit_cast<std::uint64_t>(value.as_float());
  }
  kinds[id] = kind;
  number_bits[id] = bits;
  return std::exchange(values[id], std::move(value));
}

Value PropertyColumnStore::set(std::uint64_t id, PropertyKey key, Value value) {
  if (value.is_null() && find(id, key) == nullptr) return Value();
  if (key >= columns_.size()) columns_.resize(key + 1);
  Column& column = columns_[key];
  if (id >= column.values.size()) {
    column.values.resize(id + 1);
    column.kinds.resize(id + 1, SlotKind::Absent);
    column.number_bits.resize(id + 1);
  }
  return column.exchange(id, std::move(value));
}

std::vector<std::pair<PropertyKey, Value>> PropertyColumnStore::take_all(std::uint64_t id) {
  std::vector<std::pair<PropertyKey, Value>> taken;
  for (PropertyKey key = 0; key < columns_.size(); ++key)
    if (find(id, key) != nullptr) taken.emplace_back(key, columns_[key].exchange(id, Value()));
  return taken;
}

std::size_t PropertyColumnStore::slot_bytes() const {
  std::size_t bytes = columns_.capacity() * sizeof(Column);
  for (const Column& column : columns_)
    bytes += column.values.capacity() * sizeof(Value) + column.kinds.capacity() * sizeof(SlotKind) +
             column.number_bits.capacity() * sizeof(std::uint64_t);
  return bytes;
}

}  // namespace kg
