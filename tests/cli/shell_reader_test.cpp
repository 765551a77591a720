// Unit tests of how the shell cuts typed lines into statements
// (cli/shell/cypher_scan.h, cli/shell/statement_reader.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "cli/shell/cypher_scan.h"
#include "cli/shell/statement_reader.h"

using kg::cli::shell::blank_cypher;
using kg::cli::shell::CypherScan;
using kg::cli::shell::Inside;
using kg::cli::shell::one_line;
using kg::cli::shell::scan_cypher;
using kg::cli::shell::StatementReader;
using Statements = std::vector<std::string>;

TEST_CASE("a statement ends at a ';' outside strings, names and comments") {
  StatementReader reader;
  CHECK(reader.add_line("RETURN 'a;b' AS `x;y`, \"c\\\";\" AS z // d;") == Statements{});
  CHECK(reader.pending());
  CHECK(reader.add_line("/* e; */ ;") == Statements{"RETURN 'a;b' AS `x;y`, \"c\\\";\" AS z // d;\n/* e; */ "});
  CHECK_FALSE(reader.pending());
}

TEST_CASE("statements may span lines, and several may share one") {
  StatementReader reader;
  CHECK(reader.add_line("MATCH (n)") == Statements{});
  CHECK(reader.pending_text() == "MATCH (n)");
  CHECK(reader.add_line("RETURN n; RETURN 1;  RETURN") == Statements{"MATCH (n)\nRETURN n", " RETURN 1"});
  CHECK(reader.pending_text() == "  RETURN");
  CHECK(reader.finish() == std::optional<std::string>("  RETURN"));
  CHECK_FALSE(reader.pending());
}

TEST_CASE("blank statements and bare comments are dropped") {
  StatementReader reader;
  CHECK(reader.add_line(" ; // only a comment") == Statements{});
  CHECK_FALSE(reader.pending());
  CHECK(reader.add_line("/* a comment") == Statements{});
  CHECK(reader.pending());  // the comment is still open
  CHECK(reader.add_line("ends here */") == Statements{});
  CHECK_FALSE(reader.pending());
  CHECK_FALSE(reader.finish());
}

TEST_CASE("the scan tells what the end of the text is inside") {
  CHECK(scan_cypher("MATCH (n {name: 'Soft").inside == Inside::SingleQuoted);
  CHECK(scan_cypher("MATCH (n {name: 'Soft").quote_start == 16);
  CHECK(scan_cypher("MATCH (n:Per").open_bracket == '(');
  CHECK(scan_cypher("MATCH (n)-[:INV").open_bracket == '[');
  CHECK(scan_cypher("MATCH (n)-[r]->(m); RETURN 1").open_bracket == 0);
  CHECK(scan_cypher("RETURN 1 // note").inside == Inside::LineComment);
  CHECK(scan_cypher("RETURN 1 /* note").inside == Inside::BlockComment);
  CHECK(blank_cypher("  // x\n /* y */ "));
  CHECK_FALSE(blank_cypher("'"));
}

TEST_CASE("a multi-line statement becomes one history line") {
  CHECK(one_line("MATCH (n) // who\n  WHERE n.x = 'a\nb'\n  RETURN n") == "MATCH (n) WHERE n.x = 'a\nb' RETURN n");
  CHECK(one_line("\n  RETURN 1 ") == "RETURN 1");
}
