#include "extract/article_graph.h"

#include <stdexcept>

#include "graph/text_fold.h"

namespace kg::extract {

std::uint64_t key_hash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

namespace {

// The TextRef of texts[start, end).
TextRef text_ref(std::size_t start, std::size_t end) {
  // check_article caps an article at 16 MiB; its strings stay far below 4 GiB.
  if (end > UINT32_MAX) throw std::length_error("article graph larger than 4 GiB");
  return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start)};
}

}  // namespace

TextRef ArticleGraph::add_text(std::string_view text) {
  std::size_t start = texts.size();
  texts += text;
  return text_ref(start, texts.size());
}

FoldedForm ArticleGraph::add_form(std::string_view text) {
  FoldedForm form;
  form.text = add_text(text);
  std::size_t start = texts.size();
  append_fold_key(text, texts);
  form.key = text_ref(start, texts.size());
  form.key_hash = key_hash(this->text(form.key));
  return form;
}

ArticleNode& ArticleGraph::add_node(EntityType type, std::string_view name, const std::vector<std::string>& aliases,
                                    const std::vector<std::string>& descriptions) {
  ArticleNode node;
  node.type = type;
  node.name = add_form(name);
  node.first_form = static_cast<std::uint32_t>(forms.size());
  node.alias_count = static_cast<std::uint32_t>(aliases.size());
  node.description_count = static_cast<std::uint32_t>(descriptions.size());
  for (const std::string& a : aliases) forms.push_back(add_form(a));
  for (const std::string& d : descriptions) forms.push_back(add_form(d));
  nodes.push_back(node);
  return nodes.back();
}

ArticleGraph make_article_graph(const Document& doc, const RuleSet& rules) {
  ArticleGraph out;
  out.document = doc.name;
  out.date = doc.date;
  out.nodes.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) {
    ArticleNode& node = out.add_node(e.type, e.name, e.aliases, e.descriptions);
    node.sentence = e.first_sentence;
    node.start = e.first_start;
    node.end = e.first_end;
  }
  out.relations.reserve(doc.relations.size());
  // Relations of one sentence share its text.
  std::size_t evidence_sentence = SIZE_MAX;
  TextRef evidence;
  // Relations of an article mostly repeat a type: its symmetry is looked up
  // among the rule book's relation types only when the type changes.
  const std::string* last_type = nullptr;
  bool last_symmetric = false;
  for (const Relation& r : doc.relations) {
    ArticleRelation rel;
    rel.type = out.add_text(r.type);
    if (last_type == nullptr || *last_type != r.type) {
      last_type = &r.type;
      last_symmetric = false;
      for (const auto& [name, type] : rules.relations)
        if (type.graph_type == r.type && type.symmetric) last_symmetric = true;
    }
    rel.symmetric = last_symmetric;
    rel.subject = static_cast<std::size_t>(r.subject);
    rel.object = static_cast<std::size_t>(r.object);
    rel.sentence = r.sentence;
    rel.start = r.start;
    rel.end = r.end;
    rel.rule = out.add_text(r.rule);
    if (r.sentence != evidence_sentence) {
      evidence = out.add_text(doc.sentence_text(r.sentence));
      evidence_sentence = r.sentence;
    }
    rel.evidence = evidence;
    rel.deal = r.deal;
    out.relations.push_back(std::move(rel));
  }
  return out;
}

}  // namespace kg::extract
