#include "query/lexer.h"

#include <cctype>

#include "query/engine.h"

namespace kg::query {
namespace {

bool is_ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    for (;;) {
      skip_space_and_comments();
      Token t;
      t.begin = pos_;
      t.line = line_;
      t.column = column();
      if (pos_ >= src_.size()) {
        t.kind = TokenKind::End;
        t.end = pos_;
        tokens.push_back(std::move(t));
        return tokens;
      }
      read_token(t);
      t.end = pos_;
      tokens.push_back(std::move(t));
    }
  }

 private:
  std::string_view src_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;

  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  void advance() {
    if (src_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  [[noreturn]] void fail(const std::string& detail, const std::string& message) const {
    throw QueryError("SyntaxError", detail, message, true, line_, column());
  }

  void skip_space_and_comments() {
    while (pos_ < src_.size()) {
      char c = peek();
      if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else if (c == '/' && peek(1) == '/') {
        while (pos_ < src_.size() && peek() != '\n') advance();
      } else if (c == '/' && peek(1) == '*') {
        advance();
        advance();
        while (pos_ < src_.size() && !(peek() == '*' && peek(1) == '/')) advance();
        if (pos_ >= src_.size()) fail("UnexpectedSyntax", "unterminated comment");
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  void read_token(Token& t) {
    unsigned char c = static_cast<unsigned char>(peek());
    // U+2000..U+206F (dashes, quotes) look like operators but are not.
    if (c == 0xE2 && static_cast<unsigned char>(peek(1)) == 0x80)
      fail("InvalidUnicodeCharacter", "invalid character (a Unicode dash or quote?)");
    if (is_ident_start(c)) {
      t.kind = TokenKind::Identifier;
      while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(peek()))) advance();
      t.text = std::string(src_.substr(t.begin, pos_ - t.begin));
    } else if (c == '`') {
      t.kind = TokenKind::QuotedIdentifier;
      advance();
      for (;;) {
        if (pos_ >= src_.size()) fail("UnexpectedSyntax", "unterminated quoted name");
        if (peek() == '`') {
          if (peek(1) == '`') {  // `` inside a quoted name is one backtick
            t.text += '`';
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        t.text += peek();
        advance();
      }
    } else if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
      read_number(t);
    } else if (c == '\'' || c == '"') {
      read_string(t);
    } else if (c == '$') {
      t.kind = TokenKind::Parameter;
      advance();
      if (peek() == '`') {
        Token q;
        read_token(q);
        t.text = q.text;
      } else {
        while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(peek()))) {
          t.text += peek();
          advance();
        }
        if (t.text.empty()) fail("UnexpectedSyntax", "expected a parameter name after '$'");
      }
    } else {
      read_symbol(t);
    }
  }

  void read_number(Token& t) {
    std::size_t start = pos_;
    bool is_float = false;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O')) {
      advance();
      advance();
    }
    // Digits, letters (to report 0x1G or 1a as one invalid literal), and a fraction.
    while (pos_ < src_.size()) {
      char c = peek();
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
        if ((c == 'e' || c == 'E') && !(src_[start] == '0' && start + 1 < src_.size() &&
                                        (src_[start + 1] == 'x' || src_[start + 1] == 'X'))) {
          is_float = true;
          advance();
          if (peek() == '+' || peek() == '-') advance();
          continue;
        }
        advance();
      } else if (c == '.' && peek(1) != '.' && !is_float &&
                 std::isdigit(static_cast<unsigned char>(peek(1)))) {
        is_float = true;
        advance();
      } else {
        break;
      }
    }
    t.kind = is_float ? TokenKind::Float : TokenKind::Integer;
    t.text = std::string(src_.substr(start, pos_ - start));
  }

  void read_string(Token& t) {
    char quote = peek();
    t.kind = TokenKind::String;
    advance();
    for (;;) {
      if (pos_ >= src_.size()) fail("UnexpectedSyntax", "unterminated string literal");
      char c = peek();
      if (c == quote) {
        advance();
        return;
      }
      if (c != '\\') {
        t.text += c;
        advance();
        continue;
      }
      advance();
      char e = peek();
      switch (e) {
        case '\\':
          t.text += '\\';
          break;
        case '\'':
          t.text += '\'';
          break;
        case '"':
          t.text += '"';
          break;
        case 'b':
        case 'B':
          t.text += '\b';
          break;
        case 'f':
        case 'F':
          t.text += '\f';
          break;
        case 'n':
        case 'N':
          t.text += '\n';
          break;
        case 'r':
        case 'R':
          t.text += '\r';
          break;
        case 't':
        case 'T':
          t.text += '\t';
          break;
        case 'u':
        case 'U': {
          std::size_t digits = e == 'u' ? 4 : 8;
          unsigned long cp = 0;
          for (std::size_t i = 1; i <= digits; ++i) {
            char h = peek(i);
            if (!std::isxdigit(static_cast<unsigned char>(h)))
              fail("InvalidUnicodeLiteral", "invalid unicode escape in string literal");
            cp = cp * 16 + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(h))
                                                          ? h - '0'
                                                          : (std::tolower(h) - 'a' + 10));
          }
          append_utf8(t.text, cp);
          for (std::size_t i = 0; i < digits; ++i) advance();
          break;
        }
        default:
          fail("InvalidEscapeSequence", "invalid escape sequence in string literal");
      }
      advance();
    }
  }

  void read_symbol(Token& t) {
    t.kind = TokenKind::Symbol;
    static const char* const two[] = {"..", "<>", "!=", "<=", ">=", "=~", "+="};
    for (const char* s : two) {
      if (peek() == s[0] && peek(1) == s[1]) {
        t.text = s;
        advance();
        advance();
        return;
      }
    }
    char c = peek();
    static const std::string_view one = "()[]{},.:|;+-*/%^=<>";
    if (one.find(c) == std::string_view::npos) {
      // Unicode dashes and arrows some editors produce are not accepted either.
      fail("UnexpectedSyntax", std::string("unexpected character '") + c + "'");
    }
    t.text = std::string(1, c);
    advance();
  }
};

}  // namespace

std::vector<Token> tokenize(std::string_view source) { return Lexer(source).run(); }

}  // namespace kg::query
