#include "graph/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace kg {

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  // Naming the file later goes through /proc/self/fd.
  if (access("/proc/self/fd", X_OK) == 0)
    fd_ = open(folder.empty() ? "." : folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    temp_ = path + ".tmp.XXXXXX";
    fd_ = mkostemp(temp_.data(), O_CLOEXEC);
    named_ = fd_ >= 0;
  }
  if (fd_ < 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) close(fd_);
  if (named_) unlink(temp_.c_str());
}

void AtomicFile::fail(const char* what) {
  int err = errno;
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  if (named_) unlink(temp_.c_str());
  named_ = false;
  throw std::runtime_error(path_ + ": " + what + ": " + std::strerror(err));
}

void AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
    written_ += static_cast<std::size_t>(n);
  }
  if (written_ - handed_over_ >= kWritebackBytes) {
    // Only a request to start: it does not wait, and commit()'s fsync still
    // makes the whole file durable, so a failure here is no error.
    sync_file_range(fd_, static_cast<off_t>(handed_over_), static_cast<off_t>(written_ - handed_over_),
                    SYNC_FILE_RANGE_WRITE);
    handed_over_ = written_;
  }
}

void AtomicFile::commit() {
  if (fchmod(fd_, 0644) != 0 || fsync(fd_) != 0) fail("cannot write");
  if (!named_) {
    // Named only now, complete, under a name nobody else picks, then renamed.
    // linkat() cannot replace an existing file, hence the two steps.
    std::string fd_path = "/proc/self/fd/" + std::to_string(fd_);
    temp_ = path_ + ".tmp." + std::to_string(getpid()) + "." + std::to_string(fd_);
    unlink(temp_.c_str());
    if (linkat(AT_FDCWD, fd_path.c_str(), AT_FDCWD, temp_.c_str(), AT_SYMLINK_FOLLOW) != 0) fail("cannot write");
    named_ = true;
  }
  int closed = close(fd_);
  fd_ = -1;
  if (closed != 0) fail("cannot write");
  if (rename(temp_.c_str(), path_.c_str()) != 0) fail("cannot replace");
  named_ = false;
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  AtomicFile file(path);
  file.write(contents);
  file.commit();
}

}  // namespace kg
