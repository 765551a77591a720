// Reading and writing graphs as networkx node-link JSON (../shared/spec/cli.md):
//   {"directed": true, "multigraph": true, "graph": {...},
//    "nodes": [{"id": KEY, "labels": [...], ...properties}],
//    "links": [{"source": KEY, "target": KEY, "key": K, "type": "T", ...properties}]}
// Relationships may also be read from "edges" (networkx 3.6's default key).
#pragma once

#include <string>
#include <string_view>

#include "graph/atomic_file.h"  // write_file_atomically, for every saver
#include "graph/property_graph.h"

namespace kg {

// A refused file: `what()` is one line naming the file and the line and column
// or the offending node or link.
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses node-link JSON text. `source_name` names the input in error messages.
// Strict: malformed JSON, a duplicate node id, a link to an unknown node, or a
// field of the wrong type throws LoadError. Unknown keys become properties.
// Node ids are kept (see PropertyGraph::file_key); a link's integer "id", if
// present, becomes the relationship id.
PropertyGraph parse_node_link(std::string_view json, const std::string& source_name);

// Reads a file; throws LoadError (also for an unreadable file).
PropertyGraph load_node_link(const std::string& path);

// How to_node_link lays out its text.
enum class NodeLinkLayout {
  kLinePerItem,  // a line per node and per link, and a final newline: for files people read and diff
  kOneLine,      // everything on one line, no final newline: one record of a JSON Lines stream
};

// The graph as node-link JSON: deterministic (nodes and links in id order,
// properties in key order), integers stay integers, floats keep a '.' or an
// exponent, and every value round-trips exactly.
std::string to_node_link(const PropertyGraph& graph, NodeLinkLayout layout = NodeLinkLayout::kLinePerItem);

// Writes atomically (atomic_file.h), streaming the text. Throws
// std::runtime_error naming the file on failure; the old file is then untouched.
void save_node_link(const PropertyGraph& graph, const std::string& path);

}  // namespace kg
