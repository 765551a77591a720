// Loading node-link JSON: kg's strict loader against RapidJSON's bare DOM parse
// of the same file, which is the floor any RapidJSON-based loader stands on.
//   build/bench/bench_node_link_load [--benchmark_filter=...]
// KG_BENCH_RELATIONSHIPS sets the graph size (default 1,000,000).
#include <benchmark/benchmark.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "bench/synthetic_graph.h"
#include "graph/node_link_json.h"

namespace {

std::size_t relationship_target() {
  const char* env = std::getenv("KG_BENCH_RELATIONSHIPS");
  return env ? std::strtoull(env, nullptr, 10) : 1000000;
}

// The benchmark file, written once per process.
const std::string& graph_file() {
  static const std::string path = [] {
    std::string p = (std::filesystem::temp_directory_path() / "kg-bench-graph.json").string();
    kg::save_node_link(kg::bench::make_synthetic_graph(relationship_target()), p);
    return p;
  }();
  return path;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void BM_RapidJsonBareParse(benchmark::State& state) {
  std::string text = read_all(graph_file());
  for (auto _ : state) {
    auto doc = std::make_unique<rapidjson::Document>();
    std::string copy = read_all(graph_file());
    doc->Parse(copy.c_str(), copy.size());
    benchmark::DoNotOptimize(doc->HasParseError());
    state.PauseTiming();
    doc.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_KgLoadNodeLink(benchmark::State& state) {
  std::size_t bytes = std::filesystem::file_size(graph_file());
  std::size_t relationships = 0, memory = 0, nodes = 0;
  for (auto _ : state) {
    auto graph = std::make_unique<kg::PropertyGraph>(kg::load_node_link(graph_file()));
    // Counting and freeing the graph are not part of loading it.
    state.PauseTiming();
    relationships = graph->relationship_count();
    nodes = graph->node_count();
    memory = graph->memory_bytes();
    graph.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["relationships"] = static_cast<double>(relationships);
  state.counters["file_bytes_per_rel"] = static_cast<double>(bytes) / static_cast<double>(relationships);
  state.counters["memory_bytes_per_elem"] = static_cast<double>(memory) / static_cast<double>(relationships + nodes);
}

BENCHMARK(BM_RapidJsonBareParse)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_KgLoadNodeLink)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
