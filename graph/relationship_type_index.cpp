#include "graph/relationship_type_index.h"

namespace kg {

void RelationshipTypeIndex::add(std::uint32_t type, RelId id) {
  if (type >= lists_.size()) lists_.resize(type + 1);
  List& list = lists_[type];
  if (!list.ids.empty() && list.ids.back() >= id) list.stale = true;
  list.ids.push_back(id);
  ++list.live;
}

std::size_t RelationshipTypeIndex::memory_bytes() const {
  std::size_t bytes = lists_.capacity() * sizeof(List);
  for (const List& list : lists_) bytes += list.ids.capacity() * sizeof(RelId);
  return bytes;
}

}  // namespace kg
