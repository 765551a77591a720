// The groups of an aggregation: an open-addressing hash table over the
// grouping keys. The keys of all groups sit in one flat vector, so that a new
// group costs no allocation of its own (only the table's occasional growth).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/value.h"

namespace kg::query {

class GroupTable {
 public:
  // `width`: the number of key values of each group (0: a single group).
  explicit GroupTable(std::size_t width) : width_(width) {}

  // The index of the group whose keys are equivalent (graph/value.h) to `keys`
  // (width() values). A new group takes the next index and moves the values
  // out of `keys`; `added` says whether that happened.
  std::size_t find_or_add(std::vector<Value>& keys, bool& added);

  std::size_t size() const { return hashes_.size(); }
  std::size_t width() const { return width_; }
  // The width() key values of a group, in the order they were given.
  Value* keys(std::size_t group) { return keys_.data() + group * width_; }

 private:
  static std::size_t hash(const std::vector<Value>& keys);
  bool same_keys(std::size_t group, const std::vector<Value>& keys) const;
  // Doubles the slots and places every group again.
  void grow();

  std::size_t width_;
  std::vector<Value> keys_;            // group g's keys at [g * width_, (g + 1) * width_)
  std::vector<std::size_t> hashes_;    // by group, so that growing rehashes nothing
  std::vector<std::uint32_t> slots_;   // a group index + 1, or 0 for empty; a power of two long
};

}  // namespace kg::query
