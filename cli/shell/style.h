// Colours for what the shell prints: ANSI escapes on a terminal, plain text
// when the stream is not a terminal, when NO_COLOR is set, or when TERM=dumb.
#pragma once

#include <string>
#include <string_view>

namespace kg::cli::shell {

class Style {
 public:
  // Colours on when the file descriptor `fd` is a terminal that wants them.
  static Style for_stream(int fd);

  bool enabled() const { return enabled_; }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string red(std::string_view text) const { return wrap("31", text); }
  std::string yellow(std::string_view text) const { return wrap("33", text); }
  std::string cyan(std::string_view text) const { return wrap("36", text); }

 private:
  explicit Style(bool enabled) : enabled_(enabled) {}
  std::string wrap(std::string_view code, std::string_view text) const;
  bool enabled_;
};

}  // namespace kg::cli::shell
