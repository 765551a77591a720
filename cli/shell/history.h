// The shell's history, kept across sessions in $XDG_STATE_HOME/kg/history
// (by default ~/.local/state/kg/history), in libedit's file format.
#pragma once

#include <string>
#include <vector>

struct history;  // libedit's History (histedit.h)

namespace kg::cli::shell {

class History {
 public:
  // Loads the history file if there is one. An empty `path` keeps history in memory only.
  explicit History(std::string path);
  ~History();
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  // The file named by XDG_STATE_HOME or HOME; empty when neither is set.
  static std::string default_path();

  // Adds an entry (a repeat of the last one is skipped) and saves the file.
  void add(const std::string& entry);
  // Every entry, oldest first.
  std::vector<std::string> entries() const;
  const std::string& path() const { return path_; }

  // libedit's handle, for the line editor.
  struct ::history* handle() const {
    return handle_;
  }

 private:
  std::string path_;
  struct ::history* handle_;
};

}  // namespace kg::cli::shell
