// Files that readers see complete or not at all: every file kg saves is
// written through here. The new file is written unnamed (O_TMPFILE) and named
// `path`.tmp.PID.FD only once complete, just before the rename over `path`, so
// a process killed meanwhile leaves no partial file; where O_TMPFILE is missing
// it is written as `path`.tmp.XXXXXX, which a kill can leave behind.
//
// A large file is handed to the disk while it is written: every
// kWritebackBytes the kernel is asked to start writing what came before, so
// that the flush in commit() waits only for the last part instead of the
// whole file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg {

// A file written in pieces, then committed. Errors throw std::runtime_error
// naming the file; until commit() succeeds the old file at `path` is untouched.
class AtomicFile {
 public:
  // Opens the temporary file beside `path`.
  explicit AtomicFile(const std::string& path);
  // Discards the temporary file unless committed.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends `bytes`.
  void write(std::string_view bytes);
  // How many bytes are written between two requests to start writing them
  // to disk.
  static constexpr std::size_t kWritebackBytes = 8 << 20;
  // Flushes the file to disk and puts it at `path`, replacing the old one.
  void commit();

 private:
  [[noreturn]] void fail(const char* what);

  std::string path_;
  std::string temp_;     // the temporary file's name, once it has one
  bool named_ = false;   // whether temp_ exists in the folder (to remove on failure)
  int fd_ = -1;
  std::size_t written_ = 0;      // bytes written so far
  std::size_t handed_over_ = 0;  // of which the disk was asked to start writing the first ones
};

// Writes `contents` to `path` atomically, as AtomicFile does.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace kg
