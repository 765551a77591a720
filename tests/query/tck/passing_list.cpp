#include "passing_list.h"

#include <fstream>
#include <stdexcept>

namespace kg::tck {

std::set<std::string> read_passing_list(const std::filesystem::path& file) {
  std::set<std::string> ids;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    ids.insert(line);
  }
  return ids;
}

void write_passing_list(const std::filesystem::path& file, const std::set<std::string>& ids) {
  std::ofstream out(file);
  if (!out) throw std::runtime_error("cannot write " + file.string());
  out << "# openCypher TCK scenarios that kg passes; a listed scenario that fails is a\n"
         "# regression. Regenerate with: kg_tck --update\n";
  for (const auto& id : ids) out << id << '\n';
}

}  // namespace kg::tck
