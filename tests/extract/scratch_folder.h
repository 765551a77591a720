// A folder of files for a test, under the system's temporary folder, removed
// when the test ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

namespace kg::extract::test {

struct ScratchFolder {
  // A folder named after `tag` and the process, holding the (empty) `subfolders`.
  ScratchFolder(const std::string& tag, std::initializer_list<const char*> subfolders)
      : root(std::filesystem::temp_directory_path() / (tag + "_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(root);
    for (const char* sub : subfolders) std::filesystem::create_directories(root / sub);
  }
  ~ScratchFolder() { std::filesystem::remove_all(root); }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  // Writes `bytes` to the file `name` (relative to root) and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(root / name, std::ios::binary) << bytes;
    return (root / name).string();
  }

  std::filesystem::path root;
};

}  // namespace kg::extract::test
