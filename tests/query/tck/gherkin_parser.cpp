#include "gherkin_parser.h"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <utility>

namespace kg::tck {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Cells of a table row "| a | b \| c |": unescapes \| \\ \n and trims each cell.
std::vector<std::string> parse_row(std::string_view row) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {  // row[0] is the opening '|'
    const char c = row[i];
    if (c == '\\' && i + 1 < row.size()) {
      const char next = row[i + 1];
      if (next == '|' || next == '\\') {
        cell += next;
        ++i;
        continue;
      }
      if (next == 'n') {
        cell += '\n';
        ++i;
        continue;
      }
    }
    if (c == '|') {
      cells.emplace_back(trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  return cells;
}

// Replaces every <name> of the header by the row's value.
std::string substitute(std::string text, const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
  for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
    const std::string placeholder = "<" + header[i] + ">";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + row[i].size())) {
      text.replace(pos, placeholder.size(), row[i]);
    }
  }
  return text;
}

// Builds the Feature line by line.
class Parser {
 public:
  Feature parse(std::string_view text) {
    const auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      line_number_ = static_cast<int>(i) + 1;
      if (doc_delimiter_.empty()) {
        parse_line(lines[i]);
      } else {
        doc_line(lines[i]);
      }
    }
    if (!doc_delimiter_.empty()) fail("unterminated doc string");
    finish_scenario();
    return std::move(feature_);
  }

 private:
  enum class Block { None, Background, Scenario, Examples };

  // An Examples table of an outline with its own tags.
  struct Examples {
    std::vector<std::string> tags;
    DataTable table;
  };

  [[noreturn]] void fail(const std::string& message) const {
    throw GherkinError(std::to_string(line_number_) + ": " + message);
  }

  void parse_line(std::string_view raw) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') return;
    if (line.front() == '@') return add_tags(line);
    if (line.front() == '|') return add_row(line);
    if (line.starts_with("\"\"\"") || line.starts_with("```")) return open_doc(raw, line);
    if (header(line)) return;
    if (step(line)) return;
    // Free text is a description, allowed only between a header and its first step.
    if (!in_description_) fail("unexpected line: " + std::string(line));
  }

  void add_tags(std::string_view line) {
    while (!line.empty()) {
      const auto end = line.find_first_of(" \t");
      const std::string_view tag = line.substr(0, end);
      if (tag.front() == '#') break;  // a comment after the tags
      if (tag.size() > 1 && tag.front() == '@') pending_tags_.emplace_back(tag.substr(1));
      if (end == std::string_view::npos) break;
      line = trim(line.substr(end));
    }
  }

  void add_row(std::string_view line) {
    in_description_ = false;
    if (block_ == Block::Examples) {
      examples_.back().table.push_back(parse_row(line));
      return;
    }
    Step* last = last_step();
    if (last == nullptr) fail("table row outside a step");
    if (!last->table) last->table.emplace();
    last->table->push_back(parse_row(line));
  }

  void open_doc(std::string_view raw, std::string_view line) {
    if (last_step() == nullptr) fail("doc string outside a step");
    doc_delimiter_ = line.substr(0, 3);
    doc_indent_ = raw.find(doc_delimiter_);
    doc_lines_.clear();
  }

  void doc_line(std::string_view raw) {
    if (trim(raw) == doc_delimiter_) {
      std::string doc;
      for (std::size_t i = 0; i < doc_lines_.size(); ++i) {
        if (i > 0) doc += '\n';
        doc += doc_lines_[i];
      }
      last_step()->doc_string = std::move(doc);
      doc_delimiter_.clear();
      return;
    }
    // Strip the indentation of the opening delimiter, as Gherkin does.
    std::size_t strip = 0;
    while (strip < doc_indent_ && strip < raw.size() && raw[strip] == ' ') ++strip;
    doc_lines_.emplace_back(raw.substr(strip));
  }

  // Handles a "Keyword: name" line; false when the line is not a header.
  bool header(std::string_view line) {
    // The name after the first of `keywords` that starts the line.
    const auto named =
        [&](std::initializer_list<std::string_view> keywords) -> std::optional<std::string> {
      for (const std::string_view keyword : keywords) {
        if (line.starts_with(keyword)) return std::string(trim(line.substr(keyword.size())));
      }
      return std::nullopt;
    };
    if (auto name = named({"Feature:"})) {
      feature_.name = *name;
      feature_tags_ = std::exchange(pending_tags_, {});
      block_ = Block::None;
    } else if (named({"Background:"})) {
      finish_scenario();
      block_ = Block::Background;
      pending_tags_.clear();
    } else if (auto outline = named({"Scenario Outline:", "Scenario Template:"})) {
      start_scenario(*outline, true);
    } else if (auto plain = named({"Scenario:", "Example:"})) {
      start_scenario(*plain, false);
    } else if (named({"Examples:", "Scenarios:"})) {
      if (!is_outline_) fail("Examples outside a Scenario Outline");
      examples_.push_back({std::exchange(pending_tags_, {}), {}});
      block_ = Block::Examples;
    } else if (named({"Rule:"})) {
      fail("Rule is not supported");
    } else {
      return false;
    }
    in_description_ = true;
    return true;
  }

  // Handles a step line; false when the line is not a step.
  bool step(std::string_view line) {
    static constexpr std::array<std::string_view, 6> keywords = {"Given ", "When ", "Then ",
                                                                 "And ",   "But ",  "* "};
    for (const std::string_view keyword : keywords) {
      if (!line.starts_with(keyword)) continue;
      std::vector<Step>* steps = current_steps();
      if (steps == nullptr) fail("step outside a scenario");
      Step step;
      step.keyword = std::string(trim(keyword));
      step.text = std::string(trim(line.substr(keyword.size())));
      step.line = line_number_;
      steps->push_back(std::move(step));
      in_description_ = false;
      return true;
    }
    return false;
  }

  std::vector<Step>* current_steps() {
    if (block_ == Block::Background) return &background_;
    if (block_ == Block::Scenario) return &scenario_.steps;
    return nullptr;
  }

  Step* last_step() {
    std::vector<Step>* steps = current_steps();
    return steps == nullptr || steps->empty() ? nullptr : &steps->back();
  }

  void start_scenario(std::string name, bool outline) {
    finish_scenario();
    scenario_ = Scenario{};
    scenario_.name = std::move(name);
    scenario_.line = line_number_;
    scenario_.tags = feature_tags_;
    for (auto& tag : std::exchange(pending_tags_, {})) scenario_.tags.push_back(std::move(tag));
    is_outline_ = outline;
    examples_.clear();
    block_ = Block::Scenario;
  }

  // Emits the scenario being built (one per Examples row for an outline).
  void finish_scenario() {
    if (block_ != Block::Scenario && block_ != Block::Examples) return;
    block_ = Block::None;
    std::vector<Step> steps = background_;
    steps.insert(steps.end(), scenario_.steps.begin(), scenario_.steps.end());
    if (!is_outline_) {
      Scenario done = scenario_;
      done.steps = std::move(steps);
      feature_.scenarios.push_back(std::move(done));
      return;
    }
    int index = 0;
    for (const Examples& examples : examples_) {
      if (examples.table.empty()) continue;
      const auto& header = examples.table.front();
      for (std::size_t r = 1; r < examples.table.size(); ++r) {
        const auto& row = examples.table[r];
        Scenario done = scenario_;
        done.example_index = ++index;
        done.tags.insert(done.tags.end(), examples.tags.begin(), examples.tags.end());
        done.steps = steps;
        for (Step& step : done.steps) {
          step.text = substitute(step.text, header, row);
          if (step.doc_string) step.doc_string = substitute(*step.doc_string, header, row);
          if (step.table) {
            for (auto& cells : *step.table) {
              for (auto& cell : cells) cell = substitute(cell, header, row);
            }
          }
        }
        feature_.scenarios.push_back(std::move(done));
      }
    }
  }

  Feature feature_;
  std::vector<std::string> feature_tags_, pending_tags_;
  std::vector<Step> background_;
  Scenario scenario_;
  bool is_outline_ = false;
  std::vector<Examples> examples_;
  Block block_ = Block::None;
  bool in_description_ = false;
  int line_number_ = 0;
  // An open doc string: its delimiter (empty when none), indentation and lines so far.
  std::string doc_delimiter_;
  std::size_t doc_indent_ = 0;
  std::vector<std::string> doc_lines_;
};

}  // namespace

Feature parse_feature(std::string_view text) { return Parser().parse(text); }

}  // namespace kg::tck
