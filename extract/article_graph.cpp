#include "extract/article_graph.h"

#include "graph/text_fold.h"

namespace kg::extract {

namespace {

FoldedForm folded(const std::string& text) { return {text, fold_key(text)}; }

}  // namespace

ArticleGraph make_article_graph(const Document& doc, const RuleSet& rules) {
  ArticleGraph out;
  out.document = doc.name;
  out.date = doc.date;
  out.nodes.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) {
    ArticleNode node;
    node.type = e.type;
    node.name = folded(e.name);
    for (const std::string& a : e.aliases) node.aliases.push_back(folded(a));
    for (const std::string& d : e.descriptions) node.descriptions.push_back(folded(d));
    node.sentence = e.first_sentence;
    node.start = e.first_start;
    node.end = e.first_end;
    out.nodes.push_back(std::move(node));
  }
  out.relations.reserve(doc.relations.size());
  for (const Relation& r : doc.relations) {
    ArticleRelation rel;
    rel.type = r.type;
    for (const auto& [name, type] : rules.relations)
      if (type.graph_type == r.type && type.symmetric) rel.symmetric = true;
    rel.subject = static_cast<std::size_t>(r.subject);
    rel.object = static_cast<std::size_t>(r.object);
    rel.sentence = r.sentence;
    rel.start = r.start;
    rel.end = r.end;
    rel.rule = r.rule;
    rel.evidence = doc.sentence_text(r.sentence);
    rel.deal = r.deal;
    out.relations.push_back(std::move(rel));
  }
  return out;
}

}  // namespace kg::extract
