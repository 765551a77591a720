#include <doctest/doctest.h>

#include "helpers.h"

using namespace kg::extract;
using namespace kg::extract::test;

namespace {
EntityType type_of(const Document& doc, const std::string& text) {
  for (const Mention& m : doc.mentions)
    if (doc.span_text(m.first, m.last) == text) return *m.type;
  FAIL("no mention " << text);
  return EntityType::Place;
}
}  // namespace

TEST_CASE("shape: company suffixes make organisations, plain two-word names people") {
  Document doc = prepare("Hier, Lorna Vettel a rejoint Quarry Labs puis Zorvex.", "fr", Upto::Types);
  CHECK(type_of(doc, "Lorna Vettel") == EntityType::Person);
  CHECK(type_of(doc, "Quarry Labs") == EntityType::Organization);
  CHECK(type_of(doc, "Zorvex") == EntityType::Organization);
}

TEST_CASE("shape: a digit or a last letter alone names a thing, not a person") {
  Document doc = prepare("Brakko sold the Lifter X2 and the Model K to Lorna Vettel.", "en", Upto::Types);
  CHECK(type_of(doc, "Lifter X2") != EntityType::Person);
  CHECK(type_of(doc, "Model K") != EntityType::Person);
  CHECK(type_of(doc, "Lorna Vettel") == EntityType::Person);
}

TEST_CASE("a place by its context: basée à, le siège à") {
  Document doc = prepare("Basée à Lakeport, la société Brakko recrute. Zorvex a son siège à Port Varen.", "fr",
                         Upto::Types);
  CHECK(type_of(doc, "Lakeport") == EntityType::Place);
  CHECK(type_of(doc, "Port Varen") == EntityType::Place);
}

TEST_CASE("context overrides shape: la firme, le modèle, l'initiative, M.") {
  Document doc = prepare(
      "La firme Brume Rouge a présenté le modèle Quill. L'initiative Halo avance. M. Dax Orlo approuve.", "fr",
      Upto::Types);
  CHECK(type_of(doc, "Brume Rouge") == EntityType::Organization);
  CHECK(type_of(doc, "Quill") == EntityType::Product);
  CHECK(type_of(doc, "Halo") == EntityType::Project);
  CHECK(type_of(doc, "Dax Orlo") == EntityType::Person);
}

TEST_CASE("English context: X-based makes a place, 'the X chatbot' a product") {
  Document doc = prepare("Brakko, a Lakeport-based firm, launched the Wisp chatbot.", "en", Upto::Types);
  CHECK(type_of(doc, "Lakeport") == EntityType::Place);
  CHECK(type_of(doc, "Wisp") == EntityType::Product);
}
