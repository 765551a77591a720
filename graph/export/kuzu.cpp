#include "graph/export/kuzu.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "graph/export/csv_field.h"
#include "graph/export/property_columns.h"

namespace kg {

namespace {

// Characters tried, in order, as the element separator of a string list column.
const char* const kSeparators[] = {"|", "^", "~", "\xc2\xa6" /* ¦ */, "\xc2\xa7" /* § */, "\xc2\xa4" /* ¤ */};

std::string kuzu_type(const Column& c) {
  std::string t;
  switch (c.type) {
    case ScalarType::Bool: t = "BOOLEAN"; break;
    case ScalarType::Int: t = "INT64"; break;
    case ScalarType::Float: t = "DOUBLE"; break;
    case ScalarType::String: t = "STRING"; break;
  }
  return c.is_list ? t + "[]" : t;
}

// An identifier in backquotes, backquotes doubled.
std::string quoted_name(const std::string& name) {
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

// A Cypher string literal for Kùzu: single quotes, \ and ' escaped.
std::string string_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// One table's columns, with the separator of each string list column.
struct TableColumns {
  std::vector<Column> columns;
  std::vector<std::string> separators;  // "" for columns that are not string lists
};

TableColumns table_columns(const std::vector<const Map*>& maps) {
  TableColumns t{infer_columns(maps), {}};
  for (const Column& c : t.columns) {
    std::string chosen;
    if (c.is_list && c.type == ScalarType::String) {
      for (const char* candidate : kSeparators) {
        bool clash = false;
        for (const Map* m : maps) {
          auto it = m->find(c.key);
          if (it == m->end()) continue;
          for (const Value& e : it->second.as_list())
            if (e.as_string().find(candidate) != std::string::npos) clash = true;
        }
        if (!clash) {
          chosen = candidate;
          break;
        }
      }
      if (chosen.empty()) chosen = "\x1f";
    }
    t.separators.push_back(chosen);
  }
  return t;
}

std::string field(const Value& raw, const Column& c, const std::string& separator) {
  Value v = column_value(raw, c);
  if (!separator.empty()) {
    std::string text;
    for (const Value& e : v.as_list()) text += e.as_string() + separator;
    return csv_field(text.empty() ? separator : text);
  }
  if (c.is_list) {
    std::string text = "[";
    for (std::size_t i = 0; i < v.as_list().size(); ++i) {
      const Value& e = v.as_list()[i];
      text += (i ? "," : "") + (e.is_float() && !std::isfinite(e.as_float()) ? "" : scalar_text(e));
    }
    return csv_field(text + "]");
  }
  if (v.is_float() && !std::isfinite(v.as_float())) return "";
  return csv_field(scalar_text(v));
}

std::string row_tail(const Map& properties, const TableColumns& t) {
  std::string out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    out += ',';
    auto it = properties.find(t.columns[i].key);
    if (it != properties.end()) out += field(it->second, t.columns[i], t.separators[i]);
  }
  return out;
}

std::string header_tail(const TableColumns& t) {
  std::string out;
  for (const Column& c : t.columns) out += "," + csv_field(c.key);
  return out;
}

std::string column_definitions(const TableColumns& t) {
  std::string out;
  for (const Column& c : t.columns) out += ", " + quoted_name(c.key) + " " + kuzu_type(c);
  return out;
}

// COPY through LOAD FROM, so that string lists can be split: the CSV columns
// are read as c0, c1, ... (`leading` of them before the properties, of type
// `leading_type`) and returned in table order.
std::string copy_statement(const std::string& table, const std::string& path, const std::string& leading_type,
                           int leading, const TableColumns& t, const std::string& options) {
  std::string types, returned;
  int n = 0;
  auto add = [&](const std::string& type, const std::string& expression) {
    types += (n ? ", c" : "c") + std::to_string(n) + " " + type;
    returned += (n ? ", " : "") + expression;
    ++n;
  };
  for (int i = 0; i < leading; ++i) add(leading_type, "c" + std::to_string(n));
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    std::string name = "c" + std::to_string(n);
    if (t.separators[i].empty()) {
      add(kuzu_type(t.columns[i]), name);
    } else {
      std::string split = "string_split(" + name + ", " + string_literal(t.separators[i]) + ")";
      add("STRING", "list_slice(" + split + ", 1, size(" + split + ") - 1)");
    }
  }
  return "COPY " + quoted_name(table) + " FROM (LOAD WITH HEADERS (" + types + ") FROM " + string_literal(path) +
         " (HEADER=true, QUOTE='\"', ESCAPE='\"', PARALLEL=false) RETURN " + returned + ")" + options + ";\n";
}

// A primary key column name no property of the table uses.
std::string key_column(const TableColumns& t) {
  std::string name = "kg_id";
  for (bool clash = true; clash;) {
    clash = false;
    for (const Column& c : t.columns)
      if (c.key == name) clash = true;
    if (clash) name += "_";
  }
  return name;
}

std::string table_name(const std::vector<std::string>& labels) {
  if (labels.empty()) return "Node";
  std::string name = labels[0];
  for (std::size_t i = 1; i < labels.size(); ++i) name += "_" + labels[i];
  return name;
}

}  // namespace

