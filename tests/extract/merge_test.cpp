#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "extract/extractor.h"
#include "extract/merge.h"
#include "graph/node_link_writer.h"
#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {
kg::NodeId node(const kg::PropertyGraph& g, const std::string& name) {
  const auto& found = g.nodes_named(name);
  REQUIRE(found.size() == 1);
  return *found.begin();
}
}  // namespace

TEST_CASE("the same entity in two articles is one node with every form as alias") {
  Document a = extract_document("a.txt", "date 2024-01\nZeta Capital a investi dans Brakko Labs.", rules());
  Document b = extract_document("b.txt", "date 2024-02\nBrakko Labs recrute. Brakko vise l'Asie.", rules());
  GraphMerger merger;
  merger.add(a, *rules().find(a.language));
  merger.add(b, *rules().find(b.language));
  kg::PropertyGraph g = merger.take();
  kg::NodeId brakko = node(g, "Brakko Labs");
  CHECK(g.nodes_named("Brakko").count(brakko) == 1);
  const kg::List& docs = g.node_property(brakko, "documents")->as_list();
  CHECK(docs.size() == 2);
  CHECK(g.has_label(brakko, "Organization"));
  CHECK(g.node_property(brakko, "document")->as_string() == "a.txt");
}

TEST_CASE("a relation stated twice is one relationship carrying all its evidence") {
  Document a = extract_document("a.txt", "date 2024-01\nZeta Capital a investi 5 millions d'euros dans Brakko.", rules());
  Document b = extract_document("b.txt", "Zeta Capital a investi dans Brakko. Zeta Capital investit dans Brakko.", rules());
  GraphMerger merger;
  merger.add(a, *rules().find("fr"));
  merger.add(b, *rules().find("fr"));
  kg::PropertyGraph g = merger.take();
  REQUIRE(g.relationship_count() == 1);
  kg::RelId r = g.relationship_ids()[0];
  CHECK(g.type(r) == "INVESTS_IN");
  CHECK(g.relationship_property(r, "evidence_count")->as_int() == 3);
  CHECK(g.relationship_property(r, "all_evidence")->as_list().size() == 3);
  CHECK(g.relationship_property(r, "evidence")->as_string() == "Zeta Capital a investi 5 millions d'euros dans Brakko.");
  CHECK(g.relationship_property(r, "document")->as_string() == "a.txt");
  CHECK(g.relationship_property(r, "sentence_index")->as_int() == 0);
  CHECK(g.relationship_property(r, "date")->as_string() == "2024-01");
  CHECK(g.relationship_property(r, "amount_min")->as_number() == 5e6);
  CHECK(g.relationship_property(r, "currency")->as_string() == "EUR");
}

TEST_CASE("symmetric relations are merged whatever the direction") {
  Document a = extract_document("a.txt", "Brakko est un concurrent de Zorvex. Zorvex est un concurrent de Brakko.", rules());
  GraphMerger merger;
  merger.add(a, *rules().find("fr"));
  CHECK(merger.take().relationship_count() == 1);
}

TEST_CASE("offsets are code points of the article and point at the evidence") {
  std::string text = "date 2024-01\nÉté : Zeta Capital a investi dans Brakko.";
  Document a = extract_document("a.txt", text, rules());
  REQUIRE(a.relations.size() == 1);
  // "Été : " is 6 code points after the 13 of the date line.
  CHECK(a.relations[0].start == 13 + 6);
}

namespace {

// Adds a node to `article`, its first mention being its name at offset 0.
void entity(ArticleGraph& article, EntityType type, const std::string& name, std::vector<std::string> aliases = {},
            std::vector<std::string> descriptions = {}) {
  article.add_node(type, name, aliases, descriptions).end = name.size();
}

// Adds a relation to `article`, stated in sentence `sentence`.
ArticleRelation& relation(ArticleGraph& article, const std::string& type, std::size_t subject, std::size_t object,
                          std::size_t sentence, bool symmetric = false) {
  ArticleRelation& r = article.relations.emplace_back();
  r.type = article.add_text(type);
  r.symmetric = symmetric;
  r.subject = subject;
  r.object = object;
  r.sentence = sentence;
  r.start = 10 * sentence;
  r.end = 10 * sentence + 7;
  r.rule = article.add_text(type + "_rule");
  r.evidence = article.add_text("sentence " + std::to_string(sentence));
  return r;
}

}  // namespace

