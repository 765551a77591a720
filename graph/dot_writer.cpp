#include "graph/dot_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <map>

namespace kg {

namespace {

struct NodeStyle {
  const char* shape;
  const char* fill;
};

// The entity types of the extractor get their own look; other labels share one.
const std::map<std::string, NodeStyle, std::less<>> kNodeStyles = {
    {"Person", {"ellipse", "#fde2b8"}},      {"Organization", {"box", "#cfe3f7"}},
    {"Product", {"component", "#d8f0d2"}},   {"Project", {"hexagon", "#e8d9f2"}},
    {"Place", {"house", "#f2f2f2"}},
};
constexpr NodeStyle kDefaultNodeStyle = {"ellipse", "#ffffff"};

const std::map<std::string, const char*, std::less<>> kEdgeColours = {
    {"INVESTS_IN", "#1b7837"}, {"FOUNDED", "#762a83"}, {"COMPETES_WITH", "#d6604d"},
    {"PART_OF", "#2166ac"},    {"CREATED", "#b35806"}, {"BASED_IN", "#878787"},
};
constexpr const char* kDefaultEdgeColour = "#404040";

const NodeStyle& style_of(const PropertyGraph& graph, NodeId id) {
  for (const std::string& label : graph.labels(id))
    if (auto it = kNodeStyles.find(label); it != kNodeStyles.end()) return it->second;
  return kDefaultNodeStyle;
}

const char* colour_of(std::string_view type) {
  auto it = kEdgeColours.find(type);
  return it == kEdgeColours.end() ? kDefaultEdgeColour : it->second;
}

// A DOT double-quoted string. Backslashes are doubled so that no escape such
// as \N or \l is interpreted, quotes are escaped, line breaks become \n
// (DOT's centred line break), other control characters are dropped.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  out += '"';
  return out;
}

std::string display_name(const PropertyGraph& graph, NodeId id) {
  if (const Value* name = graph.node_property(id, "name"); name && name->is_string()) return name->as_string();
  const auto& labels = graph.labels(id);
  return (labels.empty() ? std::string("node") : labels.front()) + " " + std::to_string(id);
}

// "15-25 bn USD" style amounts for edge labels.
std::string amount_text(const PropertyGraph& graph, RelId id) {
  auto number = [&](const char* key) -> std::optional<double> {
    const Value* v = graph.relationship_property(id, key);
    if (v && v->is_number()) return v->as_number();
    return std::nullopt;
  };
  auto low = number("amount_min"), high = number("amount_max");
  if (!low && !high) {
    if (auto amount = number("amount")) low = amount;
    else return "";
  }
  // Both ends in the unit of the larger one: "15-25 bn".
  double largest = std::max(std::abs(low.value_or(0)), std::abs(high.value_or(0)));
  const char* units[] = {"", " k", " M", " bn"};
  int unit = 0;
  double scale = 1;
  while (largest / scale >= 1000 && unit < 3) {
    scale *= 1000;
    ++unit;
  }
  auto number_text = [&](double x) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.4g", x / scale);
    return std::string(buf);
  };
  std::string text = low && high && *low != *high ? number_text(*low) + "-" + number_text(*high)
                                                  : number_text(low ? *low : *high);
  text += units[unit];
  if (!low && high) text = "up to " + text;
  if (const Value* currency = graph.relationship_property(id, "currency"); currency && currency->is_string())
    text += " " + currency->as_string();
  return text;
}

}  // namespace

void select_references(const Value& value, DotSelection& selection) {
  if (value.is_node()) {
    selection.nodes.insert(value.as_node().id);
  } else if (value.is_relationship()) {
    selection.relationships.insert(value.as_relationship().id);
  } else if (value.is_path()) {
    selection.nodes.insert(value.as_path().nodes.begin(), value.as_path().nodes.end());
    selection.relationships.insert(value.as_path().rels.begin(), value.as_path().rels.end());
  } else if (value.is_list()) {
    for (const Value& e : value.as_list()) select_references(e, selection);
  } else if (value.is_map()) {
    for (const auto& [key, e] : value.as_map()) select_references(e, selection);
  }
}

std::string hyphenated_type(std::string_view type) {
  std::string out;
  for (char c : type) out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string snake_type(std::string_view type) {
  std::string out;
  for (char c : type) out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string to_dot(const PropertyGraph& graph) {
  DotSelection all;
  for (NodeId id : graph.node_ids()) all.nodes.insert(id);
  for (RelId id : graph.relationship_ids()) all.relationships.insert(id);
  return to_dot(graph, all);
}

std::string to_dot(const PropertyGraph& graph, const DotSelection& selection) {
  std::set<NodeId> nodes;
  for (NodeId id : selection.nodes)
    if (graph.has_node(id)) nodes.insert(id);
  std::set<RelId> rels;
  for (RelId id : selection.relationships) {
    if (!graph.has_relationship(id)) continue;
    rels.insert(id);
    nodes.insert(graph.source(id));
    nodes.insert(graph.target(id));
  }

  std::string out =
      "digraph kg {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      "  node [style=filled, fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::set<std::string> labels_drawn;
  for (NodeId id : nodes) {
    const NodeStyle& style = style_of(graph, id);
    std::string label = display_name(graph, id);
    if (!graph.labels(id).empty()) labels_drawn.insert(graph.labels(id).front());
    out += "  n" + std::to_string(id) + " [label=" + quoted(label) + ", shape=" + style.shape +
           ", fillcolor=" + quoted(style.fill) + "];\n";
  }
  std::set<std::string> types_drawn;
  for (RelId id : rels) {
    const std::string& type = graph.type(id);
    types_drawn.insert(type);
    std::string label = hyphenated_type(type);
    if (std::string amount = amount_text(graph, id); !amount.empty()) label += "\n" + amount;
    out += "  n" + std::to_string(graph.source(id)) + " -> n" + std::to_string(graph.target(id)) +
           " [label=" + quoted(label) + ", color=" + quoted(colour_of(type)) +
           ", fontcolor=" + quoted(colour_of(type)) + "];\n";
  }

  if (!labels_drawn.empty() || !types_drawn.empty()) {
    out += "  subgraph cluster_legend {\n    label=\"Legend\";\n    style=dashed;\n";
    int i = 0;
    for (const std::string& label : labels_drawn) {
      auto it = kNodeStyles.find(label);
      const NodeStyle& style = it == kNodeStyles.end() ? kDefaultNodeStyle : it->second;
      out += "    legend_label_" + std::to_string(i++) + " [label=" + quoted(label) + ", shape=" + style.shape +
             ", fillcolor=" + quoted(style.fill) + "];\n";
    }
    i = 0;
    for (const std::string& type : types_drawn) {
      std::string a = "legend_type_" + std::to_string(i) + "_a", b = "legend_type_" + std::to_string(i) + "_b";
      ++i;
      out += "    " + a + " [label=\"\", shape=point, style=invis];\n";
      out += "    " + b + " [label=\"\", shape=point, style=invis];\n";
      out += "    " + a + " -> " + b + " [label=" + quoted(hyphenated_type(type)) + ", color=" +
             quoted(colour_of(type)) + ", fontcolor=" + quoted(colour_of(type)) + "];\n";
    }
    out += "  }\n";
  }
  out += "}\n";
  return out;
}

}  // namespace kg
