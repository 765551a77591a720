// The rule files of extract/rules/, compiled into the program by CMake
// (extract/embed_rules.cmake writes the definition).
#pragma once

#include <string_view>
#include <vector>

namespace kg::extract {

// One embedded rule file.
struct BuiltInRuleFile {
  std::string_view name;  // "rules/fr.rules"
  std::string_view text;
};

// In load order: common.rules first, then one file per language.
const std::vector<BuiltInRuleFile>& built_in_rule_files();

}  // namespace kg::extract
