// Many articles to one graph: collects the inputs (files, folders of *.txt
// searched recursively, "-" for standard input), checks each (missing, empty,
// binary, invalid UTF-8), extracts them on N threads and merges the results
// in input order, so the graph does not depend on the thread count.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extract/merge.h"
#include "extract/rule_file.h"

namespace kg::extract {

// One article to read: a file path, or "-" for standard input.
struct Input {
  std::string name;  // as shown in messages and provenance
  std::string path;  // "-" for standard input
  // Whether the path was a regular file when listed (FileReader::read).
  bool regular_file = false;
};

// Files named by the arguments, folders expanded (sorted, recursive *.txt).
// A missing path or an unreadable folder adds a one-line message to `errors`.
std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, std::vector<std::string>& errors);

// The reason `bytes` is not an article ("empty file", "binary file", "invalid
// UTF-8 at byte N", larger than 16 MiB), or an empty string when it is one.
std::string check_article(std::string_view bytes);

struct CorpusOptions {
  std::string language = "auto";  // or a loaded language code
  unsigned threads = 1;
  // Called after each article with (done, total); from worker threads, serialised.
  std::function<void(std::size_t, std::size_t)> progress;
};

// What a run produced.
struct CorpusResult {
  GraphMerger merged;                 // take() it, or write it as node-link JSON without a PropertyGraph
  std::size_t articles = 0;           // articles extracted
  std::vector<std::string> errors;    // one line per failed input, naming it
};

// Extracts and merges `inputs`. Standard input is read once, before the workers start.
CorpusResult extract_corpus(const std::vector<Input>& inputs, const RuleBook& rules,
                            const CorpusOptions& options);

}  // namespace kg::extract
