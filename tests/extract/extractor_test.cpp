#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "extract/article_graph.h"
#include "extract/extractor.h"
#include "extract/merge.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {

// Everything an extracted article holds that the graph is made from, as text.
std::string describe(const Document& doc) {
  std::ostringstream out;
  out << doc.name << '|' << doc.date << '|' << doc.language << '|' << doc.body_offset << '|' << doc.text << '\n';
  out << doc.tokens.size() << " tokens, " << doc.sentences.size() << " sentences\n";
  for (const Mention& m : doc.mentions)
    out << "mention " << m.sentence << ' ' << m.first << '-' << m.last << ' ' << static_cast<int>(m.kind) << ' '
        << (m.type ? type_label(*m.type) : "?") << " -> " << m.entity << '\n';
  for (const Entity& e : doc.entities) {
    out << "entity " << type_label(e.type) << ' ' << e.name << " [" << e.name_key << ']';
    for (const std::string& alias : e.aliases) out << " alias " << alias;
    for (const std::string& key : e.alias_keys) out << " alias key " << key;
    for (const std::string& description : e.descriptions) out << " description " << description;
    for (const std::string& key : e.description_keys) out << " description key " << key;
    out << " place " << e.place << " at " << e.first_sentence << ':' << e.first_start << '-' << e.first_end << '\n';
  }
  for (const Relation& r : doc.relations)
    out << "relation " << r.type << ' ' << r.subject << " -> " << r.object << " in " << r.sentence << ':' << r.start
        << '-' << r.end << " by " << r.rule << ' ' << r.deal.amount_min.value_or(-1) << ' ' << r.deal.currency << ' '
        << r.deal.status << '\n';
  ArticleGraph graph = make_article_graph(doc, *rules().find(doc.language));
  out << graph.nodes.size() << " nodes, " << graph.relations.size() << " relations, texts " << graph.texts << '\n';
  return out.str();
}

const std::string kFrench =
    "date 2024-03\nLa firme Zeta Capital a investi 40 millions d'euros dans Brakko Labs. "
    "Brakko Labs est un concurrent de Zorvex.";
// Aliases, descriptions and places: entity memory that a reused document must not carry over.
const std::string kEnglish =
    "Brenno Dynamics acquired Vantor Robotics for $200 million. The company said Brenno would keep the "
    "Vantor brand in Norway. Vantor Robotics, the Oslo-based startup, competes with Kelpo, Daxmoor and Trinet.";

}  // namespace

TEST_CASE("a document reused for another article holds nothing of the previous one") {
  std::string french = describe(extract_document("a.txt", kFrench, rules()));
  std::string english = describe(extract_document("b.txt", kEnglish, rules()));
  REQUIRE(french != english);
  CHECK(english.find(" description the Oslo-based startup") != std::string::npos);
  CHECK(french.find("relation INVESTS_IN") != std::string::npos);

  Document doc;
  extract_document("a.txt", kFrench, rules(), "auto", doc);
  CHECK(describe(doc) == french);
  extract_document("b.txt", kEnglish, rules(), "auto", doc);
  CHECK(describe(doc) == english);
  extract_document("a.txt", kFrench, rules(), "auto", doc);
  CHECK(describe(doc) == french);
  // Its entities now in the memory of both articles' entities (see resolve_coreference).
  extract_document("b.txt", kEnglish, rules(), "auto", doc);
  CHECK(describe(doc) == english);
}

TEST_CASE("a document left partial by an error is replaced whole by the next article") {
  Document doc;
  extract_document("b.txt", kEnglish, rules(), "auto", doc);
  CHECK_THROWS_AS(extract_document("c.txt", "Zeta Capital investiert in Brakko.", rules(), "de", doc), RuleError);
  extract_document("a.txt", kFrench, rules(), "auto", doc);
  CHECK(describe(doc) == describe(extract_document("a.txt", kFrench, rules())));
}

namespace {

// What the merge reads of an article graph, as text.
std::string describe(const ArticleGraph& graph) {
  std::ostringstream out;
  out << graph.document << '|' << graph.date << '|' << graph.texts << '\n';
  for (const ArticleNode& node : graph.nodes)
    out << "node " << type_label(node.type) << ' ' << graph.text(node.name.text) << " [" << graph.text(node.name.key)
        << "] forms " << node.first_form << '+' << node.alias_count << '+' << node.description_count << " at "
        << node.sentence << ':' << node.start << '-' << node.end << '\n';
  for (const FoldedForm& form : graph.forms)
    out << "form " << graph.text(form.text) << " [" << graph.text(form.key) << "] " << form.key_hash << '\n';
  for (const ArticleRelation& r : graph.relations)
    out << "relation " << graph.text(r.type) << ' ' << r.subject << " -> " << r.object << ' ' << r.symmetric << " in "
        << r.sentence << ':' << r.start << '-' << r.end << " by " << graph.text(r.rule) << ": "
        << graph.text(r.evidence) << '\n';
  return out.str();
}

}  // namespace

TEST_CASE("an article graph made again in the same ArticleGraph holds nothing of the previous article") {
  Document french = extract_document("a.txt", kFrench, rules());
  Document english = extract_document("b.txt", kEnglish, rules());
  std::string french_graph = describe(make_article_graph(french, *rules().find("fr")));
  std::string english_graph = describe(make_article_graph(english, *rules().find("en")));
  REQUIRE(french_graph != english_graph);
  CHECK(english_graph.find("form the Oslo-based startup") != std::string::npos);

  ArticleGraph graph;
  make_article_graph(english, *rules().find("en"), graph);
  CHECK(describe(graph) == english_graph);
  make_article_graph(french, *rules().find("fr"), graph);
  CHECK(describe(graph) == french_graph);
  // As the merge leaves it: the strings taken, the lists kept.
  GraphMerger merger;
  merger.add(std::move(graph));
  make_article_graph(english, *rules().find("en"), graph);
  CHECK(describe(graph) == english_graph);
}
