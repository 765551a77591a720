// Interned names: each name (a property key, a label, a relationship type)
// gets a small integer code on first use, the same for the table's whole
// life, so that storage is indexed by code and a caller resolves a name once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg {

// A property key's code in its graph's key table.
using PropertyKey = std::uint32_t;

class NameTable {
 public:
  // The name's code, given one if the name is new.
  std::uint32_t intern(std::string_view name);
  // The name's code; nullopt when the name was never interned.
  std::optional<std::uint32_t> find(std::string_view name) const;
  // The name of a code that intern() returned.
  const std::string& name(std::uint32_t code) const { return names_[code]; }
  // How many names have codes (codes are 0 .. size()-1).
  std::size_t size() const { return names_.size(); }

  std::size_t memory_bytes() const;

 private:
  // Hashes std::string and std::string_view alike, so lookups need no copy.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> codes_;
};

}  // namespace kg
