#include "cli/shell/statement_reader.h"

#include "cli/shell/cypher_scan.h"

namespace kg::cli::shell {

std::vector<std::string> StatementReader::add_line(std::string_view line) {
  if (!buffer_.empty()) buffer_ += '\n';
  buffer_ += line;

  std::vector<std::string> statements;
  CypherScan scan = scan_cypher(buffer_);
  std::size_t begin = 0;
  for (std::size_t end : scan.statement_ends) {
    std::string_view statement = std::string_view(buffer_).substr(begin, end - begin);
    if (!blank_cypher(statement)) statements.emplace_back(statement);
    begin = end + 1;
  }
  buffer_.erase(0, begin);
  if (blank_cypher(buffer_)) buffer_.clear();
  return statements;
}

std::optional<std::string> StatementReader::finish() {
  std::optional<std::string> last;
  if (!blank_cypher(buffer_)) last = buffer_;
  buffer_.clear();
  return last;
}

}  // namespace kg::cli::shell
