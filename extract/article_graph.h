// What one article adds to the merged graph, with every string the merge
// needs already made: folded keys, evidence sentences. Built on the worker
// thread that extracted the article, so that the serial merge (merge.h) only
// looks keys up and appends.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// A name or description of an entity with its kg::fold_key.
struct FoldedForm {
  std::string text;
  std::string key;
};

// One entity of the article, as a node candidate.
struct ArticleNode {
  EntityType type = EntityType::Organization;
  FoldedForm name;
  std::vector<FoldedForm> aliases;       // other names: matched against other articles
  std::vector<FoldedForm> descriptions;  // kept as aliases, never matched
  std::size_t sentence = 0;              // the first mention
  std::size_t start = 0;
  std::size_t end = 0;
};

// One relation of the article.
struct ArticleRelation {
  std::string type;  // INVESTS_IN
  bool symmetric = false;
  std::size_t subject = 0;  // indexes into ArticleGraph::nodes
  std::size_t object = 0;
  std::size_t sentence = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string rule;
  std::string evidence;  // the sentence
  DealAttributes deal;
};

// An article reduced to what the graph keeps of it.
struct ArticleGraph {
  std::string document;
  std::string date;
  std::vector<ArticleNode> nodes;  // one per Document::entities, same order
  std::vector<ArticleRelation> relations;
};

// The nodes and relations of an extracted article.
ArticleGraph make_article_graph(const Document& doc, const RuleSet& rules);

}  // namespace kg::extract
