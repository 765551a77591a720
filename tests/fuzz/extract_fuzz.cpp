// Fuzz target: any valid UTF-8 text is an article the extractor turns into a
// graph that saves as node-link JSON and loads back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extractor.h"
#include "extract/merge.h"
#include "graph/node_link_json.h"
#include "graph/text_fold.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kg::extract::RuleBook rules = kg::extract::RuleBook::built_in();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!kg::valid_utf8(text)) return 0;
  kg::extract::Document doc = kg::extract::extract_document("fuzz", text, rules);
  kg::extract::GraphMerger merger;
  merger.add(doc, *rules.find(doc.language));
  kg::PropertyGraph graph = merger.take();
  kg::parse_node_link(kg::to_node_link(graph), "extracted.json");
  return 0;
}
