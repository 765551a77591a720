// The interactive line editor: libedit (BSD licence) with emacs key bindings,
// the shell's history, tab completion, and Ctrl-C that abandons the line.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/shell/history.h"

struct editline;  // libedit's EditLine (histedit.h)

namespace kg::cli::shell {

// What TAB offers for the text before the cursor.
struct Completion {
  std::size_t word_length = 0;          // bytes before the cursor that the candidates replace
  std::string prefix;                   // written before every candidate, not listed (an opening quote)
  std::vector<std::string> candidates;  // each, after `prefix`, a full replacement of that word
};

class LineEditor {
 public:
  using Completer = std::function<Completion(std::string_view before_cursor)>;

  enum class Status { Line, Interrupted, EndOfInput };
  struct Input {
    Status status = Status::EndOfInput;
    std::string text;  // the line, without its line break
  };

  // Edits on the terminal of standard input; prompts and completion lists go to
  // standard output when it is a terminal, else to standard error.
  LineEditor(History& history, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // Reads one line. `prompt` may hold escape sequences wrapped in kPromptEscape
  // (they take no columns). Ctrl-C gives Status::Interrupted, Ctrl-D on an
  // empty line Status::EndOfInput.
  Input read_line(const std::string& prompt);

  // Marks the start and end of invisible text (colours) in a prompt.
  static constexpr char kPromptEscape = '\1';

 private:
  static char* prompt_callback(struct ::editline* el);
  static unsigned char complete_callback(struct ::editline* el, int key);
  unsigned char complete();
  void list_candidates(const std::vector<std::string>& candidates);

  struct ::editline* el_;
  std::FILE* out_;
  Completer completer_;
  std::string prompt_;
};

}  // namespace kg::cli::shell
