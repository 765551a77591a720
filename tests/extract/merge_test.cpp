#include <doctest/doctest.h>

#include "extract/extractor.h"
#include "extract/merge.h"
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
