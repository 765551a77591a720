#include "expected_value.h"

#include <charconv>
#include <cstddef>
#include <limits>
#include <utility>

namespace kg::tck {
namespace {

// A recursive-descent parser over one cell.
class ValueParser {
 public:
  explicit ValueParser(std::string_view text) : text_(text) {}

  Expected parse_all() {
    Expected value = parse_value();
    skip_space();
    if (pos_ != text_.size()) fail("unexpected trailing text");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ExpectedValueError(message + " at offset " + std::to_string(pos_) + " in `" +
                             std::string(text_) + "`");
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool peek(std::string_view token) {
    skip_space();
    return text_.substr(pos_).starts_with(token);
  }

  bool accept(std::string_view token) {
    if (!peek(token)) return false;
    pos_ += token.size();
    return true;
  }

  void expect(std::string_view token) {
    if (!accept(token)) fail("expected `" + std::string(token) + "`");
  }

  // A keyword such as `true` must not run on into an identifier (`trueish`).
  bool accept_word(std::string_view word) {
    if (!peek(word)) return false;
    const std::size_t end = pos_ + word.size();
    if (end < text_.size() && is_name_char(text_[end])) return false;
    pos_ = end;
    return true;
  }

  static bool is_name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           u >= 0x80;
  }

  Expected parse_value() {
    skip_space();
    if (pos_ == text_.size()) fail("expected a value");
    const char c = text_[pos_];
    if (accept_word("null")) return {};
    if (accept_word("true")) return boolean(true);
    if (accept_word("false")) return boolean(false);
    if (c == '\'' || c == '"') {
      Expected s;
      s.kind = Expected::Kind::String;
      s.text = parse_string();
      return s;
    }
    if (c == '[') return peek_relationship() ? parse_relationship() : parse_list();
    if (c == '{') return parse_map_value();
    if (c == '(') return parse_node();
    if (c == '<') return parse_path();
    return parse_number();
  }

  static Expected boolean(bool b) {
    Expected e;
    e.kind = Expected::Kind::Bool;
    e.boolean = b;
    return e;
  }

  static Expected real(double d) {
    Expected e;
    e.kind = Expected::Kind::Float;
    e.real = d;
    return e;
  }

  Expected parse_number() {
    const bool negative = accept("-");
    const double sign = negative ? -1.0 : 1.0;
    if (accept_word("NaN")) return real(std::numeric_limits<double>::quiet_NaN());
    if (accept_word("Infinity") || accept_word("Inf")) {
      return real(sign * std::numeric_limits<double>::infinity());
    }
    const std::size_t start = pos_;
    bool is_float = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c >= '0' && c <= '9') {
        ++pos_;
      } else if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
        ++pos_;
        if (c != '.' && pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
      } else {
        break;
      }
    }
    const std::string_view digits = text_.substr(start, pos_ - start);
    if (digits.empty()) fail("expected a value");
    if (is_float) {
      double d = 0;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
      if (error != std::errc() || end != digits.data() + digits.size()) fail("bad float");
      return real(sign * d);
    }
    std::uint64_t magnitude = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
    if (error != std::errc() || end != digits.data() + digits.size()) fail("bad integer");
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (magnitude > max + (negative ? 1 : 0)) fail("integer out of range");
    Expected e;
    e.kind = Expected::Kind::Int;
    // -(2^63) is computed without overflowing: -(max) - 1.
    e.integer = negative ? (magnitude == max + 1 ? std::numeric_limits<std::int64_t>::min()
                                                 : -static_cast<std::int64_t>(magnitude))
                         : static_cast<std::int64_t>(magnitude);
    return e;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
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

