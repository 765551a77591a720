#include "cli/result_format.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include "graph/literal_format.h"
#include "graph/text_fold.h"

namespace kg::cli {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                     rapidjson::CrtAllocator, rapidjson::kWriteNanAndInfFlag>;

void write_json(JsonWriter& w, const Value& v, const PropertyGraph& graph);

void write_json_map(JsonWriter& w, const Map& m, const PropertyGraph& graph) {
  w.StartObject();
  for (const auto& [k, e] : m) {
    w.Key(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
    write_json(w, e, graph);
  }
  w.EndObject();
}

void write_json_node(JsonWriter& w, NodeId id, const PropertyGraph& graph) {
  w.StartObject();
  w.Key("labels");
  w.StartArray();
  if (graph.has_node(id))
    for (const std::string& l : graph.labels(id)) w.String(l.c_str(), static_cast<rapidjson::SizeType>(l.size()));
  w.EndArray();
  w.Key("properties");
  write_json_map(w, graph.has_node(id) ? graph.node_properties(id) : Map{}, graph);
  w.EndObject();
}

void write_json_relationship(JsonWriter& w, RelId id, const PropertyGraph& graph) {
  w.StartObject();
  w.Key("type");
  std::string type = graph.has_relationship(id) ? graph.type(id) : "";
  w.String(type.c_str(), static_cast<rapidjson::SizeType>(type.size()));
  w.Key("properties");
  write_json_map(w, graph.has_relationship(id) ? graph.relationship_properties(id) : Map{}, graph);
  w.EndObject();
}

void write_json(JsonWriter& w, const Value& v, const PropertyGraph& graph) {
  switch (v.kind()) {
    case Value::Kind::Null: w.Null(); break;
    case Value::Kind::Bool: w.Bool(v.as_bool()); break;
    case Value::Kind::Int: w.Int64(v.as_int()); break;
    case Value::Kind::Float: w.Double(v.as_float()); break;
    case Value::Kind::String: w.String(v.as_string().c_str(), static_cast<rapidjson::SizeType>(v.as_string().size())); break;
    case Value::Kind::List:
      w.StartArray();
      for (const Value& e : v.as_list()) write_json(w, e, graph);
      w.EndArray();
      break;
    case Value::Kind::Map: write_json_map(w, v.as_map(), graph); break;
    case Value::Kind::Temporal: {
      std::string text = to_string(v.as_temporal());
      w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
      break;
    }
    case Value::Kind::Node: write_json_node(w, v.as_node().id, graph); break;
    case Value::Kind::Relationship: write_json_relationship(w, v.as_relationship().id, graph); break;
    case Value::Kind::Path: {
      const Path& p = v.as_path();
      w.StartArray();
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        write_json_node(w, p.nodes[i], graph);
        if (i < p.rels.size()) write_json_relationship(w, p.rels[i], graph);
      }
      w.EndArray();
      break;
    }
  }
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Tabs and line breaks inside a TSV cell would break the row; Cypher literal
// notation already escapes them inside strings, so only bare text needs this.
std::string tsv_field(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

// Cuts text to `width` terminal columns, ending with an ellipsis when cut.
std::string fit(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t len = 1;
    while (pos + len < text.size() && (static_cast<unsigned char>(text[pos + len]) & 0xC0) == 0x80) ++len;
    std::string next = out + text.substr(pos, len);
    if (display_width(next) + 1 > width) break;
    out = std::move(next);
    pos += len;
  }
  return out + "…";
}

std::string pad(const std::string& text, std::size_t width) {
  return text + std::string(width - std::min(width, display_width(text)), ' ');
}

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

std::string format_table(const query::Result& result, const PropertyGraph& graph, std::size_t max_width) {
  std::size_t columns = result.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) widths[c] = display_width(result.columns[c]);
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (std::size_t c = 0; c < columns; ++c) {
      line.push_back(format_literal(row[c], graph));
      widths[c] = std::max(widths[c], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  if (max_width > 0 && columns > 0) {
    // Borders take 3 columns per cell plus one; shrink the widest columns first.
    std::size_t budget = max_width > 3 * columns + 1 ? max_width - 3 * columns - 1 : columns * 4;
    std::size_t total = 0;
    for (std::size_t w : widths) total += w;
    while (total > budget) {
      auto widest = std::max_element(widths.begin(), widths.end());
      if (*widest <= 4) break;
      --*widest;
      --total;
    }
  }
  auto rule = [&](std::string_view left, std::string_view mid, std::string_view right) {
    std::string line(left);
    for (std::size_t c = 0; c < columns; ++c) {
      line += repeat("─", widths[c] + 2);
      line += c + 1 < columns ? mid : right;
    }
    return line + "\n";
  };
  auto row_line = [&](const std::vector<std::string>& values) {
    std::string line = "│";
    for (std::size_t c = 0; c < columns; ++c) line += " " + pad(fit(values[c], widths[c]), widths[c]) + " │";
    return line + "\n";
  };
  std::string out = rule("╭", "┬", "╮") + row_line(result.columns) + rule("├", "┼", "┤");
  for (const auto& line : cells) out += row_line(line);
  out += rule("╰", "┴", "╯");
  return out;
}

}  // namespace

std::optional<ResultFormat> parse_result_format(std::string_view name) {
  if (name == "table") return ResultFormat::Table;
  if (name == "tsv") return ResultFormat::Tsv;
  if (name == "csv") return ResultFormat::Csv;
  if (name == "json") return ResultFormat::Json;
  return std::nullopt;
}

std::string format_result(const query::Result& result, const PropertyGraph& graph, ResultFormat format,
                          std::size_t max_width) {
  std::string out;
  switch (format) {
    case ResultFormat::Table: return format_table(result, graph, max_width);
    case ResultFormat::Tsv:
    case ResultFormat::Csv: {
      bool csv = format == ResultFormat::Csv;
      auto field = [&](const std::string& text) { return csv ? csv_field(text) : tsv_field(text); };
      const char* separator = csv ? "," : "\t";
      const char* end = csv ? "\r\n" : "\n";
      for (std::size_t c = 0; c < result.columns.size(); ++c)
        out += (c ? separator : "") + field(result.columns[c]);
      out += end;
      for (const auto& row : result.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) out += (c ? separator : "") + field(format_literal(row[c], graph));
        out += end;
      }
      return out;
    }
    case ResultFormat::Json:
      for (const auto& row : result.rows) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        for (std::size_t c = 0; c < row.size(); ++c) {
          w.Key(result.columns[c].c_str(), static_cast<rapidjson::SizeType>(result.columns[c].size()));
          write_json(w, row[c], graph);
        }
        w.EndObject();
        out.append(buffer.GetString(), buffer.GetSize());
        out += '\n';
      }
      return out;
  }
  return out;
}

std::string summarize(const query::Result& result) {
  std::vector<std::string> parts;
  auto count = [&](std::int64_t n, const char* one, const char* many, const char* verb) {
    if (n > 0) parts.push_back(std::to_string(n) + " " + (n == 1 ? one : many) + " " + verb);
  };
  const query::Stats& s = result.stats;
  count(s.nodes_created, "node", "nodes", "created");
  count(s.nodes_deleted, "node", "nodes", "deleted");
  count(s.relationships_created, "relationship", "relationships", "created");
  count(s.relationships_deleted, "relationship", "relationships", "deleted");
  count(s.labels_added, "label", "labels", "added");
  count(s.labels_removed, "label", "labels", "removed");
  count(s.properties_set, "property", "properties", "set");
  count(s.properties_removed, "property", "properties", "removed");
  if (result.returns_rows) {
    std::size_t n = result.rows.size();
    parts.insert(parts.begin(), std::to_string(n) + (n == 1 ? " row" : " rows"));
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace kg::cli
