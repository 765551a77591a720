// `kg extract`: articles to one knowledge graph (../shared/spec/cli.md). The
// work is in extract/corpus.h; this file only maps options and reports.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "extract/corpus.h"
#include "extract/json_lines.h"
#include "extract/rule_file.h"
#include "graph/atomic_file.h"
#include "graph/node_link_writer.h"

namespace kg::cli {

namespace {

struct ExtractOptions {
  std::string language = "auto";
  std::vector<std::string> rule_files;
  std::string output;
  // One per CPU: the graph is the same whatever the number.
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  bool json_lines = false;
  bool timing = false;
  std::vector<std::string> inputs;
};

// --timing: how long each stage of a run took, printed on standard error as
// one line after the summary, "Time: rules 9.1 ms, listing 41.0 ms, ...".
// Stages are timed back to back from the start of the run.
class StageTimes {
 public:
  explicit StageTimes(std::chrono::steady_clock::time_point started) : last_(started) {}

  // Ends the stage named `name`, begun where the previous one ended.
  void end(const char* name) {
    auto now = std::chrono::steady_clock::now();
    char stage[64];
    std::snprintf(stage, sizeof stage, "%s%s %.1f ms", line_.empty() ? "" : ", ", name,
                  std::chrono::duration<double, std::milli>(now - last_).count());
    line_ += stage;
    last_ = now;
  }

  void print() const { std::cerr << "Time: " << line_ << '\n'; }

 private:
  std::chrono::steady_clock::time_point last_;
  std::string line_;
};

// Freeing a large merged graph takes about as long as writing it, and the
// process ends once it is written: the graph is left to the operating system,
// kept reachable from here so that LeakSanitizer does not count it a leak
// (volatile: the store must not be optimised away).
extract::CorpusResult* volatile left_to_exit = nullptr;

// A one-line progress bar redrawn in place: [#####     ] 12/40
void draw_progress(std::size_t done, std::size_t total) {
  constexpr std::size_t kWidth = 30;
  std::size_t filled = total ? done * kWidth / total : kWidth;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << done << '/'
            << total << (done == total ? "\r\x1b[K" : "") << std::flush;
}

void print_summary(std::size_t articles, std::size_t entities, std::size_t relations,
                   std::chrono::steady_clock::time_point started) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char summary[160];
  std::snprintf(summary, sizeof summary, "%zu articles, %zu entities, %zu relations, %.2f s", articles, entities,
                relations, seconds);
  std::cerr << "kg extract: " << summary << '\n';
}

// --jsonl: records from standard input (or the named files), one graph per
// output line. Standard output streams; -o is written only if every record
// was extracted, like a whole-graph run.
int run_json_lines(const ExtractOptions& opt, const extract::RuleBook& rules,
                   std::chrono::steady_clock::time_point started, StageTimes& times) {
  extract::CorpusOptions options;
  options.language = opt.language;
  options.threads = std::max(1u, opt.threads);
  bool to_stdout = opt.output.empty() || opt.output == "-";
  std::string buffered;
  std::size_t entities = 0, relations = 0;
  auto emit = [&](const std::string& graph_json) {
    if (to_stdout) {
      std::cout << graph_json << '\n';
    } else {
      buffered += graph_json;
      buffered += '\n';
    }
  };
  std::vector<std::string> errors;
  std::size_t articles = 0;
  std::vector<std::string> sources = opt.inputs.empty() ? std::vector<std::string>{"-"} : opt.inputs;
  for (const std::string& source : sources) {
    std::ifstream file;
    if (source != "-") {
      file.open(source, std::ios::binary);
      if (!file) {
        errors.push_back(source + ": cannot read file");
        continue;
      }
    }
    std::istream& in = source == "-" ? std::cin : file;
    extract::JsonLinesResult result =
        extract::extract_json_lines(in, source == "-" ? "<stdin>" : source, rules, options, emit);
    articles += result.articles;
    entities += result.entities;
    relations += result.relations;
    errors.insert(errors.end(), result.errors.begin(), result.errors.end());
  }
  for (const std::string& e : errors) std::cerr << "kg extract: " << e << '\n';
  bool ok = errors.empty();
  if (!to_stdout) {
    if (ok) {
      try {
        write_file_atomically(opt.output, buffered);
      } catch (const std::exception& e) {
        std::cerr << "kg extract: " << e.what() << '\n';
        ok = false;
      }
    } else {
      std::cerr << "kg extract: " << opt.output << " not written because some records failed\n";
    }
  }
  times.end("extraction and writing");
  print_summary(articles, entities, relations, started);
  if (opt.timing) times.print();
  return ok ? kExitOk : kExitFailure;
}

// The merged graph as node-link JSON to `output` (standard output when empty
// or "-"), streamed without building a PropertyGraph, formatted on `threads`
// threads. A file is replaced atomically, only once complete.
void write_graph(const extract::GraphMerger& merged, const std::string& output, unsigned threads) {
  if (output.empty() || output == "-") {
    NodeLinkWriter out(NodeLinkLayout::kLinePerItem,
                       [](std::string_view chunk) { std::cout.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); });
    merged.write_node_link(out, threads);
    std::cout.flush();
    return;
  }
  AtomicFile file(output);
  NodeLinkWriter out(NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { file.write(chunk); });
  merged.write_node_link(out, threads);
  file.commit();
}

