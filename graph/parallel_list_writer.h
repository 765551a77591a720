// A long node-link list (the nodes or the links of a graph) written on
// several threads. Each thread formats a block of items into a run of its
// own (NodeLinkWriter's runs), then, in its turn, hands the run to the
// list's writer itself, and takes the next block. So the text is passed on
// (copied into the file, for a file) by the thread that made it, while it is
// still in that core's cache, and the other threads format meanwhile:
// handing 400 MB made on one core to another to write took three times as
// long in the system's copy as on the core that made it.
#pragma once

#include <cstddef>
#include <functional>

#include "graph/node_link_writer.h"

namespace kg {

// Writes item i of a list, for every i, to the writer given.
using ListItemWriter = std::function<void(NodeLinkWriter&, std::size_t)>;

// Writes items [0, count) of the list `out` is at, item i by
// write_item(writer, i): the same text as writing them in turn to `out`.
// With `threads` above 1, items are formatted on `threads` threads (the
// calling one and threads - 1 more), each call of write_item given its own
// thread's writer, and `out` and its sink are used by one thread at a time,
// in list order. Memory stays bounded by a block of items a thread. If
// write_item or the sink throws, the other threads stop and the first
// exception is rethrown here.
void write_list_in_parallel(NodeLinkWriter& out, std::size_t count, unsigned threads, const ListItemWriter& write_item);

}  // namespace kg
