// Stage 4: language detection. Counts the function words of each loaded
// language (class FUNCTION_WORDS of its rule file) and picks the language with
// the most; the first language in sorted order wins ties.
#pragma once

#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// The detected language of `tokens`, e.g. "fr" or "en".
std::string detect_language(const std::vector<Token>& tokens, const RuleBook& rules);

}  // namespace kg::extract
