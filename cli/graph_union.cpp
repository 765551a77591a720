#include "cli/graph_union.h"

#include <algorithm>
#include <optional>

#include "graph/text_fold.h"

namespace kg::cli {

namespace {

List string_list(const Value* v) { return v && v->is_list() ? v->as_list() : List{}; }

bool list_has(const List& list, const Value& item) {
  return std::any_of(list.begin(), list.end(), [&](const Value& v) { return identical(v, item); });
}

}  // namespace

GraphUnion::GraphUnion(std::set<std::string> symmetric_types) : symmetric_(std::move(symmetric_types)) {}

NodeId GraphUnion::node_for(const PropertyGraph& graph, NodeId id) {
  const Map& properties = graph.node_properties(id);
  const Value* name = graph.node_property(id, "name");
  if (!name || !name->is_string()) return merged_.add_node(graph.labels(id), properties);
  List forms = string_list(graph.node_property(id, "aliases"));

  std::unordered_set<std::string> descriptions;
  for (const Value& d : string_list(graph.node_property(id, "descriptions")))
    if (d.is_string()) descriptions.insert(fold_key(d.as_string()));
  std::vector<std::string> name_keys{fold_key(name->as_string())};
  for (const Value& form : forms)
    if (form.is_string())
      if (std::string key = fold_key(form.as_string()); !descriptions.count(key)) name_keys.push_back(key);

  std::optional<NodeId> found;
  for (const std::string& key : name_keys)
    if (auto it = by_name_.find(key); !found && it != by_name_.end()) found = it->second;
  NodeId node = found ? *found : merged_.add_node(graph.labels(id), properties);
  if (found) {
    // The new forms join the aliases; the documents join the documents.
    std::string merged_name = fold_key(merged_.node_property(node, "name")->as_string());
    List aliases = string_list(merged_.node_property(node, "aliases"));
    auto add_alias = [&](const Value& form) {
      if (!form.is_string()) return;
      std::string key = fold_key(form.as_string());
      if (key == merged_name) return;
      for (const Value& v : aliases)
        if (v.is_string() && fold_key(v.as_string()) == key) return;
      aliases.push_back(form);
    };
    add_alias(*name);
    for (const Value& form : forms) add_alias(form);
    merged_.set_node_property(node, "aliases", std::move(aliases));
    List documents = string_list(merged_.node_property(node, "documents"));
    for (const Value& d : string_list(graph.node_property(id, "documents")))
      if (!list_has(documents, d)) documents.push_back(d);
    merged_.set_node_property(node, "documents", std::move(documents));
    for (const auto& [key, value] : properties)
      if (!merged_.node_property(node, key)) merged_.set_node_property(node, key, value);
  }
  for (const std::string& key : name_keys) by_name_.try_emplace(key, node);
  names_of_[node].insert(name_keys.begin(), name_keys.end());
  return node;
}

void GraphUnion::add_relationship(const PropertyGraph& graph, RelId id, NodeId source, NodeId target) {
  const std::string& type = graph.type(id);
  const Map& properties = graph.relationship_properties(id);
  const Value* where = graph.relationship_property(id, "all_sources");
  if (!where || !where->is_list()) {
    merged_.add_relationship(source, target, type, properties);
    return;
  }
  auto key = symmetric_.count(type) ? std::make_tuple(type, std::min(source, target), std::max(source, target))
                                    : std::make_tuple(type, source, target);
  auto it = statements_.find(key);
  if (it == statements_.end()) {
    statements_.emplace(key, merged_.add_relationship(source, target, type, properties));
    return;
  }
  RelId rel = it->second;
  List sources = string_list(merged_.relationship_property(rel, "all_sources"));
  List evidence = string_list(merged_.relationship_property(rel, "all_evidence"));
  List new_evidence = string_list(graph.relationship_property(id, "all_evidence"));
  for (std::size_t i = 0; i < where->as_list().size(); ++i) {
    if (list_has(sources, where->as_list()[i])) continue;
    sources.push_back(where->as_list()[i]);
    if (i < new_evidence.size()) evidence.push_back(new_evidence[i]);
  }
  merged_.set_relationship_property(rel, "evidence_count", static_cast<std::int64_t>(sources.size()));
  merged_.set_relationship_property(rel, "all_evidence", std::move(evidence));
  merged_.set_relationship_property(rel, "all_sources", std::move(sources));
  for (const auto& [k, value] : properties)
    if (!merged_.relationship_property(rel, k)) merged_.set_relationship_property(rel, k, value);
}

void GraphUnion::add(const PropertyGraph& graph) {
  auto sources = graph.graph_attributes().find("sources");
  if (sources != graph.graph_attributes().end() && sources->second.is_list())
    for (const Value& s : sources->second.as_list()) sources_.push_back(s);
  std::map<NodeId, NodeId> merged_id;
  for (NodeId id : graph.node_ids()) merged_id[id] = node_for(graph, id);
  for (RelId id : graph.relationship_ids()) {
    NodeId source = merged_id[graph.source(id)], target = merged_id[graph.target(id)];
    if (source != target || graph.source(id) == graph.target(id)) add_relationship(graph, id, source, target);
  }
}

PropertyGraph GraphUnion::take() {
  // A form that was a description in one graph and a name in another is a name.
  for (const auto& [node, names] : names_of_) {
    List descriptions;
    for (const Value& alias : string_list(merged_.node_property(node, "aliases")))
      if (alias.is_string() && !names.count(fold_key(alias.as_string()))) descriptions.push_back(alias);
    merged_.set_node_property(node, "descriptions", descriptions.empty() ? Value() : Value(std::move(descriptions)));
  }
  merged_.set_graph_attributes(Map{{"sources", sources_}});
  PropertyGraph out = std::move(merged_);
  *this = GraphUnion(std::move(symmetric_));
  return out;
}

}  // namespace kg::cli
