// Fuzz target: any text given as a rule file (kg extract --rules) is either
// loaded or refused with RuleError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/rule_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kg::extract::RuleBook rules = kg::extract::RuleBook::built_in();
  try {
    rules.load(text, "fuzz.rules");
  } catch (const kg::extract::RuleError&) {
  }
  return 0;
}