int run_extract(const ExtractOptions& opt) {
  auto started = std::chrono::steady_clock::now();
  StageTimes times(started);
  extract::RuleBook rules;
  try {
    rules = extract::RuleBook::built_in();
    for (const std::string& file : opt.rule_files) rules.load_file(file);
  } catch (const extract::RuleError& e) {
    std::cerr << "kg extract: " << e.what() << '\n';
    return kExitUsage;
  }
  if (opt.language != "auto" && !rules.find(opt.language)) {
    std::cerr << "kg extract: no rules for language '" << opt.language << "'\n";
    return kExitUsage;
  }
  times.end("rules");
  if (opt.json_lines) return run_json_lines(opt, rules, started, times);
  std::vector<std::string> errors;
  std::vector<extract::Input> inputs = extract::collect_inputs(opt.inputs, errors);
  times.end("listing");
  extract::CorpusOptions options;
  options.language = opt.language;
  options.threads = std::max(1u, opt.threads);
  constexpr std::size_t kManyInputs = 20;
  if (isatty(STDERR_FILENO) && inputs.size() >= kManyInputs) options.progress = draw_progress;
  extract::CorpusResult result = extract::extract_corpus(inputs, rules, options);
  times.end("extraction");
  errors.insert(errors.end(), result.errors.begin(), result.errors.end());
  for (const std::string& e : errors) std::cerr << "kg extract: " << e << '\n';

  bool ok = errors.empty();
  if (ok) {
    try {
      write_graph(result.merged, opt.output, options.threads);
    } catch (const std::exception& e) {
      std::cerr << "kg extract: " << e.what() << '\n';
      ok = false;
    }
  } else if (!opt.output.empty()) {
    std::cerr << "kg extract: " << opt.output << " not written because some inputs failed\n";
  }
  times.end("writing");
  print_summary(result.articles, result.merged.node_count(), result.merged.relationship_count(), started);
  if (opt.timing) times.print();
  left_to_exit = new extract::CorpusResult(std::move(result));
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_status) {
  auto opt = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract a knowledge graph from news articles");
  cmd->add_option("--lang", opt->language, "Article language: auto, fr or en")
      ->check(CLI::IsMember({"auto", "fr", "en"}));
  cmd->add_option("--rules", opt->rule_files, "Extra rule file (repeatable; see docs/extraction.md)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opt->output, "Write the graph (node-link JSON) here instead of stdout");
  cmd->add_option("--threads", opt->threads, "Worker threads (default: one per CPU)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--timing", opt->timing,
                "After the summary, print how long each stage took (rules, listing, extraction, writing)");
  cmd->add_flag("--jsonl", opt->json_lines,
                "Read JSON Lines records {\"id\", \"text\", \"date\"} (standard input by default) and write one "
                "graph per line");
  cmd->add_option("inputs", opt->inputs,
                  "Article files, folders of *.txt, or - for standard input (with --jsonl: JSON Lines files)");
  cmd->footer(
      "Examples:\n"
      "  kg extract samples/ -o out/graph.json\n"
      "  kg extract --jsonl --threads 8 < shard-0001.jsonl > graphs-0001.jsonl\n"
      "  kg merge graphs-*.jsonl -o all.json");
  cmd->callback([opt, cmd, &exit_status] {
    if (opt->inputs.empty() && !opt->json_lines)
      throw CLI::RequiredError(cmd->get_name() + ": INPUT (an article, a folder or -)");
    exit_status = run_extract(*opt);
  });
}

}  // namespace kg::cli
