#include "cli/shell/cypher_scan.h"

#include <cctype>

namespace kg::cli::shell {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Walks `text` once, calling on_code(i) for every character outside strings,
// names and comments, and on_comment(begin, end) for every line comment.
template <typename OnCode, typename OnLineComment>
CypherScan walk(std::string_view text, OnCode on_code, OnLineComment on_line_comment) {
  CypherScan scan;
  std::vector<char> brackets;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) {
        on_line_comment(i, n);
        scan.inside = Inside::LineComment;
        break;
      }
      on_line_comment(i, end);
      i = end;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      std::size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) {
        scan.inside = Inside::BlockComment;
        break;
      }
      i = end + 2;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      std::size_t j = i + 1;
      while (j < n && text[j] != c) j += (text[j] == '\\' && c != '`') ? 2 : 1;
      if (j >= n) {
        scan.inside = c == '\'' ? Inside::SingleQuoted : c == '"' ? Inside::DoubleQuoted : Inside::Backticked;
        scan.quote_start = i;
        break;
      }
      i = j + 1;
      continue;
    }
    on_code(i);
    if (c == ';') {
      scan.statement_ends.push_back(i);
      brackets.clear();
    } else if (c == '(' || c == '[' || c == '{') {
      brackets.push_back(c);
    } else if ((c == ')' || c == ']' || c == '}') && !brackets.empty()) {
      brackets.pop_back();
    }
    ++i;
  }
  scan.open_bracket = brackets.empty() ? 0 : brackets.back();
  return scan;
}

}  // namespace

CypherScan scan_cypher(std::string_view text) {
  return walk(
      text, [](std::size_t) {}, [](std::size_t, std::size_t) {});
}

bool blank_cypher(std::string_view text) {
  bool blank = true;
  CypherScan scan = walk(
      text, [&](std::size_t i) { blank = blank && is_space(text[i]); }, [](std::size_t, std::size_t) {});
  // An unclosed string or block comment is content still being typed.
  return blank && (scan.inside == Inside::Code || scan.inside == Inside::LineComment);
}

std::string one_line(std::string_view statement) {
  // Blank out the line comments and note the line breaks outside strings.
  std::string text(statement);
  std::vector<bool> code_break(text.size(), false);
  walk(
      statement, [&](std::size_t i) { code_break[i] = statement[i] == '\n' || statement[i] == '\r'; },
      [&](std::size_t begin, std::size_t end) { text.replace(begin, end - begin, end - begin, ' '); });
  // Each line break, with the spaces around it, becomes one space.
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (code_break[i]) {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      pending_space = !out.empty();
      continue;
    }
    if (out.empty() && (c == ' ' || c == '\t')) continue;
    if (pending_space) {
      if (c == ' ' || c == '\t') continue;
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

}  // namespace kg::cli::shell
