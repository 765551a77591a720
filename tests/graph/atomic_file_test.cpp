#include "graph/atomic_file.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

namespace fs = std::filesystem;

// A fresh folder for one test case, removed at the end.
struct ScratchFolder {
  fs::path path = fs::temp_directory_path() / ("kg-atomic-file-test-" + std::to_string(::getpid()));
  ScratchFolder() { fs::create_directories(path); }
  ~ScratchFolder() { fs::remove_all(path); }
};

std::string read_whole(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a large file written in pieces reads back whole, past several writeback requests") {
  ScratchFolder folder;
  fs::path file = folder.path / "big.json";
  std::string expected;
  {
    kg::AtomicFile out(file.string());
    // Pieces of uneven sizes, so that the requests fall inside pieces.
    for (std::size_t i = 0; expected.size() < 3 * kg::AtomicFile::kWritebackBytes + 12345; ++i) {
      std::string piece(1000 + i % 4099, static_cast<char>('a' + i % 26));
      out.write(piece);
      expected += piece;
    }
    CHECK_FALSE(fs::exists(file));  // nothing at the path before the commit
    out.commit();
  }
  CHECK(read_whole(file) == expected);
  CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a file dropped before its commit leaves the old one and no temporary file") {
  ScratchFolder folder;
  fs::path file = folder.path / "g.json";
  kg::write_file_atomically(file.string(), "old");
  {
    kg::AtomicFile out(file.string());
    out.write(std::string(kg::AtomicFile::kWritebackBytes + 1, 'x'));
  }
  CHECK(read_whole(file) == "old");
  CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}
