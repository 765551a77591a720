// Articles as JSON Lines, for batch engines (Spark, Beam, GNU parallel): one
// object per input line, {"id": ..., "text": ..., "date": ...}, and one graph
// per output line, so that a corpus of millions of articles is extracted in
// shards and merged afterwards with `kg merge`.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "extract/corpus.h"
#include "extract/rule_file.h"

namespace kg::extract {

// One article of a JSON Lines stream.
struct ArticleRecord {
  std::string id;    // the document's name in provenance; a JSON string or integer
  std::string text;  // the article, as a .txt file would hold it
  std::string date;  // "YYYY-MM" or "YYYY-MM-DD"; overrides a date line in `text`; may be empty
};

// A line that is not an article record. `what()` is one line:
// "SOURCE:LINE:COLUMN: reason" (the column counts bytes, from 1).
class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses one line. Unknown keys are ignored; "id" and "text" are required.
// Throws RecordError naming `source` and `line_number`.
ArticleRecord parse_article_record(std::string_view line, const std::string& source, std::size_t line_number);

// What a JSON Lines run produced.
struct JsonLinesResult {
  std::size_t articles = 0;         // records extracted
  std::size_t entities = 0;         // nodes, summed over the articles' graphs
  std::size_t relations = 0;        // relationships, likewise
  std::vector<std::string> errors;  // one line per refused record
};

// Reads records from `in` until its end and calls `emit` with each article's
// graph as one line of node-link JSON (no newline), in input order. Blank
// lines are skipped; a refused record is reported in the result and skipped.
// Records are read in batches extracted on `options.threads` threads, so
// memory is bounded by the batch, whatever the length of the stream.
JsonLinesResult extract_json_lines(std::istream& in, const std::string& source, const RuleBook& rules,
                                   const CorpusOptions& options,
                                   const std::function<void(const std::string&)>& emit);

}  // namespace kg::extract
