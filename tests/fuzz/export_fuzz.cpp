// Fuzz target: any graph that loads (from node-link JSON bytes) exports to
// every format, and each export reads back whole:
//  - neo4j-csv and Kùzu: every CSV file is well-formed RFC 4180 with as many
//    fields in each record as in its header, one record per node or
//    relationship;
//  - the Cypher script, run by kg's own engine, rebuilds as many nodes and
//    relationships;
//  - GraphML reads back (kg's reader) with as many nodes and relationships;
//  - Cytoscape.js elements are JSON;
//  - DOT is drawn.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graph/dot_writer.h"
#include "graph/export/cypher_script.h"
#include "graph/export/cytoscape.h"
#include "graph/export/graphml_reader.h"
#include "graph/export/graphml_writer.h"
#include "graph/export/kuzu.h"
#include "graph/export/neo4j_csv.h"
#include "graph/json_value_reader.h"
#include "graph/node_link_json.h"
#include "query/engine.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

// The records of an RFC 4180 text (each ended by a line break), after
// checking that every record has as many fields as the first one. Aborts on
// a quote left open or a quote inside an unquoted field.
std::size_t csv_records(std::string_view text) {
  std::size_t records = 0, fields = 1, header_fields = 0;
  bool quoted = false, field_start = true, after_quote = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c != '"') continue;
      if (i + 1 < text.size() && text[i + 1] == '"') {
        ++i;
        continue;
      }
      quoted = false;
      after_quote = true;
      continue;
    }
    if (c == '"') {
      require(field_start);
      quoted = true;
      field_start = false;
    } else if (c == ',') {
      ++fields;
      field_start = true;
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r') {
        require(i + 1 < text.size() && text[i + 1] == '\n');
        ++i;
      }
      if (records == 0) header_fields = fields;
      require(fields == header_fields);
      ++records;
      fields = 1;
      field_start = true;
      after_quote = false;
    } else {
      require(!after_quote);
      field_start = false;
    }
  }
  require(!quoted && field_start && fields == 1);  // the text ends with a line break
  return records;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void check_csv_files(const std::vector<kg::ExportFile>& files, std::size_t rows) {
  std::size_t seen = 0;
  for (const kg::ExportFile& file : files)
    if (ends_with(file.name, ".csv")) seen += csv_records(file.contents) - 1;  // the header
  require(seen == rows);
}

void check_cypher_script(const std::string& script, const kg::PropertyGraph& graph) {
  kg::PropertyGraph rebuilt;
  kg::query::Limits limits;
  limits.timeout = std::chrono::seconds(10);
  for (const std::string& statement : kg::query::split_statements(script))
    kg::query::run_statement(rebuilt, statement, {}, limits);  // a QueryError is a finding
  require(rebuilt.node_count() == graph.node_count());
  require(rebuilt.relationship_count() == graph.relationship_count());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kg::PropertyGraph graph;
  try {
    graph = kg::parse_node_link(text, "fuzz.json");
  } catch (const kg::LoadError&) {
    return 0;
  }
  std::size_t rows = graph.node_count() + graph.relationship_count();
  check_csv_files(kg::to_neo4j_csv(graph), rows);
  kg::neo4j_import_command(kg::to_neo4j_csv(graph), "/import");
  check_csv_files(kg::to_kuzu(graph, "/import"), rows);
  check_cypher_script(kg::to_cypher_script(graph), graph);
  kg::PropertyGraph from_graphml = kg::parse_graphml(kg::to_graphml(graph), "fuzz.graphml");
  require(from_graphml.node_count() == graph.node_count());
  require(from_graphml.relationship_count() == graph.relationship_count());
  kg::parse_json_value(kg::to_cytoscape(graph), 1024);  // deeper than the loader allows
  kg::to_dot(graph);
  return 0;
}
