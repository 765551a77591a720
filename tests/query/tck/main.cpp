// kg_tck: runs the openCypher TCK (features/**/*.feature) against kg's query
// engine, prints passes per feature folder, and fails when a scenario listed
// in passing.txt no longer passes.
//
//   kg_tck [--filter TEXT] [--verbose] [--list-failures] [--update]
//
// The TCK is read from $KG_TCK_DIR, else from the directory given at build
// time (../shared/tck next to the source tree). When it is absent the program
// says so and exits with kSkipCode, which CTest reports as skipped.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gherkin_parser.h"
#include "passing_list.h"
#include "report.h"
#include "sandbox.h"
#include "scenario_runner.h"

namespace fs = std::filesystem;
using namespace kg::tck;

namespace {

constexpr int kSkipCode = 77;  // the test's SKIP_RETURN_CODE in CMakeLists.txt

fs::path tck_directory() {
  if (const char* env = std::getenv("KG_TCK_DIR"); env != nullptr && *env != '\0') return env;
  return KG_TCK_DEFAULT_DIR;
}

std::vector<fs::path> feature_files(const fs::path& features) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(features)) {
    if (entry.is_regular_file() && entry.path().extension() == ".feature") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has_tag(const Scenario& scenario, const std::string& tag) {
  return std::find(scenario.tags.begin(), scenario.tags.end(), tag) != scenario.tags.end();
}

// Options of one run.
struct Options {
  std::string filter;
  bool verbose = false, list_failures = false, update = false, in_process = false;
  int timeout_seconds = 10;
  std::string passing_file = KG_TCK_PASSING_FILE;
};

// Runs every selected scenario of the TCK at `tck`. Returns false when a
// feature file could not be parsed.
bool run_all(const fs::path& tck, const Options& options, Report& report) {
  const ScenarioRunner runner(tck, std::chrono::seconds(options.timeout_seconds));
  // A scenario runs several statements; its child gets a generous deadline.
  const auto deadline = std::chrono::seconds(6 * options.timeout_seconds);
  int ignored = 0;
  bool parsed_all = true;
  for (const fs::path& file : feature_files(tck / "features")) {
    const std::string relative = fs::relative(file, tck / "features").generic_string();
    Feature feature;
    try {
      feature = parse_feature(read_file(file));
    } catch (const GherkinError& e) {
      std::cout << "error: " << relative << ":" << e.what() << '\n';
      parsed_all = false;
      continue;
    }
    for (const Scenario& scenario : feature.scenarios) {
      std::string id = relative + ":" + scenario.name;
      if (scenario.example_index > 0) id += " #" + std::to_string(scenario.example_index);
      if (id.find(options.filter) == std::string::npos) continue;
      if (has_tag(scenario, "ignore")) {
        ++ignored;
        continue;
      }
      Outcome outcome = options.in_process
                            ? runner.run(scenario)
                            : run_isolated([&] { return runner.run(scenario); }, deadline);
      if (options.verbose && !outcome.passed) {
        std::cout << "FAIL " << id << "\n  " << outcome.reason << '\n' << outcome.details << '\n';
      }
      report.add({id, fs::path(relative).parent_path().generic_string(), std::move(outcome)});
    }
  }
  if (ignored > 0) std::cout << ignored << " scenarios tagged @ignore were not run\n";
  return parsed_all;
}

// Compares the run with the passing list, or rewrites the list (--update).
// Returns false when a listed scenario failed.
bool check_passing_list(const Options& options, const Report& report) {
  const std::set<std::string> listed = read_passing_list(options.passing_file);
  // A filtered run keeps the entries of the scenarios it did not run.
  std::set<std::string> passing = options.filter.empty() ? std::set<std::string>{} : listed;
  std::vector<std::string> regressions;
  for (const auto& record : report.records()) {
    if (record.outcome.passed) {
      passing.insert(record.id);
    } else {
      passing.erase(record.id);
      if (listed.count(record.id) > 0) regressions.push_back(record.id);
    }
  }
  if (options.update) {
    write_passing_list(options.passing_file, passing);
    std::cout << "wrote " << passing.size() << " passing scenarios to " << options.passing_file
              << '\n';
    return true;
  }
  if (!regressions.empty()) {
    std::cout << '\n'
              << regressions.size() << " scenarios listed in " << options.passing_file
              << " now fail:\n";
    constexpr std::size_t max_listed = 100;
    for (std::size_t i = 0; i < regressions.size() && i < max_listed; ++i) {
      std::cout << "  " << regressions[i] << '\n';
    }
    if (regressions.size() > max_listed) {
      std::cout << "  ... and " << regressions.size() - max_listed << " more\n";
    }
  }
  return regressions.empty();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Runs the openCypher TCK against kg's query engine."};
  Options options;
  app.add_option("--filter", options.filter, "Run only scenarios whose id contains this text");
  app.add_flag("--verbose", options.verbose, "Show each failure with expected and actual values");
  app.add_flag("--list-failures", options.list_failures,
               "List failing scenarios and the most frequent failure reasons");
  app.add_flag("--update", options.update, "Rewrite the passing list from this run");
  app.add_flag("--in-process", options.in_process,
               "Run scenarios in this process, not in a child each (for debuggers)");
  app.add_option("--timeout", options.timeout_seconds, "Time limit of each statement, in seconds");
  app.add_option("--passing", options.passing_file, "The list of scenarios expected to pass");
  CLI11_PARSE(app, argc, argv);

  const fs::path tck = tck_directory().lexically_normal();
  if (!fs::is_directory(tck / "features")) {
    std::cout << "TCK not found at " << tck.string() << ", skipping\n";
    return kSkipCode;
  }

  Report report;
  const bool parsed_all = run_all(tck, options, report);
  std::cout << "openCypher TCK at " << tck.string() << '\n';
  report.print_table(std::cout);
  if (options.list_failures) {
    std::cout << '\n';
    report.print_failures(std::cout);
  }
  const bool no_regressions = check_passing_list(options, report);
  return parsed_all && no_regressions ? 0 : 1;
}