TEST_CASE("an article graph keeps its strings in one buffer, names with their folded keys") {
  ArticleGraph article;
  entity(article, EntityType::Organization, "Zeta Capital", {"ZÉTA"}, {"le fonds"});
  REQUIRE(article.nodes.size() == 1);
  const ArticleNode& zeta = article.nodes[0];
  CHECK(article.text(zeta.name.text) == "Zeta Capital");
  CHECK(article.text(zeta.name.key) == "zeta capital");
  CHECK(zeta.name.key_hash == key_hash("zeta capital"));
  REQUIRE(zeta.alias_count == 1);
  REQUIRE(zeta.description_count == 1);
  const FoldedForm& alias = article.forms[zeta.first_form];
  CHECK(article.text(alias.key) == "zeta");
  CHECK(article.text(article.forms[zeta.first_form + 1].text) == "le fonds");
  CHECK(key_hash("zeta") != key_hash("zeta capital"));
}

TEST_CASE("a key's hash mixes it eight bytes at a time, the last bytes zero-padded, at every length") {
  // The definition, written plainly: whole words, then the tail copied into a zeroed word.
  auto plain_hash = [](std::string_view key) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = key.size() * kMultiplier;
    for (std::size_t at = 0; at < key.size(); at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, key.data() + at, std::min<std::size_t>(8, key.size() - at));
      h = (h ^ word) * kMultiplier;
      h ^= h >> 29;
    }
    return h ^ (h >> 32);
  };
  const std::string text = "zeta capital, société d'investissement";
  for (std::size_t size = 0; size <= 24; ++size) {
    std::string_view key = std::string_view(text).substr(3, size);  // not aligned
    CHECK(key_hash(key) == plain_hash(key));
  }
}

TEST_CASE("an entity's node takes the keys it carries, and folds those it does not") {
  Entity carried;
  carried.name = "Zeta Capital";
  carried.name_key = "zeta capital";
  carried.aliases = {"ZÉTA", "Zeta-Cap"};
  carried.alias_keys = {"zeta"};  // the second one not known
  carried.descriptions = {"le fonds"};
  carried.first_start = 4;
  carried.first_end = 16;
  Entity by_hand;  // no keys at all
  by_hand.name = carried.name;
  by_hand.aliases = carried.aliases;
  by_hand.descriptions = carried.descriptions;
  ArticleGraph article;
  const ArticleNode& node = article.add_node(carried);
  CHECK(node.start == 4);
  CHECK(node.end == 16);
  article.add_node(by_hand);
  REQUIRE(article.nodes.size() == 2);
  for (const ArticleNode& n : article.nodes) {
    CHECK(article.text(n.name.key) == "zeta capital");
    CHECK(n.name.key_hash == key_hash("zeta capital"));
    REQUIRE(n.alias_count == 2);
    REQUIRE(n.description_count == 1);
    CHECK(article.text(article.forms[n.first_form].key) == "zeta");
    CHECK(article.text(article.forms[n.first_form + 1].key) == "zeta cap");
    CHECK(article.text(article.forms[n.first_form + 2].key) == "le fonds");
    CHECK(article.forms[n.first_form + 2].key_hash == key_hash("le fonds"));
  }
}

