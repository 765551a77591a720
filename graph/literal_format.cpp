#include "graph/literal_format.h"

namespace kg {

namespace {

void append(std::string& out, const Value& v, const PropertyGraph* graph);

void append_map(std::string& out, const Map& m, const PropertyGraph* graph) {
  out += '{';
  bool first = true;
  for (const auto& [key, value] : m) {
    if (!first) out += ", ";
    first = false;
    out += key;
    out += ": ";
    append(out, value, graph);
  }
  out += '}';
}

void append_node(std::string& out, NodeId id, const PropertyGraph* graph) {
  out += '(';
  if (graph && graph->has_node(id)) {
    for (const std::string& label : graph->labels(id)) out += ':' + label;
    const Map& props = graph->node_properties(id);
    if (!props.empty()) {
      if (!graph->labels(id).empty()) out += ' ';
      append_map(out, props, graph);
    }
  }
  out += ')';
}

void append_relationship(std::string& out, RelId id, const PropertyGraph* graph) {
  out += '[';
  if (graph && graph->has_relationship(id)) {
    out += ':' + graph->type(id);
    const Map& props = graph->relationship_properties(id);
    if (!props.empty()) {
      out += ' ';
      append_map(out, props, graph);
    }
  }
  out += ']';
}

void append_path(std::string& out, const Path& path, const PropertyGraph* graph) {
  out += '<';
  append_node(out, path.nodes.front(), graph);
  for (std::size_t i = 0; i < path.rels.size(); ++i) {
    RelId rel = path.rels[i];
    bool forward = !graph || !graph->has_relationship(rel) || graph->source(rel) == path.nodes[i];
    out += forward ? "-" : "<-";
    append_relationship(out, rel, graph);
    out += forward ? "->" : "-";
    append_node(out, path.nodes[i + 1], graph);
  }
  out += '>';
}

void append(std::string& out, const Value& v, const PropertyGraph* graph) {
  switch (v.kind()) {
    case Value::Kind::Null: out += "null"; break;
    case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Kind::Int: out += std::to_string(v.as_int()); break;
    case Value::Kind::Float: out += format_float(v.as_float()); break;
    case Value::Kind::String: out += quote_string(v.as_string()); break;
    case Value::Kind::List: {
      out += '[';
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append(out, e, graph);
      }
      out += ']';
      break;
    }
    case Value::Kind::Map: append_map(out, v.as_map(), graph); break;
    case Value::Kind::Node: append_node(out, v.as_node().id, graph); break;
    case Value::Kind::Relationship: append_relationship(out, v.as_relationship().id, graph); break;
    case Value::Kind::Path: append_path(out, v.as_path(), graph); break;
    // As cypher-shell prints them: the ISO 8601 text, unquoted.
    case Value::Kind::Temporal: out += to_string(v.as_temporal()); break;
  }
}

}  // namespace

std::string format_literal(const Value& value, const PropertyGraph& graph) {
  std::string out;
  append(out, value, &graph);
  return out;
}

std::string format_literal(const Value& value) {
  std::string out;
  append(out, value, nullptr);
  return out;
}

}  // namespace kg
