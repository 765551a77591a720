// The lexer: turns a Cypher statement into tokens.
//
// Keywords are not special tokens: they come out as identifiers and the parser
// compares them case-insensitively, because most Cypher keywords may also be
// used as names (a property called `count`, a label called `Order`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::query {

enum class TokenKind {
  Identifier,        // name, keyword, or `quoted name`
  QuotedIdentifier,  // `quoted name`: never a keyword
  Integer,           // text holds the digits as written (0x.., 0o.. included)
  Float,             // text holds the number as written
  String,            // text holds the decoded string
  Parameter,         // $name or $0; text holds the name
  Symbol,  // punctuation and operators: ( ) [ ] { } , . .. : | ; + - * / % ^ = <> != < > <= >= =~ +=
  End
};

struct Token {
  TokenKind kind;
  std::string text;
  std::size_t begin = 0, end = 0;  // byte offsets in the statement
  int line = 1, column = 1;        // 1-based position of `begin`
};

// Splits `source` into tokens ending with one End token. Throws QueryError
// (SyntaxError) on an unterminated string or comment or an invalid escape.
std::vector<Token> tokenize(std::string_view source);

}  // namespace kg::query