TEST_CASE("the merged graph written directly is the text of the PropertyGraph take() builds") {
  GraphMerger merger;
  ArticleGraph a{"a.txt", "2024-01", {}, {}, {}, {}};
  entity(a, EntityType::Organization, "Zeta Capital", {"Zeta"}, {"le fonds"});
  entity(a, EntityType::Organization, "Brakko Labs");
  ArticleRelation& deal = relation(a, "INVESTS_IN", 0, 1, 0);
  deal.amount_min = 5e6;
  deal.amount_max = 7.5e6;
  deal.currency = a.add_text("EUR");
  relation(a, "PARTNERS_WITH", 0, 1, 1, true);
  relation(a, "PARTNERS_WITH", 1, 0, 2, true);
  // The same file given twice: its statements are not counted twice.
  ArticleGraph again = a;
  // Known by an alias; its description here is a name elsewhere. A file
  // name is escaped in JSON like any text, in the sources too.
  ArticleGraph b{"b \"quoted\"\\.txt", "", {}, {}, {}, {}};
  entity(b, EntityType::Organization, "ZETA", {}, {"Brakko Labs"});
  entity(b, EntityType::Person, "Lorna Vettel");
  relation(b, "INVESTS_IN", 0, 1, 3).status = b.add_text("completed");
  relation(b, "INVESTS_IN", 0, 0, 4);
  for (ArticleGraph* article : {&a, &again, &b}) merger.add(std::move(*article));

  CHECK(merger.node_count() == 3);
  CHECK(merger.relationship_count() == 3);
  std::string written;
  kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { written += chunk; });
  merger.write_node_link(out);
  kg::PropertyGraph g = GraphMerger(merger).take();
  CHECK(written == kg::to_node_link(g));

  kg::NodeId zeta = node(g, "Zeta Capital");
  // Zeta, le fonds, Brakko Labs: ZETA folds like Zeta.
  CHECK(g.node_property(zeta, "aliases")->as_list().size() == 3);
  CHECK(g.node_property(zeta, "descriptions")->as_list().size() == 2);
  CHECK(g.node_property(zeta, "documents")->as_list().size() == 2);  // a.txt once, then b.txt
  kg::RelId invests = *g.relationships_of_type("INVESTS_IN").begin();
  CHECK(g.relationship_property(invests, "evidence_count")->as_int() == 1);
  CHECK(g.relationship_property(invests, "all_sources")->as_list()[0].as_string() == "a.txt:0:0-7");
  CHECK(g.relationship_property(invests, "amount_max")->as_float() == 7.5e6);
  CHECK(g.relationship_property(invests, "status") == nullptr);
  kg::RelId invests_in_person = *g.relationships_of_type("INVESTS_IN").rbegin();
  CHECK(g.relationship_property(invests_in_person, "status")->as_string() == "completed");
  CHECK(g.relationship_property(invests_in_person, "date") == nullptr);
  CHECK(g.relationship_property(invests_in_person, "all_sources")->as_list()[0].as_string() ==
        "b \"quoted\"\\.txt:3:30-37");
  kg::RelId partners = *g.relationships_of_type("PARTNERS_WITH").begin();
  CHECK(g.relationship_property(partners, "evidence_count")->as_int() == 2);
  CHECK(g.graph_attributes().at("sources").as_list().size() == 3);
}

TEST_CASE("written on several threads, the merged graph is the same text") {
  GraphMerger merger;
  for (int a = 0; a < 3; ++a) {
    ArticleGraph article{"doc" + std::to_string(a) + ".txt", "2024-0" + std::to_string(a + 1), {}, {}, {}, {}};
    // Enough nodes and relationships for several blocks per thread.
    for (int i = 0; i < 7000; ++i) {
      entity(article, EntityType::Organization, "Org " + std::to_string(a * 5000 + i));
      if (i > 0) relation(article, "COMPETES_WITH", i - 1, i, i, true);
    }
    merger.add(std::move(article));
  }
  auto written = [&](unsigned threads) {
    std::string text;
    kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
    merger.write_node_link(out, threads);
    return text;
  };
  std::string one = written(1);
  CHECK(merger.node_count() == 17000);
  CHECK(one == written(2));
  CHECK(one == written(3));
  CHECK(one == kg::to_node_link(GraphMerger(merger).take()));
}

