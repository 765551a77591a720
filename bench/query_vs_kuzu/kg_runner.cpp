// The kg side of the kg-vs-Kùzu benchmark, driven by run.js over a pipe.
//   query_vs_kuzu_kg_runner GRAPH.json
// Loads the graph, prints {"load_ms": X}, then answers one line per request
// read from standard input:
//   TIME <statement on one line>  ->  {"ms": X, "cpu_ms": C}
//   ROWS <statement on one line>  ->  {"ms": X, "cpu_ms": C, "columns": [...], "rows": [[...], ...]}
// or {"error": "..."} when the statement fails. X is the wall-clock time of
// kg::query::run_statement alone: parse, plan and run, rows produced as values,
// nothing printed (what `kg query --timing` reports); C is the CPU time it took.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <string>

#include "graph/node_link_json.h"
#include "query/engine.h"

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_value(Writer& out, const kg::Value& v) {
  if (v.is_null()) {
    out.Null();
  } else if (v.is_bool()) {
    out.Bool(v.as_bool());
  } else if (v.is_int()) {
    out.Int64(v.as_int());
  } else if (v.is_float()) {
    out.Double(v.as_float());
  } else if (v.is_string()) {
    out.String(v.as_string().c_str(), static_cast<rapidjson::SizeType>(v.as_string().size()));
  } else if (v.is_list()) {
    out.StartArray();
    for (const kg::Value& item : v.as_list()) write_value(out, item);
    out.EndArray();
  } else {
    // Nodes, relationships, maps and paths print differently in each engine:
    // the benchmark's queries return only scalars and lists.
    out.String(std::string(v.type_name()).c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: query_vs_kuzu_kg_runner GRAPH.json\n";
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  auto milliseconds = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };

  auto load_start = Clock::now();
  kg::PropertyGraph graph = kg::load_node_link(argv[1]);
  std::cout << "{\"load_ms\": " << milliseconds(Clock::now() - load_start) << "}" << std::endl;

  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.size() < 5) continue;
    bool with_rows = line.starts_with("ROWS ");
    std::string statement = line.substr(5);
    rapidjson::StringBuffer buffer;
    Writer out(buffer);
    out.StartObject();
    try {
      auto start = Clock::now();
      std::clock_t cpu_start = std::clock();
      kg::query::Result result = kg::query::run_statement(graph, statement);
      double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
      double ms = milliseconds(Clock::now() - start);
      out.Key("ms");
      out.Double(ms);
      out.Key("cpu_ms");
      out.Double(cpu_ms);
      if (with_rows) {
        out.Key("columns");
        out.StartArray();
        for (const std::string& column : result.columns) out.String(column.c_str());
        out.EndArray();
        out.Key("rows");
        out.StartArray();
        for (const auto& row : result.rows) {
          out.StartArray();
          for (const kg::Value& v : row) write_value(out, v);
          out.EndArray();
        }
        out.EndArray();
      }
    } catch (const std::exception& e) {
      out.Key("error");
      out.String(e.what());
    }
    out.EndObject();
    std::cout << buffer.GetString() << std::endl;
  }
  return 0;
}
