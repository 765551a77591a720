// Files for Kùzu (an embedded graph database that speaks Cypher): CSV files,
// the DDL (schema.cypher: node and relationship tables) and the COPY
// statements that load them (copy.cypher).
//
// Kùzu needs a schema: each node belongs to one node table, named after its
// label (labels joined with '_' for several, `Node` for none), with primary
// key kg_id (kg's node id); each relationship type is one relationship table
// with a FROM/TO pair per pair of node tables it connects, and one CSV file
// per pair. Columns are typed as property_columns.h infers them.
//
// Kùzu's CSV reader keeps quotes inside list fields, so string lists are
// written as text, each element followed by a separator that no element of
// the column contains, and the COPY statement splits them again (Kùzu's
// string_split drops empty elements, so an empty string inside a list is
// lost). Kùzu also reads an empty quoted string as null, and NaN and
// infinities are written as null.
#pragma once

#include <string>
#include <vector>

#include "graph/export/export_files.h"
#include "graph/property_graph.h"

namespace kg {

// The CSV files, schema.cypher and copy.cypher. The COPY statements name the
// CSV files by their absolute path inside `folder`, where they will be written.
std::vector<ExportFile> to_kuzu(const PropertyGraph& graph, const std::string& folder);

}  // namespace kg
