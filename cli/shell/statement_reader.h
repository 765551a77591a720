// Gathers typed lines into statements: a statement is complete at a `;`
// outside strings and comments (see cypher_scan.h), and may span many lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli::shell {

class StatementReader {
 public:
  // Adds one line (without its line break) and returns the statements it
  // completed, without their `;`. Empty statements and bare comments are dropped.
  std::vector<std::string> add_line(std::string_view line);

  // True while the text read so far holds an unfinished statement: the shell
  // then shows the continuation prompt.
  bool pending() const { return !buffer_.empty(); }
  // The unfinished statement's text so far, lines joined with '\n'.
  const std::string& pending_text() const { return buffer_; }

  // At the end of the input: the last statement if it lacks its `;`. Clears.
  std::optional<std::string> finish();
  // Forgets the unfinished statement (Ctrl-C at the continuation prompt).
  void clear() { buffer_.clear(); }

 private:
  std::string buffer_;
};

}  // namespace kg::cli::shell
