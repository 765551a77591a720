#include "query/group_table.h"

#include <stdexcept>

namespace kg::query {

std::size_t GroupTable::hash(const std::vector<Value>& keys) {
  std::size_t h = keys.size();
  for (const Value& v : keys) h = h * 31 + hash_value(v);
  // Spreads the bits: slots are picked by the low bits, and hash_value() of
  // small integers and ids is close to the value itself.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

bool GroupTable::same_keys(std::size_t group, const std::vector<Value>& keys) const {
  const Value* stored = keys_.data() + group * width_;
  for (std::size_t i = 0; i < width_; ++i)
    if (!equivalent(stored[i], keys[i])) return false;
  return true;
}

std::size_t GroupTable::find_or_add(std::vector<Value>& keys, bool& added) {
  // At most half full, so that probes stay short.
  if (2 * (size() + 1) > slots_.size()) grow();
  std::size_t h = hash(keys);
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    std::uint32_t slot = slots_[i];
    if (slot == 0) {
      if (size() >= UINT32_MAX) throw std::length_error("too many groups");
      slots_[i] = static_cast<std::uint32_t>(size() + 1);
      hashes_.push_back(h);
      for (Value& v : keys) keys_.push_back(std::move(v));
      added = true;
      return size() - 1;
    }
    std::size_t group = slot - 1;
    if (hashes_[group] == h && same_keys(group, keys)) {
      added = false;
      return group;
    }
  }
}

void GroupTable::grow() {
  std::vector<std::uint32_t> slots(slots_.empty() ? 16 : 2 * slots_.size(), 0);
  std::size_t mask = slots.size() - 1;
  for (std::size_t group = 0; group < size(); ++group) {
    std::size_t i = hashes_[group] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = static_cast<std::uint32_t>(group + 1);
  }
  slots_ = std::move(slots);
}

}  // namespace kg::query
