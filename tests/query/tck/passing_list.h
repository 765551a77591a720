// The checked-in list of TCK scenarios known to pass (passing.txt): one
// scenario id per line; blank lines and lines starting with '#' are ignored.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace kg::tck {

// The ids in the file; empty when the file does not exist.
std::set<std::string> read_passing_list(const std::filesystem::path& file);

// Rewrites the file: a comment header, then the ids in sorted order.
void write_passing_list(const std::filesystem::path& file, const std::set<std::string>& ids);

}  // namespace kg::tck
