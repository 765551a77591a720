// Relationship ids by type code, each type's ids in one ascending array, so
// that a scan of a type reads contiguous memory and hands out a span.
//
// Adding ids in increasing order (creation, loading) appends. A removal, or an
// id added out of order (undo), only marks the type's array stale; the next
// read sorts it, drops duplicates and drops the ids the caller says are no
// longer of the type. So mass deletes and their rollback stay linear.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/value.h"

namespace kg {

class RelationshipTypeIndex {
 public:
  void add(std::uint32_t type, RelId id);
  // Call once the relationship is gone; `is_of_type` as for ids().
  template <typename IsOfType>
  void remove(std::uint32_t type, IsOfType is_of_type) {
    List& list = lists_[type];
    --list.live;
    list.stale = true;
    // Tidy once dead ids outnumber live ones, so that removals without reads
    // between them do not grow the array.
    if (list.ids.size() > 2 * list.live + 16) tidy(list, is_of_type);
  }
  // How many relationships of the type exist.
  std::size_t count(std::uint32_t type) const { return type < lists_.size() ? lists_[type].live : 0; }
  // The type's relationship ids, ascending. `is_of_type(id)` tells whether the
  // relationship `id` still exists with this type. Tidying a stale array
  // writes to it, so concurrent readers need a tidy index (one read of each
  // type after the last change). Valid until the next change.
  template <typename IsOfType>
  std::span<const RelId> ids(std::uint32_t type, IsOfType is_of_type) const {
    if (type >= lists_.size()) return {};
    List& list = lists_[type];
    if (list.stale) tidy(list, is_of_type);
    return list.ids;
  }

  std::size_t memory_bytes() const;

 private:
  struct List {
    std::vector<RelId> ids;  // ascending unless stale
    std::size_t live = 0;
    bool stale = false;
  };
  template <typename IsOfType>
  static void tidy(List& list, IsOfType is_of_type) {
    std::sort(list.ids.begin(), list.ids.end());
    list.ids.erase(std::unique(list.ids.begin(), list.ids.end()), list.ids.end());
    std::erase_if(list.ids, [&](RelId id) { return !is_of_type(id); });
    list.stale = false;
  }
  mutable std::vector<List> lists_;  // by type code
};

}  // namespace kg
