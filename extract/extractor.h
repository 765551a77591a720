// The pipeline for one article: normalise, tokenise, split sentences, detect
// the language, find mentions, type them, resolve coreference, extract
// relations with their attributes. See docs/extraction.md.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// Runs every stage on one article. `language` is "auto" (detected) or the
// code of a loaded language. Precondition: `raw` is valid UTF-8.
// Throws RuleError when the language has no rules.
Document extract_document(const std::string& name, std::string_view raw, const RuleBook& rules,
                          const std::string& language = "auto");

// The same, into `doc`, which is emptied first: a worker that extracts many
// articles passes the same Document each time, and its vectors keep their
// room instead of being allocated and freed for every article. After a
// RuleError, `doc` holds a partial article, which the next call replaces.
void extract_document(const std::string& name, std::string_view raw, const RuleBook& rules,
                      const std::string& language, Document& doc);

}  // namespace kg::extract
