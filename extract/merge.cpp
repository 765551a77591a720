#include "extract/merge.h"

#include <algorithm>
#include <functional>

#include "graph/text_fold.h"

namespace kg::extract {

namespace {

List to_list(std::vector<std::string>& strings) {
  List out;
  out.reserve(strings.size());
  for (std::string& s : strings) out.emplace_back(std::move(s));
  return out;
}

}  // namespace

std::size_t GraphMerger::EndsHash::operator()(const Ends& e) const {
  std::size_t h = std::hash<std::string>()(e.type);
  h ^= std::hash<std::size_t>()(e.source) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::hash<std::size_t>()(e.target) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

std::size_t GraphMerger::node_for(ArticleNode& entity, const std::string& document) {
  const std::string* found_key = nullptr;
  std::size_t node = 0;
  if (auto it = by_key_.find(entity.name.key); it != by_key_.end()) {
    node = it->second;
    found_key = &entity.name.key;
  }
  for (std::size_t a = 0; a < entity.aliases.size() && !found_key; ++a)
    if (auto it = by_key_.find(entity.aliases[a].key); it != by_key_.end()) {
      node = it->second;
      found_key = &entity.aliases[a].key;
    }
  bool found = found_key != nullptr;
  if (!found) {
    node = nodes_.size();
    Node fresh;
    fresh.type = entity.type;
    fresh.name = std::move(entity.name.text);
    fresh.document = document;
    fresh.sentence = entity.sentence;
    fresh.start = entity.start;
    fresh.end = entity.end;
    fresh.keys.insert(entity.name.key);
    nodes_.push_back(std::move(fresh));
  }
  by_key_.try_emplace(entity.name.key, node);
  for (const FoldedForm& a : entity.aliases) by_key_.try_emplace(a.key, node);
  Node& n = nodes_[node];
  n.name_keys.insert(entity.name.key);
  for (const FoldedForm& a : entity.aliases) n.name_keys.insert(a.key);
  auto add_alias = [&](FoldedForm& form) {
    if (n.keys.insert(std::move(form.key)).second) n.aliases.push_back(std::move(form.text));
  };
  if (found) add_alias(entity.name);
  for (FoldedForm& a : entity.aliases) add_alias(a);
  for (FoldedForm& d : entity.descriptions) add_alias(d);
  if (n.documents.empty() || n.documents.back() != document) n.documents.push_back(document);
  return node;
}

void GraphMerger::add(const Document& doc, const RuleSet& rules) { add(make_article_graph(doc, rules)); }

void GraphMerger::add(ArticleGraph article) {
  sources_.emplace_back(article.document);
  std::vector<std::size_t> nodes;
  nodes.reserve(article.nodes.size());
  for (ArticleNode& e : article.nodes) nodes.push_back(node_for(e, article.document));
  // The article's strings are moved into the merged graph, not copied.
  for (ArticleRelation& r : article.relations) {
    std::size_t source = nodes[r.subject];
    std::size_t target = nodes[r.object];
    if (source == target) continue;
    Ends ends = r.symmetric ? Ends{r.type, std::min(source, target), std::max(source, target)}
                            : Ends{r.type, source, target};
    auto [it, fresh] = by_ends_.try_emplace(std::move(ends), relationships_.size());
    if (fresh) {
      Relationship rel;
      rel.source = source;
      rel.target = target;
      rel.type = std::move(r.type);
      rel.document = article.document;
      rel.date = article.date;
      rel.rule = std::move(r.rule);
      rel.evidence = r.evidence;
      rel.sentence = r.sentence;
      rel.start = r.start;
      rel.end = r.end;
      relationships_.push_back(std::move(rel));
    }
    Relationship& rel = relationships_[it->second];
    if (!rel.source_set.insert(r.source).second) continue;
    rel.all_sources.push_back(std::move(r.source));
    rel.all_evidence.push_back(std::move(r.evidence));
    if (!rel.deal.amount_min) rel.deal.amount_min = r.deal.amount_min;
    if (!rel.deal.amount_max) rel.deal.amount_max = r.deal.amount_max;
    if (rel.deal.currency.empty()) rel.deal.currency = std::move(r.deal.currency);
    if (rel.deal.status.empty()) rel.deal.status = std::move(r.deal.status);
  }
}

PropertyGraph GraphMerger::take() {
  PropertyGraph graph;
  graph.reserve(nodes_.size(), relationships_.size());
  std::vector<NodeId> ids;
  ids.reserve(nodes_.size());
  for (Node& n : nodes_) {
    // emplace, not an initializer list, which would copy every string.
    Map props;
    props.emplace("name", std::move(n.name));
    props.emplace("document", std::move(n.document));
    props.emplace("sentence_index", static_cast<std::int64_t>(n.sentence));
    props.emplace("start", static_cast<std::int64_t>(n.start));
    props.emplace("end", static_cast<std::int64_t>(n.end));
    List descriptions;
    for (const std::string& alias : n.aliases)
      if (!n.name_keys.count(kg::fold_key(alias))) descriptions.emplace_back(alias);
    if (!descriptions.empty()) props.emplace("descriptions", std::move(descriptions));
    props.emplace("aliases", to_list(n.aliases));
    props.emplace("documents", to_list(n.documents));
    ids.push_back(graph.add_node({type_label(n.type)}, std::move(props)));
  }
  for (Relationship& r : relationships_) {
    Map props;
    props.emplace("document", std::move(r.document));
    props.emplace("sentence_index", static_cast<std::int64_t>(r.sentence));
    props.emplace("start", static_cast<std::int64_t>(r.start));
    props.emplace("end", static_cast<std::int64_t>(r.end));
    props.emplace("evidence", std::move(r.evidence));
    props.emplace("rule", std::move(r.rule));
    props.emplace("evidence_count", static_cast<std::int64_t>(r.all_sources.size()));
    props.emplace("all_evidence", to_list(r.all_evidence));
    props.emplace("all_sources", to_list(r.all_sources));
    if (!r.date.empty()) props.emplace("date", std::move(r.date));
    if (r.deal.amount_min) props.emplace("amount_min", *r.deal.amount_min);
    if (r.deal.amount_max) props.emplace("amount_max", *r.deal.amount_max);
    if (!r.deal.currency.empty()) props.emplace("currency", std::move(r.deal.currency));
    if (!r.deal.status.empty()) props.emplace("status", std::move(r.deal.status));
    graph.add_relationship(ids[r.source], ids[r.target], std::move(r.type), std::move(props));
  }
  Map attributes;
  attributes.emplace("sources", std::move(sources_));
  graph.set_graph_attributes(std::move(attributes));
  *this = GraphMerger();
  return graph;
}

}  // namespace kg::extract
