#include "graph/name_table.h"

#include <cstring>

namespace kg {

std::uint32_t NameTable::intern(std::string_view name) {
  if (auto found = find(name)) return *found;
  auto code = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(name);
  codes_.emplace(names_.back(), code);
  return code;
}

std::optional<std::uint32_t> NameTable::find(std::string_view name) const {
  // Graphs use a few keys, labels and types: comparing lengths, then bytes, beats hashing.
  constexpr std::size_t kScanLimit = 32;
  if (names_.size() <= kScanLimit) {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (names_[i].size() == name.size() && std::memcmp(names_[i].data(), name.data(), name.size()) == 0)
        return static_cast<std::uint32_t>(i);
    return std::nullopt;
  }
  auto it = codes_.find(name);
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

std::size_t NameTable::memory_bytes() const {
  std::size_t bytes = names_.capacity() * sizeof(std::string) + codes_.bucket_count() * sizeof(void*);
  for (const std::string& name : names_)
    bytes += 2 * (name.size() > 15 ? name.capacity() + 1 : 0) + sizeof(std::string) + sizeof(std::uint32_t) + 16;
  return bytes;
}

}  // namespace kg
