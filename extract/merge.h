// Stage 9: merging articles into one property graph. The same entity in two
// articles is one node: names are compared by kg::fold_key over the name and
// the other names (not the descriptions). A relation stated twice — in one
// article or several — is one relationship that keeps all its evidence.
//
// Node properties: name, aliases (other names, then descriptions), the
// descriptions among the aliases if any (so that `kg merge` can tell names,
// which identify an entity, from descriptions, which do not), documents, and
// the first mention: document, sentence_index, start, end.
// Relationship properties: the first statement (document, sentence_index,
// start, end, evidence, and the rule that matched), evidence_count,
// all_evidence and all_sources (every
// statement: "DOC:SENTENCE:START-END"), date, and for deals amount_min,
// amount_max, currency, status (the first statement that gives each wins).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"
#include "graph/property_graph.h"

namespace kg::extract {

class GraphMerger {
 public:
  // Adds one article's entities and relations. Call in a fixed order for a
  // deterministic graph.
  void add(const Document& doc, const RuleSet& rules);

  // The merged graph; the merger is left empty.
  PropertyGraph take();

 private:
  // What is gathered for a node or relationship and written once, by take(),
  // so that adding an article costs the same however large the graph is.
  struct NodeLists {
    std::vector<std::string> aliases;
    std::unordered_set<std::string> keys;       // folded name and aliases
    std::unordered_set<std::string> name_keys;  // folded names (not descriptions)
    std::vector<std::string> documents;
  };
  struct RelLists {
    std::vector<std::string> evidence;
    std::vector<std::string> sources;
    std::unordered_set<std::string> source_set;
  };

  NodeId node_for(const Entity& entity, const Document& doc);

  PropertyGraph graph_;
  std::unordered_map<std::string, NodeId> by_key_;
  std::unordered_map<NodeId, NodeLists> node_lists_;
  std::map<std::tuple<std::string, NodeId, NodeId>, RelId> relationships_;
  std::unordered_map<RelId, RelLists> rel_lists_;
  List sources_;
};

}  // namespace kg::extract
