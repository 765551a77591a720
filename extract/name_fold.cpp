#include "extract/name_fold.h"

#include "extract/latin1.h"
#include "graph/text_fold.h"

namespace kg::extract {

std::string fold_name(std::string_view text) {
  // Letters and digits are kept, lower-cased and without accents; every run
  // of other characters becomes one space between two kept ones.
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char folded = 0;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') folded = static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded = static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      folded = latin1_key(0xC0u + (static_cast<unsigned char>(text[i + 1]) & 0x3Fu));
      if (folded == 0) return kg::fold_key(text);
      ++i;
    } else {
      return kg::fold_key(text);
    }
    if (folded == 0) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += folded;
  }
  return out;
}

}  // namespace kg::extract
