#include "graph/export/csv_field.h"

namespace kg {

std::string csv_field(std::string_view text) {
  bool quote = text.empty() || text.front() == ' ' || text.back() == ' ' ||
               text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace kg
