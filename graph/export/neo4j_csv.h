// CSV files for `neo4j-admin database import full` (Neo4j 5), the fastest way
// to load a large graph into Neo4j.
//
// One file per label combination (nodes_Organization.csv) and one per
// relationship type (relationships_INVESTS_IN.csv), each with its header line:
//   :ID,:LABEL,name:string,aliases:string[],amount:double
//   :START_ID,:END_ID,:TYPE,amount_min:double,evidence:string
// Node ids are kg's ("n12"); columns are typed as property_columns.h infers
// them; array elements and labels are separated by U+001F, so no printable
// character in the data can split them; fields follow RFC 4180 and may span
// lines. The import command sets the options these choices need.
#pragma once

#include <string>
#include <vector>

#include "graph/export/export_files.h"
#include "graph/property_graph.h"

namespace kg {

// The CSV files, nodes first.
std::vector<ExportFile> to_neo4j_csv(const PropertyGraph& graph);

// The shell command that imports `files`, written in `folder`, into the
// database `database` (neo4j-admin requires the database to be stopped).
std::string neo4j_import_command(const std::vector<ExportFile>& files, const std::string& folder,
                                 const std::string& database = "neo4j");

}  // namespace kg