TEST_CASE("a merger told how many articles to expect merges them as one that was not") {
  // Each article names an entity of its own and one that all share, related
  // to the next article's: enough articles for the indexes to be sized, then
  // grown past that size.
  auto article = [](int a) {
    ArticleGraph made{"doc" + std::to_string(a) + ".txt", "", {}, {}, {}, {}};
    entity(made, EntityType::Organization, "Org " + std::to_string(a), {"O" + std::to_string(a)});
    entity(made, EntityType::Organization, "Org " + std::to_string(a + 1));
    entity(made, EntityType::Place, "Lakeport");
    relation(made, "INVESTS_IN", 0, 1, 0);
    relation(made, "BASED_IN", 0, 2, 1);
    return made;
  };
  auto written = [](const GraphMerger& merger) {
    std::string text;
    kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
    merger.write_node_link(out);
    return text;
  };
  GraphMerger told, not_told;
  told.expect_articles(400);
  for (int a = 0; a < 3000; ++a) {
    told.add(article(a));
    not_told.add(article(a));
  }
  CHECK(told.node_count() == 3002);
  CHECK(told.relationship_count() == 6000);
  CHECK(written(told) == written(not_told));
}

TEST_CASE("relations of one sentence share its text, written once escaped for them all") {
  auto article = [](const std::string& name, const std::string& sentence) {
    ArticleGraph a{name, "", {}, {}, {}, {}};
    entity(a, EntityType::Organization, "Zeta Capital");
    entity(a, EntityType::Organization, "Brakko Labs");
    entity(a, EntityType::Organization, "Nuvola");
    relation(a, "INVESTS_IN", 0, 1, 0);
    relation(a, "INVESTS_IN", 0, 2, 0).start += 20;
    a.relations[0].evidence = a.relations[1].evidence = a.add_text(sentence);
    return a;
  };
  auto written = [](const GraphMerger& merger) {
    std::string text;
    kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
    merger.write_node_link(out);
    return text;
  };
  GraphMerger one;
  one.add(article("a.txt", "Zeta \"Capital\" invests in Brakko Labs and Nuvola."));
  std::string text = written(one);
  CHECK(text == kg::to_node_link(GraphMerger(one).take()));
  CHECK(written(one) == text);
  // Another graph, with another sentence in the same place.
  GraphMerger other;
  other.add(article("a.txt", "Zeta Capital backs Brakko Labs and Nuvola, twice over."));
  std::string other_text = written(other);
  CHECK(other_text == kg::to_node_link(GraphMerger(other).take()));
  CHECK(other_text.find("twice over") != std::string::npos);
}

TEST_CASE("links joining the same two nodes are keyed in the order they were made, each direction apart") {
  GraphMerger merger;
  for (const char* name : {"a.txt", "b.txt"}) {
    ArticleGraph article{name, "", {}, {}, {}, {}};
    entity(article, EntityType::Organization, "Zeta Capital");
    entity(article, EntityType::Organization, "Brakko Labs");
    relation(article, name[0] == 'a' ? "INVESTS_IN" : "PART_OF", 0, 1, 0);
    relation(article, "FOUNDED", 1, 0, 1);
    relation(article, name[0] == 'a' ? "CREATED" : "INVESTS_IN", 0, 1, 2);
    merger.add(std::move(article));
  }
  std::string text;
  kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
  merger.write_node_link(out);
  // b.txt's INVESTS_IN and FOUNDED are a.txt's again: four links in all.
  std::vector<std::string> links;
  for (std::size_t at = text.find("{\"source\""); at != std::string::npos; at = text.find("{\"source\"", at + 1))
    links.push_back(text.substr(at, text.find(",\"id\"", at) - at));
  CHECK(links == std::vector<std::string>{"{\"source\":\"n0\",\"target\":\"n1\",\"key\":0",
                                          "{\"source\":\"n1\",\"target\":\"n0\",\"key\":0",
                                          "{\"source\":\"n0\",\"target\":\"n1\",\"key\":1",
                                          "{\"source\":\"n0\",\"target\":\"n1\",\"key\":2"});
  CHECK(text == kg::to_node_link(GraphMerger(merger).take()));
}
