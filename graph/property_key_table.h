// The graph-wide table of property keys: each key name gets a small integer
// code on first use, the same for the graph's whole life, so that property
// storage is indexed by code and a query resolves its key names once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg {

// A property key's code in its graph's PropertyKeyTable.
using PropertyKey = std::uint32_t;

class PropertyKeyTable {
 public:
  // The key's code, given one if the key is new.
  PropertyKey intern(std::string_view name);
  // The key's code; nullopt when the key was never used.
  std::optional<PropertyKey> find(std::string_view name) const;
  // The name of a code that intern() returned.
  const std::string& name(PropertyKey key) const { return names_[key]; }
  // How many keys have codes (codes are 0 .. size()-1).
  std::size_t size() const { return names_.size(); }

  std::size_t memory_bytes() const;

 private:
  // Hashes std::string and std::string_view alike, so lookups need no copy.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, PropertyKey, NameHash, std::equal_to<>> codes_;
};

}  // namespace kg
