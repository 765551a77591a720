// Reads many files one after the other, as a worker of the corpus reads its
// articles: the folder of the last file stays open, so that the next file of
// the same folder is opened relative to it (the kernel does not walk the
// folder's path again), and the text goes into one buffer reused from file
// to file rather than a string allocated for each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::extract {

class FileReader {
 public:
  FileReader() = default;
  ~FileReader();
  // Holds a descriptor: not copied.
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  // Reads the whole file at `path` into text(); false if it cannot be
  // opened or read (text() is then empty). For a file known to be regular
  // (`regular_file`), a read that returns less than asked is its end, as on
  // Linux it is: no further read to be told so. Otherwise (a pipe, say) the
  // file is read until a read returns nothing.
  bool read(const std::string& path, bool regular_file = false);
  // The last file read; valid until the next read().
  std::string_view text() const { return std::string_view(buffer_).substr(0, size_); }

 private:
  int folder_ = -1;          // the open folder, or -1
  std::string folder_path_;  // its path as given ("" for the working directory)
  std::string buffer_;  // the text, then room kept for the next file
  std::size_t size_ = 0;
};

}  // namespace kg::extract
