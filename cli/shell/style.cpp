#include "cli/shell/style.h"

#include <unistd.h>

#include <cstdlib>

namespace kg::cli::shell {

Style Style::for_stream(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool wanted = (no_color == nullptr || *no_color == '\0') && !(term && std::string_view(term) == "dumb");
  return Style(wanted && isatty(fd));
}

std::string Style::wrap(std::string_view code, std::string_view text) const {
  if (!enabled_ || text.empty()) return std::string(text);
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace kg::cli::shell
