#include "cli/shell/line_editor.h"

#include <histedit.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cstring>

#include "cli/terminal.h"
#include "graph/text_fold.h"

namespace kg::cli::shell {

namespace {

// libedit's character reader, replaced so that Ctrl-C (SIGINT, which
// interrupts read()) ends the line instead of being retried. Decodes UTF-8.
int read_char(EditLine*, wchar_t* out) {
  auto read_byte = [](unsigned char& byte) -> int {
    for (;;) {
      ssize_t n = read(STDIN_FILENO, &byte, 1);
      if (n == 1) return 1;
      if (n == 0) return 0;
      if (errno == EINTR && !interrupt_flag().load()) continue;
      return -1;
    }
  };
  unsigned char first;
  int status = read_byte(first);
  if (status != 1) return status;
  int more = first < 0x80 ? 0 : (first >> 5) == 0x6 ? 1 : (first >> 4) == 0xE ? 2 : (first >> 3) == 0x1E ? 3 : -1;
  if (more < 0) {  // a stray byte: show it as U+FFFD rather than stop
    *out = 0xFFFD;
    return 1;
  }
  wchar_t code = more == 0 ? first : first & (0x3F >> more);
  for (int k = 0; k < more; ++k) {
    unsigned char next;
    status = read_byte(next);
    if (status != 1) return status;
    code = (code << 6) | (next & 0x3F);
  }
  *out = code;
  return 1;
}

// Code points in UTF-8 text: libedit counts characters, not bytes.
int characters(std::string_view text) {
  return static_cast<int>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The longest common prefix of the candidates, cut at a character boundary.
std::string common_prefix(const std::vector<std::string>& candidates) {
  std::string prefix = candidates.front();
  for (const std::string& c : candidates) {
    std::size_t n = 0;
    while (n < prefix.size() && n < c.size() && prefix[n] == c[n]) ++n;
    prefix.resize(n);
  }
  while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0x80) != 0) {
    // Drop a trailing multi-byte character that may be incomplete.
    std::size_t start = prefix.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(prefix[start]) & 0xC0) == 0x80) --start;
    unsigned char lead = static_cast<unsigned char>(prefix[start]);
    std::size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (prefix.size() - start == want) break;
    prefix.resize(start);
  }
  return prefix;
}

}  // namespace

LineEditor::LineEditor(History& history, Completer completer)
    : out_(isatty(STDOUT_FILENO) ? stdout : stderr), completer_(std::move(completer)) {
  // libedit needs a UTF-8 locale to edit and measure non-ASCII text.
  const char* locale = std::setlocale(LC_CTYPE, "");
  if (!locale || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0)
    std::setlocale(LC_CTYPE, "C.UTF-8");

  el_ = el_init("kg", stdin, out_, stderr);
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_SIGNAL, 0);
  el_set(el_, EL_GETCFN, read_char);
  el_set(el_, EL_PROMPT_ESC, prompt_callback, kPromptEscape);
  el_set(el_, EL_HIST, ::history, history.handle());
  el_set(el_, EL_ADDFN, "kg-complete", "Complete the word before the cursor", complete_callback);
  el_set(el_, EL_BIND, "^I", "kg-complete", nullptr);
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
  el_source(el_, nullptr);  // the user's ~/.editrc, if any
}

LineEditor::~LineEditor() { el_end(el_); }

LineEditor::Input LineEditor::read_line(const std::string& prompt) {
  prompt_ = prompt;
  interrupt_flag().store(false);
  int count = 0;
  const char* line = el_gets(el_, &count);
  Input input;
  if (interrupt_flag().exchange(false)) {
    input.status = Status::Interrupted;
    std::fputs("\n", out_);
    std::fflush(out_);
    return input;
  }
  if (!line || count <= 0) return input;  // Ctrl-D on an empty line, or the terminal went away
  input.status = Status::Line;
  input.text.assign(line, static_cast<std::size_t>(count));
  while (!input.text.empty() && (input.text.back() == '\n' || input.text.back() == '\r')) input.text.pop_back();
  return input;
}

char* LineEditor::prompt_callback(EditLine* el) {
  LineEditor* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return self->prompt_.data();
}

unsigned char LineEditor::complete_callback(EditLine* el, int) {
  LineEditor* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return self->complete();
}

unsigned char LineEditor::complete() {
  const LineInfo* info = el_line(el_);
  std::string_view before(info->buffer, static_cast<std::size_t>(info->cursor - info->buffer));
  Completion completion = completer_(before);
  if (completion.candidates.empty()) return CC_ERROR;
  std::string_view word = before.substr(before.size() - std::min(completion.word_length, before.size()));

  std::string replacement = completion.prefix;
  if (completion.candidates.size() == 1) {
    replacement += completion.candidates.front();
  } else {
    replacement += common_prefix(completion.candidates);
    if (replacement.size() <= word.size()) {  // nothing more to type: show the choices
      list_candidates(completion.candidates);
      return CC_REDISPLAY;
    }
  }
  el_deletestr(el_, characters(word));
  el_insertstr(el_, replacement.c_str());
  return CC_REFRESH;
}

void LineEditor::list_candidates(const std::vector<std::string>& candidates) {
  constexpr std::size_t kMaxShown = 200;
  std::size_t widest = 0;
  for (const std::string& c : candidates) widest = std::max(widest, display_width(c));
  std::size_t columns = std::max<std::size_t>(1, (std::max<std::size_t>(terminal_width(), 40) + 2) / (widest + 2));
  std::string text = "\n";
  std::size_t shown = std::min(candidates.size(), kMaxShown);
  for (std::size_t i = 0; i < shown; ++i) {
    text += candidates[i];
    bool end_of_row = (i + 1) % columns == 0 || i + 1 == shown;
    text += end_of_row ? std::string("\n") : std::string(widest + 2 - display_width(candidates[i]), ' ');
  }
  if (shown < candidates.size()) text += "... and " + std::to_string(candidates.size() - shown) + " more\n";
  std::fputs(text.c_str(), out_);
  std::fflush(out_);
}

}  // namespace kg::cli::shell
