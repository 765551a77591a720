#include "cli/shell/history.h"

#include <histedit.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kg::cli::shell {

namespace {
constexpr int kMaxEntries = 1000;
}

History::History(std::string path) : path_(std::move(path)), handle_(history_init()) {
  HistEvent event;
  ::history(handle_, &event, H_SETSIZE, kMaxEntries);
  ::history(handle_, &event, H_SETUNIQUE, 1);
  if (!path_.empty()) ::history(handle_, &event, H_LOAD, path_.c_str());
}

History::~History() { history_end(handle_); }

std::string History::default_path() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state) return std::string(state) + "/kg/history";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/state/kg/history";
  return "";
}

void History::add(const std::string& entry) {
  HistEvent event;
  ::history(handle_, &event, H_ENTER, entry.c_str());
  if (path_.empty()) return;
  std::error_code ignored;  // no history file is better than no shell
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ignored);
  ::history(handle_, &event, H_SAVE, path_.c_str());
}

std::vector<std::string> History::entries() const {
  std::vector<std::string> out;
  HistEvent event;
  // H_LAST is the oldest entry; H_PREV walks towards the newest.
  for (int ok = ::history(handle_, &event, H_LAST); ok == 0; ok = ::history(handle_, &event, H_PREV))
    out.emplace_back(event.str);
  return out;
}

}  // namespace kg::cli::shell
