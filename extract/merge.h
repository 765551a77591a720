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

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/article_graph.h"
#include "extract/document.h"
#include "extract/rule_file.h"
#include "graph/property_graph.h"

namespace kg::extract {

class GraphMerger {
 public:
  // Adds one article's nodes and relations. Call in a fixed order for a
  // deterministic graph.
  void add(ArticleGraph article);
  // The same for an extracted article (make_article_graph, then add).
  void add(const Document& doc, const RuleSet& rules);

  // The merged graph; the merger is left empty.
  PropertyGraph take();

 private:
  // What is gathered for a node or relationship; the graph is built once, by
  // take(), so that adding an article costs the same however large it is.
  struct Node {
    EntityType type = EntityType::Organization;
    std::string name;
    std::string document;
    std::size_t sentence = 0, start = 0, end = 0;
    std::vector<std::string> aliases;
    std::unordered_set<std::string> keys;       // folded name and aliases
    std::unordered_set<std::string> name_keys;  // folded names (not descriptions)
    std::vector<std::string> documents;
  };
  struct Relationship {
    std::size_t source = 0, target = 0;
    std::string type;
    std::string document, date, rule, evidence;
    std::size_t sentence = 0, start = 0, end = 0;
    DealAttributes deal;  // each attribute from the first statement that gives it
    std::vector<std::string> all_evidence;
    std::vector<std::string> all_sources;
    std::unordered_set<std::string> source_set;
  };
  // A relationship's identity: type and ends (ordered for symmetric types).
  struct Ends {
    std::string type;
    std::size_t source = 0, target = 0;
    bool operator==(const Ends&) const = default;
  };
  struct EndsHash {
    std::size_t operator()(const Ends& e) const;
  };

  std::size_t node_for(ArticleNode& node, const std::string& document);

  std::vector<Node> nodes_;
  std::unordered_map<std::string, std::size_t> by_key_;
  std::vector<Relationship> relationships_;
  std::unordered_map<Ends, std::size_t, EndsHash> by_ends_;
  List sources_;
};

}  // namespace kg::extract
