// One CSV field as RFC 4180 writes it.
#pragma once

#include <string>
#include <string_view>

namespace kg {

// `text` itself, or enclosed in double quotes with its quotes doubled when it
// holds a comma, a quote, a line break or a leading or trailing space, or is
// empty (so that an empty string is told apart from a missing value, which is
// an empty unquoted field).
std::string csv_field(std::string_view text);

}  // namespace kg
