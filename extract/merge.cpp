#include "extract/merge.h"

#include <algorithm>

#include "graph/text_fold.h"

namespace kg::extract {

namespace {

List to_list(const std::vector<std::string>& strings) {
  List out;
  out.reserve(strings.size());
  for (const std::string& s : strings) out.emplace_back(s);
  return out;
}

}  // namespace

NodeId GraphMerger::node_for(const Entity& entity, const Document& doc) {
  std::vector<std::string> keys{kg::fold_key(entity.name)};
  for (const std::string& a : entity.aliases) keys.push_back(kg::fold_key(a));
  NodeId node = 0;
  bool found = false;
  for (const std::string& k : keys)
    if (auto it = by_key_.find(k); it != by_key_.end()) {
      node = it->second;
      found = true;
      break;
    }
  if (!found) {
    Map props{{"name", entity.name},
              {"document", doc.name},
              {"sentence_index", static_cast<std::int64_t>(entity.first_sentence)},
              {"start", static_cast<std::int64_t>(entity.first_start)},
              {"end", static_cast<std::int64_t>(entity.first_end)}};
    node = graph_.add_node({type_label(entity.type)}, std::move(props));
    node_lists_[node].keys.insert(keys[0]);
  }
  for (const std::string& k : keys) by_key_.try_emplace(k, node);
  NodeLists& lists = node_lists_[node];
  lists.name_keys.insert(keys.begin(), keys.end());
  auto add_alias = [&](const std::string& form) {
    if (lists.keys.insert(kg::fold_key(form)).second) lists.aliases.push_back(form);
  };
  if (found) add_alias(entity.name);
  for (const std::string& a : entity.aliases) add_alias(a);
  for (const std::string& d : entity.descriptions) add_alias(d);
  if (lists.documents.empty() || lists.documents.back() != doc.name) lists.documents.push_back(doc.name);
  return node;
}

void GraphMerger::add(const Document& doc, const RuleSet& rules) {
  sources_.emplace_back(doc.name);
  std::vector<NodeId> nodes;
  nodes.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) nodes.push_back(node_for(e, doc));
  for (const Relation& r : doc.relations) {
    NodeId source = nodes[static_cast<std::size_t>(r.subject)];
    NodeId target = nodes[static_cast<std::size_t>(r.object)];
    if (source == target) continue;
    bool symmetric = std::any_of(rules.relations.begin(), rules.relations.end(), [&](const auto& entry) {
      return entry.second.graph_type == r.type && entry.second.symmetric;
    });
    auto key = symmetric ? std::make_tuple(r.type, std::min(source, target), std::max(source, target))
                         : std::make_tuple(r.type, source, target);
    std::string evidence = doc.sentence_text(r.sentence);
    std::string where = doc.name + ":" + std::to_string(r.sentence) + ":" + std::to_string(r.start) + "-" +
                        std::to_string(r.end);
    auto it = relationships_.find(key);
    RelId rel;
    if (it == relationships_.end()) {
      Map props{{"document", doc.name},
                {"sentence_index", static_cast<std::int64_t>(r.sentence)},
                {"start", static_cast<std::int64_t>(r.start)},
                {"end", static_cast<std::int64_t>(r.end)},
                {"evidence", evidence},
                {"rule", r.rule}};
      if (!doc.date.empty()) props["date"] = doc.date;
      rel = graph_.add_relationship(source, target, r.type, std::move(props));
      relationships_.emplace(key, rel);
    } else {
      rel = it->second;
    }
    RelLists& lists = rel_lists_[rel];
    if (!lists.source_set.insert(where).second) continue;
    lists.sources.push_back(where);
    lists.evidence.push_back(std::move(evidence));
    auto fill = [&](const char* k, Value v) {
      if (!graph_.relationship_property(rel, k)) graph_.set_relationship_property(rel, k, std::move(v));
    };
    if (r.deal.amount_min) fill("amount_min", *r.deal.amount_min);
    if (r.deal.amount_max) fill("amount_max", *r.deal.amount_max);
    if (!r.deal.currency.empty()) fill("currency", r.deal.currency);
    if (!r.deal.status.empty()) fill("status", r.deal.status);
  }
}

PropertyGraph GraphMerger::take() {
  for (auto& [node, lists] : node_lists_) {
    graph_.set_node_property(node, "aliases", to_list(lists.aliases));
    List descriptions;
    for (const std::string& alias : lists.aliases)
      if (!lists.name_keys.count(kg::fold_key(alias))) descriptions.emplace_back(alias);
    if (!descriptions.empty()) graph_.set_node_property(node, "descriptions", std::move(descriptions));
    graph_.set_node_property(node, "documents", to_list(lists.documents));
  }
  for (auto& [rel, lists] : rel_lists_) {
    graph_.set_relationship_property(rel, "evidence_count", static_cast<std::int64_t>(lists.sources.size()));
    graph_.set_relationship_property(rel, "all_evidence", to_list(lists.evidence));
    graph_.set_relationship_property(rel, "all_sources", to_list(lists.sources));
  }
  graph_.set_graph_attributes(Map{{"sources", sources_}});
  PropertyGraph out = std::move(graph_);
  *this = GraphMerger();
  return out;
}

}  // namespace kg::extract
