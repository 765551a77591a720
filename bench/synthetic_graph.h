// A deterministic knowledge graph of any size, shaped like kg's extractions:
// organizations and people, typed relationships with amounts and evidence.
#pragma once

#include <cstddef>

#include "graph/property_graph.h"

namespace kg::bench {

// `relationships` relationships over relationships / 5 nodes. The same
// arguments always give the same graph.
PropertyGraph make_synthetic_graph(std::size_t relationships);

}  // namespace kg::bench
