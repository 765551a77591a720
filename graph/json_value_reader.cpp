#include "graph/json_value_reader.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

namespace kg {

namespace {

// Numbers arrive as text (kParseNumbersAsStringsFlag) and are converted here
// with std::from_chars, which rounds correctly; RapidJSON 1.1's own
// full-precision path misreads some inputs (0e-43 among them).
// Strings must be valid UTF-8: kg writes what it reads, and other readers
// refuse invalid UTF-8.
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag |
                                 rapidjson::kParseNanAndInfFlag | rapidjson::kParseValidateEncodingFlag;

// The number a JSON number token stands for; nullopt, with `problem` set,
// when it has no exact Value: an integer beyond 64 bits (read as a double it
// would silently change, and two ids could become one) or a number too large
// for a double.
std::optional<Value> number_value(std::string_view text, std::string& problem) {
  if (text == "NaN") return Value(std::numeric_limits<double>::quiet_NaN());
  if (text == "Infinity") return Value(std::numeric_limits<double>::infinity());
  if (text == "-Infinity") return Value(-std::numeric_limits<double>::infinity());
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (text.find_first_of(".eE") == std::string_view::npos) {
    std::int64_t integer = 0;
    auto [ptr, ec] = std::from_chars(begin, end, integer);
    if (ec == std::errc() && ptr == end) return Value(integer);
    if (ec == std::errc::result_out_of_range) {
      problem = "Integer too big to be stored in 64 bits.";
      return std::nullopt;
    }
  }
  double d = 0;
  auto [ptr, ec] = std::from_chars(begin, end, d);
  if (ec == std::errc::result_out_of_range) {
    // Too small rounds to a signed zero; too large has no double.
    std::size_t e = text.find_first_of("eE");
    bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
    if (!tiny) {
      problem = "Number too big to be stored in double.";
      return std::nullopt;
    }
    return Value(text.front() == '-' ? -0.0 : 0.0);
  }
  return Value(d);
}

// A key as an error message shows it: at most 60 bytes (cut on a character
// boundary) and control characters as '?', so the message stays one short line.
std::string clipped(std::string_view key) {
  constexpr std::size_t kMax = 60;
  std::size_t length = key.size();
  if (length > kMax) {
    length = kMax;
    while (length > 0 && (static_cast<unsigned char>(key[length]) & 0xC0) == 0x80) --length;
  }
  std::string shown(key.substr(0, length));
  for (char& c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return length < key.size() ? shown + "..." : shown;
}

// Builds the Value from RapidJSON's SAX events with an explicit stack.
class ValueBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ValueBuilder> {
 public:
  explicit ValueBuilder(int max_depth) : max_depth_(max_depth) {}

  bool Null() { return add(Value()); }
  bool Bool(bool b) { return add(Value(b)); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    std::string problem;
    std::optional<Value> v = number_value({text, length}, problem);
    if (!v) return stop(problem);
    return add(std::move(*v));
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return add(Value(std::string(text, length)));
  }
  bool StartObject() { return open(true); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    Frame& frame = frames_.back();
    frame.key.assign(text, length);
    if (frame.map.count(frame.key)) return stop("duplicate key \"" + clipped(frame.key) + "\"");
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(false); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  Value& result() { return result_; }
  const std::string& error() const { return error_; }

 private:
  struct Frame {
    bool is_object;
    Map map;
    List list;
    std::string key;
  };

  bool stop(std::string message) {
    error_ = std::move(message);
    return false;
  }
  bool open(bool is_object) {
    if (static_cast<int>(frames_.size()) >= max_depth_)
      return stop("nested deeper than " + std::to_string(max_depth_) + " levels");
    frames_.push_back(Frame{is_object, {}, {}, {}});
    return true;
  }
  bool close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    return add(frame.is_object ? Value(std::move(frame.map)) : Value(std::move(frame.list)));
  }
  bool add(Value v) {
    if (frames_.empty()) {
      result_ = std::move(v);
    } else if (frames_.back().is_object) {
      frames_.back().map.emplace(std::move(frames_.back().key), std::move(v));
    } else {
      frames_.back().list.push_back(std::move(v));
    }
    return true;
  }

  int max_depth_;
  std::vector<Frame> frames_;
  Value result_;
  std::string error_;
};

}  // namespace

Value parse_json_value(std::string_view text, int max_depth) {
  // RapidJSON reads a NUL byte as the end of the text, and would call a binary
  // file empty; JSON text never holds one (strings escape it as \u0000).
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    throw JsonSyntaxError("NUL byte: a binary file, not JSON text", nul);
  ValueBuilder builder(max_depth);
  rapidjson::Reader reader;
  rapidjson::MemoryStream stream(text.data(), text.size());
  rapidjson::ParseResult ok = reader.Parse<kParseFlags>(stream, builder);
  if (!ok) {
    rapidjson::ParseErrorCode code = ok.Code();
    // The iterative parser reports any bad first character as an empty document.
    if (code == rapidjson::kParseErrorDocumentEmpty && text.find_first_not_of(" \t\r\n") != std::string_view::npos)
      code = rapidjson::kParseErrorValueInvalid;
    std::string message = code == rapidjson::kParseErrorTermination && !builder.error().empty()
                              ? builder.error()
                              : rapidjson::GetParseError_En(code);
    throw JsonSyntaxError(message, ok.Offset());
  }
  return std::move(builder.result());
}

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace kg
