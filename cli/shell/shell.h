// `kg shell [GRAPH.json]`, and plain `kg` on a terminal: the interactive
// query shell (docs/shell.md).
#pragma once

#include <string>

namespace kg::cli {

// Runs the shell on `graph_path`; when it is empty, on out/graph.json (the
// samples' graph, made by `bash samples/run.sh`) if the current folder has
// one, else on an empty graph. On a terminal it edits lines with libedit;
// otherwise it reads statements and meta-commands from standard input, with
// no prompts or colours. Returns the exit status: 0, or 1 when the graph
// cannot be loaded or (input not a terminal) any statement or command failed.
int run_shell(const std::string& graph_path);

}  // namespace kg::cli
