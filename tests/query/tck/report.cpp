#include "report.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <utility>

namespace kg::tck {
namespace {

struct Tally {
  int passed = 0;
  int total = 0;
};

std::string table_line(const std::string& name, const Tally& tally) {
  const double percent = tally.total == 0 ? 100.0 : 100.0 * tally.passed / tally.total;
  char line[160];
  std::snprintf(line, sizeof line, "  %-50s %5d / %-5d %6.1f%%\n", name.c_str(), tally.passed,
                tally.total, percent);
  return line;
}

// Blurs the specifics of a reason: quoted text becomes '…' and numbers N.
std::string blur(const std::string& reason) {
  std::string out;
  for (std::size_t i = 0; i < reason.size(); ++i) {
    const char c = reason[i];
    if (c == '\'' || c == '`' || c == '"') {
      const auto close = reason.find(c, i + 1);
      if (close != std::string::npos) {
        out += c;
        out += "…";
        out += c;
        i = close;
        continue;
      }
    }
    if (c >= '0' && c <= '9') {
      while (i + 1 < reason.size() && reason[i + 1] >= '0' && reason[i + 1] <= '9') ++i;
      out += 'N';
      continue;
    }
    out += c;
  }
  constexpr std::size_t max_length = 160;
  return out.size() > max_length ? out.substr(0, max_length) + "..." : out;
}

}  // namespace

void Report::add(ScenarioRecord record) { records_.push_back(std::move(record)); }

void Report::print_table(std::ostream& out) const {
  std::map<std::string, Tally> folders;
  Tally total, core;
  for (const auto& record : records_) {
    const int passed = record.outcome.passed ? 1 : 0;
    auto& folder = folders[record.folder];
    folder.passed += passed;
    ++folder.total;
    total.passed += passed;
    ++total.total;
    if (!record.folder.starts_with("expressions/temporal") &&
        !record.folder.starts_with("clauses/call")) {
      core.passed += passed;
      ++core.total;
    }
  }
  out << "  " << std::string(50, '-') << " passed / total\n";
  for (const auto& [name, tally] : folders) out << table_line(name, tally);
  out << table_line("total", total);
  out << table_line("total without expressions/temporal, clauses/call", core);
}

void Report::print_failures(std::ostream& out) const {
  std::map<std::string, std::vector<const ScenarioRecord*>> by_reason;
  for (const auto& record : records_) {
    if (record.outcome.passed) continue;
    out << "FAIL " << record.id << "\n     " << record.outcome.reason << '\n';
    by_reason[blur(record.outcome.reason)].push_back(&record);
  }
  std::vector<std::pair<std::string, std::vector<const ScenarioRecord*>>> ranked(by_reason.begin(),
                                                                                 by_reason.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  out << "\nFailure reasons, most frequent first (count, reason, first example):\n";
  for (const auto& [reason, records] : ranked) {
    out << "  " << records.size() << "  " << reason << "\n       e.g. " << records.front()->id
        << '\n';
  }
}

}  // namespace kg::tck
