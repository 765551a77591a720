#include "extract/document.h"

#include <array>
#include <utility>

namespace kg::extract {

namespace {
constexpr std::array<std::pair<EntityType, const char*>, 5> kLabels{{
    {EntityType::Person, "Person"},
    {EntityType::Organization, "Organization"},
    {EntityType::Product, "Product"},
    {EntityType::Project, "Project"},
    {EntityType::Place, "Place"},
}};
}  // namespace

const char* type_label(EntityType type) {
  for (const auto& [t, label] : kLabels)
    if (t == type) return label;
  return "Organization";
}

std::optional<EntityType> parse_type_label(const std::string& label) {
  for (const auto& [t, name] : kLabels)
    if (label == name) return t;
  return std::nullopt;
}

std::string Document::span_text(std::size_t first, std::size_t last) const {
  if (first >= last) return {};
  return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
}

std::string Document::sentence_text(std::size_t sentence) const {
  const Sentence& s = sentences[sentence];
  return span_text(s.first, s.last);
}

}  // namespace kg::extract
