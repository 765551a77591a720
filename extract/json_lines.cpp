#include "extract/json_lines.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <optional>
#include <thread>

#include "extract/extractor.h"
#include "extract/merge.h"
#include "graph/json_value_reader.h"
#include "graph/node_link_writer.h"
#include "graph/text_fold.h"

namespace kg::extract {

namespace {

bool is_iso_date(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(s.begin() + from, s.begin() + from + n, [](char c) { return c >= '0' && c <= '9'; });
  };
  bool year_month = s.size() >= 7 && digits(0, 4) && s[4] == '-' && digits(5, 2);
  return year_month && (s.size() == 7 || (s.size() == 10 && s[7] == '-' && digits(8, 2)));
}

// One line read from the stream, and what became of it.
struct Pending {
  std::size_t line_number = 0;
  std::string line;
  std::string graph_json;  // the article's graph, when extracted
  std::size_t entities = 0, relations = 0;
  std::string error;       // else why not
};

void extract_one(Pending& pending, const std::string& source, const RuleBook& rules, const std::string& language) {
  try {
    ArticleRecord record = parse_article_record(pending.line, source, pending.line_number);
    if (std::string why = check_article(record.text); !why.empty())
      throw RecordError(source + ":" + std::to_string(pending.line_number) + ": article '" + record.id +
                        "': " + (why == "empty file" ? "empty text" : why));
    Document doc = extract_document(record.id, record.text, rules, language);
    if (!record.date.empty()) doc.date = record.date;
    GraphMerger merger;
    merger.add(doc, *rules.find(doc.language));
    pending.entities = merger.node_count();
    pending.relations = merger.relationship_count();
    NodeLinkWriter out(NodeLinkLayout::kOneLine, [&](std::string_view chunk) { pending.graph_json += chunk; });
    merger.write_node_link(out);
  } catch (const std::exception& e) {
    pending.error = e.what();
  }
  pending.line.clear();
  pending.line.shrink_to_fit();
}

}  // namespace

ArticleRecord parse_article_record(std::string_view line, const std::string& source, std::size_t line_number) {
  std::string where = source + ":" + std::to_string(line_number);
  auto refuse = [&](std::size_t offset, const std::string& why) {
    throw RecordError(where + ":" + std::to_string(offset + 1) + ": " + why);
  };
  std::size_t bad = 0;
  if (!kg::valid_utf8(line, &bad)) refuse(bad, "invalid UTF-8");
  Value value;
  try {
    value = parse_json_value(line);
  } catch (const JsonSyntaxError& e) {
    refuse(e.offset(), e.what());
  }
  if (!value.is_map()) refuse(0, "expected an object {\"id\": ..., \"text\": ...}");
  const Map& fields = value.as_map();
  auto field = [&](const char* key) -> const Value* {
    auto it = fields.find(key);
    return it == fields.end() || it->second.is_null() ? nullptr : &it->second;
  };
  ArticleRecord record;
  const Value* id = field("id");
  if (id && id->is_string())
    record.id = id->as_string();
  else if (id && id->is_int())
    record.id = std::to_string(id->as_int());
  else
    refuse(0, "\"id\" must be a string or an integer");
  const Value* text = field("text");
  if (!text || !text->is_string()) refuse(0, "article '" + record.id + "': \"text\" must be a string");
  record.text = text->as_string();
  if (const Value* date = field("date")) {
    if (!date->is_string() || !is_iso_date(date->as_string()))
      refuse(0, "article '" + record.id + "': \"date\" must be a string YYYY-MM or YYYY-MM-DD");
    record.date = date->as_string();
  }
  return record;
}

JsonLinesResult extract_json_lines(std::istream& in, const std::string& source, const RuleBook& rules,
                                   const CorpusOptions& options,
                                   const std::function<void(const std::string&)>& emit) {
  const unsigned threads = std::max(1u, options.threads);
  const std::size_t batch_size = 64 * threads;
  JsonLinesResult result;
  std::size_t line_number = 0;
  std::vector<Pending> batch;
  std::string line;
  bool more = true;
  while (more) {
    batch.clear();
    while (batch.size() < batch_size && (more = static_cast<bool>(std::getline(in, line)))) {
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      batch.push_back({line_number, std::move(line), {}, 0, 0, {}});
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < batch.size(); i = next++) extract_one(batch[i], source, rules, options.language);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, batch.size()); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    for (Pending& pending : batch) {
      if (!pending.error.empty()) {
        result.errors.push_back(std::move(pending.error));
        continue;
      }
      emit(pending.graph_json);
      ++result.articles;
      result.entities += pending.entities;
      result.relations += pending.relations;
    }
  }
  return result;
}

}  // namespace kg::extract
