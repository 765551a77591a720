#include "graph/export/neo4j_csv.h"

#include <filesystem>
#include <map>

#include "graph/export/csv_field.h"
#include "graph/export/property_columns.h"

namespace kg {

namespace {

// Separates array elements and labels (passed as --array-delimiter=U+001F).
constexpr char kArrayDelimiter = '\x1f';

std::string neo4j_type(const Column& c) {
  std::string t;
  switch (c.type) {
    case ScalarType::Bool: t = "boolean"; break;
    case ScalarType::Int: t = "long"; break;
    case ScalarType::Float: t = "double"; break;
    case ScalarType::String: t = "string"; break;
  }
  return c.is_list ? t + "[]" : t;
}

std::string joined(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(1, separator) : "") + parts[i];
  return out;
}

// The header fields of the property columns: name:type.
std::string header_tail(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) out += "," + csv_field(c.key + ":" + neo4j_type(c));
  return out;
}

// The property fields of one row; a missing property is an empty field.
std::string row_tail(const Map& properties, const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) {
    out += ',';
    auto it = properties.find(c.key);
    if (it == properties.end()) continue;
    Value v = column_value(it->second, c);
    if (c.is_list) {
      std::vector<std::string> elements;
      for (const Value& e : v.as_list()) elements.push_back(scalar_text(e));
      out += csv_field(joined(elements, kArrayDelimiter));
    } else {
      out += csv_field(scalar_text(v));
    }
  }
  return out;
}

std::string node_key(NodeId id) { return "n" + std::to_string(id); }

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::vector<ExportFile> to_neo4j_csv(const PropertyGraph& graph) {
  std::vector<ExportFile> files;
  std::vector<std::string> stems;

  std::map<std::vector<std::string>, std::vector<NodeId>> by_labels;
  for (NodeId id : graph.node_ids()) by_labels[graph.labels(id)].push_back(id);
  for (const auto& [labels, ids] : by_labels) {
    std::vector<Map> properties;
    for (NodeId id : ids) properties.push_back(graph.node_properties(id));
    std::vector<Column> columns = infer_columns(pointers_to(properties));
    std::string text = ":ID,:LABEL" + header_tail(columns) + "\n";
    for (std::size_t i = 0; i < ids.size(); ++i)
      text += node_key(ids[i]) + "," + (labels.empty() ? "" : csv_field(joined(labels, kArrayDelimiter))) +
              row_tail(properties[i], columns) + "\n";
    std::string stem = labels.empty() ? "nodes" : "nodes_" + joined(labels, '_');
    files.push_back({unique_file_stem(stem, stems) + ".csv", std::move(text)});
  }

  for (const std::string& type : graph.all_relationship_types()) {
    std::span<const RelId> ids = graph.relationships_of_type(type);
    std::vector<Map> properties;
    for (RelId id : ids) properties.push_back(graph.relationship_properties(id));
    std::vector<Column> columns = infer_columns(pointers_to(properties));
    std::string text = ":START_ID,:END_ID,:TYPE" + header_tail(columns) + "\n";
    for (std::size_t i = 0; i < ids.size(); ++i)
      text += node_key(graph.source(ids[i])) + "," + node_key(graph.target(ids[i])) + "," + csv_field(type) +
              row_tail(properties[i], columns) + "\n";
    files.push_back({unique_file_stem("relationships_" + type, stems) + ".csv", std::move(text)});
  }
  return files;
}

std::string neo4j_import_command(const std::vector<ExportFile>& files, const std::string& folder,
                                 const std::string& database) {
  std::string command =
      "neo4j-admin database import full --overwrite-destination --array-delimiter=U+001F --multiline-fields=true";
  std::filesystem::path base = std::filesystem::absolute(folder);
  for (const ExportFile& file : files) {
    bool nodes = file.contents.rfind(":ID,", 0) == 0;
    command += std::string(nodes ? " --nodes=" : " --relationships=") + shell_quote((base / file.name).string());
  }
  return command + " " + shell_quote(database);
}

}  // namespace kg
