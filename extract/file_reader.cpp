#include "extract/file_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace kg::extract {

FileReader::~FileReader() {
  if (folder_ >= 0) close(folder_);
}

bool FileReader::read(const std::string& path, bool regular_file) {
  size_ = 0;
  std::size_t slash = path.rfind('/');
  std::string_view folder = slash == std::string::npos ? std::string_view() : std::string_view(path).substr(0, slash + 1);
  if (folder != folder_path_) {
    if (folder_ >= 0) close(folder_);
    folder_path_ = folder;
    // O_PATH: a folder one may search but not list is still a folder to open files in.
    folder_ = folder.empty() ? -1 : open(folder_path_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  }
  // Without the folder open (the working directory, or a folder that cannot
  // be opened), the whole path is opened, as ever.
  int fd = folder_ >= 0 ? openat(folder_, path.c_str() + folder.size(), O_RDONLY | O_CLOEXEC)
                        : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // A news article fits in the room the buffer kept from the last file: no
  // call to ask the file's size, no allocation, no bytes cleared.
  constexpr std::size_t kMinRoom = 1 << 16;
  while (true) {
    if (buffer_.size() - size_ < kMinRoom / 2) buffer_.resize(std::max(2 * buffer_.size(), size_ + kMinRoom));
    std::size_t room = buffer_.size() - size_;
    ssize_t n = ::read(fd, buffer_.data() + size_, room);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      if (n < 0) size_ = 0;
      return n == 0;
    }
    size_ += static_cast<std::size_t>(n);
    if (regular_file && static_cast<std::size_t>(n) < room) {
      close(fd);
      return true;
    }
  }
}

}  // namespace kg::extract
