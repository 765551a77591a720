// The files an export produces, and writing them into one folder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg {

// One output file: its name inside the export folder and its whole text.
struct ExportFile {
  std::string name;
  std::string contents;
};

// Creates `folder` (and its parents) when missing, then writes every file into
// it, each atomically. Throws std::runtime_error naming the failing path.
void write_export_files(const std::string& folder, const std::vector<ExportFile>& files);

// A file-name-safe form of a label or type: ASCII letters, digits, '-' and '_'
// kept, anything else replaced by '_'. `taken` holds the stems already used;
// a clash gets a numeric suffix, and the result is added to `taken`.
std::string unique_file_stem(std::string_view name, std::vector<std::string>& taken);

}  // namespace kg
