#include "graph/property_key_table.h"

#include <cstring>

namespace kg {

PropertyKey PropertyKeyTable::intern(std::string_view name) {
  if (auto it = codes_.find(name); it != codes_.end()) return it->second;
  auto code = static_cast<PropertyKey>(names_.size());
  names_.emplace_back(name);
  codes_.emplace(names_.back(), code);
  return code;
}

std::optional<PropertyKey> PropertyKeyTable::find(std::string_view name) const {
  // Most graphs use a few keys: comparing lengths, then bytes, beats hashing.
  constexpr std::size_t kScanLimit = 32;
  if (names_.size() <= kScanLimit) {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (names_[i].size() == name.size() && std::memcmp(names_[i].data(), name.data(), name.size()) == 0)
        return static_cast<PropertyKey>(i);
    return std::nullopt;
  }
  auto it = codes_.find(name);
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

std::size_t PropertyKeyTable::memory_bytes() const {
  std::size_t bytes = names_.capacity() * sizeof(std::string) + codes_.bucket_count() * sizeof(void*);
  for (const std::string& name : names_)
    bytes += 2 * (name.size() > 15 ? name.capacity() + 1 : 0) + sizeof(std::string) + sizeof(PropertyKey) + 16;
  return bytes;
}

}  // namespace kg
