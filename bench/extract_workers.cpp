// CPU time of the per-article stages of `kg extract` alone (what the worker
// threads do: normalise, tokenise, ... extract relations), without reading
// files, merging or writing: every article is read into memory first, then
// extracted once per round on this thread. Prints MB per CPU-second of the
// best round, and a count of entities and relations so that a faster build
// giving other results shows up.
//
//   bench_extract_workers [--rounds N] [--limit ARTICLES] DIR_OR_FILE...
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rule_file.h"

namespace {

struct Article {
  std::string name;
  std::string text;
};

// Files named on the command line, folders searched recursively for *.txt, sorted.
std::vector<Article> read_articles(const std::vector<std::string>& paths, std::size_t limit) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path().string());
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.size() > limit) files.resize(limit);
  std::vector<Article> articles;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    articles.push_back({file, text.str()});
  }
  return articles;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t rounds = 3, limit = static_cast<std::size_t>(-1);
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) rounds = std::strtoul(argv[++i], nullptr, 10);
    else if (arg == "--limit" && i + 1 < argc) limit = std::strtoul(argv[++i], nullptr, 10);
    else paths.push_back(arg);
  }
  if (paths.empty() || rounds == 0) {
    std::fprintf(stderr, "usage: bench_extract_workers [--rounds N] [--limit ARTICLES] DIR_OR_FILE...\n");
    return 1;
  }
  try {
    std::vector<Article> articles = read_articles(paths, limit);
    std::size_t bytes = 0;
    for (const Article& a : articles) bytes += a.text.size();
    kg::extract::RuleBook rules = kg::extract::RuleBook::built_in();
    double best = 0;
    std::size_t entities = 0, relations = 0;
    for (std::size_t round = 0; round < rounds; ++round) {
      entities = relations = 0;
      double start = cpu_seconds();
      for (const Article& a : articles) {
        kg::extract::Document doc = kg::extract::extract_document(a.name, a.text, rules);
        entities += doc.entities.size();
        relations += doc.relations.size();
      }
      double seconds = cpu_seconds() - start;
      if (round == 0 || seconds < best) best = seconds;
    }
    std::printf("%zu articles, %.2f MB: %zu entities, %zu relations; best of %zu rounds %.3f CPU-s, %.2f MB/CPU-s\n",
                articles.size(), static_cast<double>(bytes) / 1e6, entities, relations, rounds, best,
                static_cast<double>(bytes) / 1e6 / best);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_extract_workers: %s\n", e.what());
    return 1;
  }
  return 0;
}
