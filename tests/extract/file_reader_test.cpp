#include "extract/file_reader.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "scratch_folder.h"

using kg::extract::FileReader;
using kg::extract::test::ScratchFolder;
namespace fs = std::filesystem;

TEST_CASE("files of one folder and of others are read whole, one after the other") {
  ScratchFolder f("kg_file_reader_test", {"a", "b"});
  std::string first = f.write("a/1.txt", "Zeta Capital invests in Brakko Labs.");
  std::string second = f.write("a/2.txt", "short");
  std::string other = f.write("b/1.txt", "another folder");
  std::string empty = f.write("b/empty.txt", "");
  FileReader reader;
  REQUIRE(reader.read(first));
  CHECK(reader.text() == "Zeta Capital invests in Brakko Labs.");
  // A shorter file after a longer one: nothing of the first is left.
  REQUIRE(reader.read(second));
  CHECK(reader.text() == "short");
  REQUIRE(reader.read(other));
  CHECK(reader.text() == "another folder");
  REQUIRE(reader.read(empty));
  CHECK(reader.text().empty());
  // Back to the first folder.
  REQUIRE(reader.read(first));
  CHECK(reader.text() == "Zeta Capital invests in Brakko Labs.");
}

TEST_CASE("a file larger than the reader's room is read whole") {
  ScratchFolder f("kg_file_reader_test", {"a", "b"});
  std::string big(300000, 'x');
  for (std::size_t i = 0; i < big.size(); i += 1000) big[i] = static_cast<char>('a' + i / 1000 % 26);
  std::string path = f.write("a/big.txt", big);
  FileReader reader;
  REQUIRE(reader.read(f.write("a/small.txt", "small")));
  REQUIRE(reader.read(path));
  CHECK(reader.text() == big);
}

TEST_CASE("a missing file, a folder and a relative path") {
  ScratchFolder f("kg_file_reader_test", {"a", "b"});
  FileReader reader;
  CHECK_FALSE(reader.read((f.root / "a" / "missing.txt").string()));
  CHECK(reader.text().empty());
  CHECK_FALSE(reader.read((f.root / "missing-folder" / "1.txt").string()));
  // A folder opens but is not read as a file.
  CHECK_FALSE(reader.read((f.root / "a").string()));
  CHECK(reader.text().empty());
  f.write("a/here.txt", "relative");
  fs::path before = fs::current_path();
  fs::current_path(f.root / "a");
  CHECK(reader.read("here.txt"));
  CHECK(reader.text() == "relative");
  fs::current_path(before);
}

TEST_CASE("a regular file is read whole in one read or many, whatever its size") {
  ScratchFolder f("kg_file_reader_test", {"a", "b"});
  FileReader reader;
  // Sizes around the reader's room (64 KiB, grown by doubling) and far above it.
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{1000}, std::size_t{32767}, std::size_t{32768},
                           std::size_t{65535}, std::size_t{65536}, std::size_t{65537}, std::size_t{200000}}) {
    std::string text(size, 'x');
    for (std::size_t i = 0; i < size; i += 997) text[i] = static_cast<char>('a' + i % 26);
    std::string path = f.write("a/" + std::to_string(size) + ".txt", text);
    REQUIRE(reader.read(path, true));
    CHECK(reader.text() == text);
  }
}

TEST_CASE("a pipe is read until its writer closes it, not only to its first short read") {
  ScratchFolder f("kg_file_reader_test", {"a", "b"});
  fs::path fifo = f.root / "a" / "pipe.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] {
    int fd = open(fifo.c_str(), O_WRONLY);
    REQUIRE(fd >= 0);
    CHECK(write(fd, "first ", 6) == 6);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(write(fd, "second", 6) == 6);
    close(fd);
  });
  FileReader reader;
  CHECK(reader.read(fifo.string()));
  writer.join();
  CHECK(reader.text() == "first second");
}