  // A quoted string with Cypher's escapes: \\ \' \" \n \t \r \b \f \uXXXX \UXXXXXXXX.
  std::string parse_string() {
    const char quote = text_[pos_++];
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("unterminated string");
      const char c = text_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("unterminated string");
      const char e = text_[pos_++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u':
        case 'U': {
          const std::size_t width = e == 'u' ? 4 : 8;
          if (pos_ + width > text_.size()) fail("short unicode escape");
          std::uint32_t cp = 0;
          const char* first = text_.data() + pos_;
          const auto [end, error] = std::from_chars(first, first + width, cp, 16);
          if (error != std::errc() || end != first + width) fail("bad unicode escape");
          pos_ += width;
          append_utf8(out, cp);
          break;
        }
        default:
          out += e;  // \\ \' \" and anything else stand for themselves
      }
    }
  }

  // A label, type or key: an identifier or a `backquoted` name.
  std::string parse_name() {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '`') {
      const auto end = text_.find('`', pos_ + 1);
      if (end == std::string_view::npos) fail("unterminated backquoted name");
      std::string name(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      return name;
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    if (pos_ == start) fail("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  Expected parse_list() {
    expect("[");
    Expected list;
    list.kind = Expected::Kind::List;
    if (accept("]")) return list;
    do {
      list.items.push_back(parse_value());
    } while (accept(","));
    expect("]");
    return list;
  }

  // Parses `{k: v, ...}` into target's keys and items.
  void parse_map_into(Expected& target) {
    expect("{");
    if (accept("}")) return;
    do {
      target.keys.push_back(parse_name());
      expect(":");
      target.items.push_back(parse_value());
    } while (accept(","));
    expect("}");
  }

  Expected parse_map_value() {
    Expected map;
    map.kind = Expected::Kind::Map;
    parse_map_into(map);
    return map;
  }

  // After '[': a relationship starts with ':' (the TCK always writes its type).
  bool peek_relationship() {
    const std::size_t saved = pos_;
    ++pos_;
    const bool relationship = peek(":");
    pos_ = saved;
    return relationship;
  }

  Expected parse_relationship() {
    expect("[");
    expect(":");
    Expected rel;
    rel.kind = Expected::Kind::Relationship;
    rel.text = parse_name();
    if (peek("{")) parse_map_into(rel);
    expect("]");
    return rel;
  }

  Expected parse_node() {
    expect("(");
    Expected node;
    node.kind = Expected::Kind::Node;
    while (accept(":")) node.labels.push_back(parse_name());
    if (peek("{")) parse_map_into(node);
    expect(")");
    return node;
  }

  // <(a)-[:T]->(b)<-[:U]-(c)>
  Expected parse_path() {
    expect("<");
    Expected path;
    path.kind = Expected::Kind::Path;
    path.items.push_back(parse_node());
    while (!accept(">")) {
      const bool backward = accept("<-");
      if (!backward) expect("-");
      Expected rel = parse_relationship();
      rel.forward = !backward;
      expect(backward ? "-" : "->");
      path.items.push_back(std::move(rel));
      path.items.push_back(parse_node());
    }
    return path;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Expected parse_expected(std::string_view text) { return ValueParser(text).parse_all(); }

Value to_value(const Expected& expected) {
  switch (expected.kind) {
    case Expected::Kind::Null:
      return Value();
    case Expected::Kind::Bool:
      return Value(expected.boolean);
    case Expected::Kind::Int:
      return Value(expected.integer);
    case Expected::Kind::Float:
      return Value(expected.real);
    case Expected::Kind::String:
      return Value(expected.text);
    case Expected::Kind::List: {
      List list;
      for (const Expected& item : expected.items) list.push_back(to_value(item));
      return Value(std::move(list));
    }
    case Expected::Kind::Map: {
      Map map;
      for (std::size_t i = 0; i < expected.keys.size(); ++i) {
        map.insert_or_assign(expected.keys[i], to_value(expected.items[i]));
      }
      return Value(std::move(map));
    }
    case Expected::Kind::Node:
    case Expected::Kind::Relationship:
    case Expected::Kind::Path:
      break;
  }
  throw ExpectedValueError("a graph element cannot be a parameter value");
}

}  // namespace kg::tck