std::vector<ExportFile> to_kuzu(const PropertyGraph& graph, const std::string& folder) {
  std::filesystem::path base = std::filesystem::absolute(folder);
  std::vector<ExportFile> files;
  std::vector<std::string> stems{"schema", "copy"};
  std::string schema = "// Kùzu schema written by kg export --format kuzu; run before copy.cypher.\n";
  std::string copy = "// Loads the CSV files into the tables of schema.cypher.\n";

  std::map<std::string, std::vector<NodeId>> tables;
  std::map<NodeId, std::string> table_of;
  for (NodeId id : graph.node_ids()) {
    std::string table = table_name(graph.labels(id));
    tables[table].push_back(id);
    table_of[id] = table;
  }
  for (const auto& [table, ids] : tables) {
    std::vector<Map> properties;
    for (NodeId id : ids) properties.push_back(graph.node_properties(id));
    TableColumns t = table_columns(pointers_to(properties));
    std::string key = key_column(t);
    schema += "CREATE NODE TABLE " + quoted_name(table) + "(" + quoted_name(key) + " INT64 PRIMARY KEY" +
              column_definitions(t) + ");\n";
    std::string text = csv_field(key) + header_tail(t) + "\n";
    for (std::size_t i = 0; i < ids.size(); ++i) text += std::to_string(ids[i]) + row_tail(properties[i], t) + "\n";
    std::string name = "nodes_" + unique_file_stem(table, stems) + ".csv";
    copy += copy_statement(table, (base / name).string(), "INT64", 1, t, "");
    files.push_back({name, std::move(text)});
  }

  for (const std::string& type : graph.all_relationship_types()) {
    std::map<std::pair<std::string, std::string>, std::vector<RelId>> pairs;
    std::vector<Map> properties;
    for (RelId id : graph.relationships_of_type(type)) {
      pairs[{table_of[graph.source(id)], table_of[graph.target(id)]}].push_back(id);
      properties.push_back(graph.relationship_properties(id));
    }
    TableColumns t = table_columns(pointers_to(properties));
    std::string from_to;
    for (const auto& [pair, ids] : pairs)
      from_to += (from_to.empty() ? "FROM " : ", FROM ") + quoted_name(pair.first) + " TO " + quoted_name(pair.second);
    schema += "CREATE REL TABLE " + quoted_name(type) + "(" + from_to + column_definitions(t) + ");\n";
    for (const auto& [pair, ids] : pairs) {
      std::string text = "from,to" + header_tail(t) + "\n";
      for (RelId id : ids)
        text += std::to_string(graph.source(id)) + "," + std::to_string(graph.target(id)) +
                row_tail(graph.relationship_properties(id), t) + "\n";
      std::string name = "relationships_" + unique_file_stem(type + "_" + pair.first + "_" + pair.second, stems) + ".csv";
      std::string options = " (from=" + string_literal(pair.first) + ", to=" + string_literal(pair.second) + ")";
      copy += copy_statement(type, (base / name).string(), "INT64", 2, t, options);
      files.push_back({name, std::move(text)});
    }
  }
  files.push_back({"schema.cypher", std::move(schema)});
  files.push_back({"copy.cypher", std::move(copy)});
  return files;
}

}  // namespace kg
