// A lexical pass over Cypher text typed so far: where statements end and what
// the end of the text is inside. A `;` ends a statement only outside strings
// ('...', "..."), quoted names (`...`) and comments (// ..., /* ... */).
// The shell uses it to know when to run, what TAB should offer, and how to
// write a multi-line statement as one history line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli::shell {

// What the end of the scanned text is inside.
enum class Inside { Code, SingleQuoted, DoubleQuoted, Backticked, LineComment, BlockComment };

struct CypherScan {
  std::vector<std::size_t> statement_ends;  // offsets of the `;` that end statements
  Inside inside = Inside::Code;
  std::size_t quote_start = 0;  // offset of the opening quote when inside a string or name
  char open_bracket = 0;        // innermost unclosed '(', '[' or '{' of the last statement; 0 if none
};

CypherScan scan_cypher(std::string_view text);

// True when `text` holds nothing but spaces and complete comments.
bool blank_cypher(std::string_view text);

// The statement on one line, for history: line comments dropped, line breaks
// and the spaces around them made one space, no spaces at either end.
std::string one_line(std::string_view statement);

}  // namespace kg::cli::shell
