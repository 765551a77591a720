// A parser for the subset of Gherkin the openCypher TCK uses.
//
// Supported: Feature, Background, Scenario, Scenario Outline with one or more
// Examples tables, tags, comments, doc strings (""" or ```) and data tables.
// Scenario Outlines are expanded into one Scenario per Examples row, with the
// <placeholders> substituted in step texts, doc strings and table cells.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kg::tck {

// A malformed .feature file; the message starts with the 1-based line number.
class GherkinError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A data table: rows of cells, unescaped (\| \\ \n) and trimmed.
using DataTable = std::vector<std::vector<std::string>>;

// One Given/When/Then/And/But line with its optional doc string or table.
struct Step {
  std::string keyword;  // "Given", "When", "Then", "And", "But" or "*"
  std::string text;     // the rest of the line, trimmed
  std::optional<std::string> doc_string;
  std::optional<DataTable> table;
  int line = 0;
};

// A runnable scenario; the Background's steps come first.
struct Scenario {
  std::string name;               // as written, placeholders not substituted
  int example_index = 0;          // 1-based row of an outline's Examples; 0 for a plain Scenario
  std::vector<std::string> tags;  // without '@', including the feature's tags
  std::vector<Step> steps;
  int line = 0;
};

struct Feature {
  std::string name;
  std::vector<Scenario> scenarios;
};

// Parses the text of a .feature file; throws GherkinError.
Feature parse_feature(std::string_view text);

}  // namespace kg::tck
