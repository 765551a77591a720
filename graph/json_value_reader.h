// JSON text to a Value, exactly: the reading half of every JSON format kg loads.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "graph/value.h"

namespace kg {

// Malformed JSON. `offset` is the byte where reading stopped.
class JsonSyntaxError : public std::runtime_error {
 public:
  JsonSyntaxError(const std::string& message, std::size_t offset)
      : std::runtime_error(message), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// Parses one JSON document. Objects become Maps and arrays Lists; a number
// without '.' or exponent is an integer, any other a double converted with
// correct rounding, so that what kg writes reads back bit for bit; NaN,
// Infinity and -Infinity are accepted. Throws JsonSyntaxError on malformed
// text, a NUL byte, invalid UTF-8 in a string, a duplicate key in an object,
// nesting deeper than `max_depth`, an integer beyond 64 bits or a number too
// large for a double. Never recurses, whatever the nesting.
Value parse_json_value(std::string_view text, int max_depth = 256);

// "line:column" of a byte offset (1-based; the column counts bytes).
std::string line_column(std::string_view text, std::size_t offset);

}  // namespace kg
