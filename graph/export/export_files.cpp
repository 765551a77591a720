#include "graph/export/export_files.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "graph/node_link_json.h"

namespace kg {

void write_export_files(const std::string& folder, const std::vector<ExportFile>& files) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw std::runtime_error("cannot create folder " + folder + ": " + error.message());
  for (const ExportFile& file : files)
    write_file_atomically((std::filesystem::path(folder) / file.name).string(), file.contents);
}

std::string unique_file_stem(std::string_view name, std::vector<std::string>& taken) {
  std::string stem;
  for (char c : name) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    stem += safe ? c : '_';
  }
  if (stem.empty()) stem = "_";
  std::string candidate = stem;
  for (int n = 2; std::find(taken.begin(), taken.end(), candidate) != taken.end(); ++n)
    candidate = stem + "_" + std::to_string(n);
  taken.push_back(candidate);
  return candidate;
}

}  // namespace kg
