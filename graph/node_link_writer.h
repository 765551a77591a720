// Node-link JSON (node_link_json.h) written item by item: to_node_link writes
// a PropertyGraph through it, and a producer that holds no PropertyGraph (the
// extractor's merge) writes the very same text for the same graph without
// building one, each node and link whole through a JsonCursor. The text goes
// to a sink in chunks, not into one string.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "graph/json_value_writer.h"
#include "graph/node_link_json.h"
#include "graph/short_copy.h"

namespace kg {

// JSON text written at a pointer, into room reserved beforehand for all of
// it (NodeLinkWriter::begin_whole_item): a producer writing an item of many
// small pieces writes each with no call and no test for room. Strings are
// escaped as the writer escapes them.
class JsonCursor {
 public:
  explicit JsonCursor(char* out) : out_(out) {}
  // The room string() may need for `size` bytes: every byte written \u00XX,
  // the quotes, and whole words stored past the end.
  static constexpr std::size_t string_room(std::size_t size) { return size * 6 + 2 + 16; }
  // The room number() may need: "-9223372036854775808".
  static constexpr std::size_t kNumberRoom = 20;

  // Writes `text` as it is.
  [[gnu::always_inline]] void raw(std::string_view text) {
    copy_short(text.data(), text.size(), out_);
    out_ += text.size();
  }
  // Writes `text` as a JSON string, quoted and escaped.
  void string(std::string_view text) { out_ = write_string(text, out_); }
  // Writes the decimal digits of `number`.
  template <class Integer>
  [[gnu::always_inline]] void number(Integer number) {
    out_ = write_decimal(number, out_);
  }
  // The end of what was written.
  char* end() const { return out_; }

  // Writes `text` quoted and escaped at `out` (string_room() bytes) and
  // returns the end of what it wrote.
  static char* write_string(std::string_view text, char* out);

  // Writes the decimal digits of `number` at `out` (kNumberRoom bytes) and
  // returns their end. Offsets, counts and ids, most of the numbers of a
  // graph, are below 10^8: written from a table of digit pairs without
  // std::to_chars's digit count loop.
  template <class Integer>
  [[gnu::always_inline]] static char* write_decimal(Integer number, char* out) {
    if (number < 0 || number >= 100000000) return std::to_chars(out, out + kNumberRoom, number).ptr;
    auto n = static_cast<unsigned>(number);
    if (n < 10000) return write_below_10000(n, out);
    // The first digits, then the last four.
    out = write_below_10000(n / 10000, out);
    unsigned low = n % 10000;
    std::memcpy(out, kDigitPairs + 2 * (low / 100), 2);
    std::memcpy(out + 2, kDigitPairs + 2 * (low % 100), 2);
    return out + 4;
  }

 private:
  // The two digits of 0..99, in order.
  static constexpr char kDigitPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";

  [[gnu::always_inline]] static char* write_below_10000(unsigned n, char* out) {
    if (n < 10) {
      *out = static_cast<char>('0' + n);
      return out + 1;
    }
    if (n < 100) {
      std::memcpy(out, kDigitPairs + 2 * n, 2);
      return out + 2;
    }
    if (n < 1000) {
      *out = static_cast<char>('0' + n / 100);
      std::memcpy(out + 1, kDigitPairs + 2 * (n % 100), 2);
      return out + 3;
    }
    std::memcpy(out, kDigitPairs + 2 * (n / 100), 2);
    std::memcpy(out + 2, kDigitPairs + 2 * (n % 100), 2);
    return out + 4;
  }

  char* out_;
};

class NodeLinkWriter {
 public:
  // Receives the text in order, in chunks of about kChunkBytes or more, or
  // of a run's text whole when it holds kRunPassBytes or more (append()); the
  // last chunk may be shorter. The views are valid only during the call.
  using Sink = std::function<void(std::string_view)>;
  static constexpr std::size_t kChunkBytes = 1 << 20;
  static constexpr std::size_t kRunPassBytes = 64 << 10;
  // The room a run's buffer is made at first: enough for a block of a long
  // list (write_list_in_parallel's 2,048 links of about 700 bytes), which
  // would otherwise grow it several times, each time copied into fresh
  // memory the system must map.
  static constexpr std::size_t kRunRoomBytes = std::size_t{2} << 20;

  NodeLinkWriter(NodeLinkLayout layout, Sink sink);

  // Call in this order: begin(); then for each node, in id order, begin_node(),
  // its properties, end_node() (or the node whole: begin_whole_item() ...);
  // begin_links(); for each link, in id order, begin_link(), its properties,
  // end_link() (or the same whole); finish().
  void begin(const Map& graph_attributes);
  void begin_node(const Value& key, std::span<const std::string> labels);
  // The same for a key that is a string (no Value to build).
  void begin_node(std::string_view key, std::span<const std::string> labels);
  void end_node();
  void begin_links();
  // `parallel` is networkx's multigraph key: the link's index among those
  // joining the same source to the same target.
  void begin_link(const Value& source, const Value& target, std::int64_t parallel, RelId id, std::string_view type);
  // The same for ends whose keys are strings.
  void begin_link(std::string_view source, std::string_view target, std::int64_t parallel, RelId id,
                  std::string_view type);
  void end_link();
  // Ends the text and hands the rest of it to the sink.
  void finish();

  // Writing a long list on several threads: a writer, for one thread, of
  // runs of items of the list (nodes or links) `list` is at. Before each run
  // call begin_run(), `first` saying whether the run starts the list; after
  // its last item, list.append() the runs in list order. A run's text stays in
  // its writer's buffer, which is kept from run to run: neither allocated nor
  // copied once more per run.
  NodeLinkWriter(const NodeLinkWriter& list, bool first);
  void begin_run(bool first);
  // Passes the text of `run` on (and empties it).
  void append(NodeLinkWriter& run);

  // The JSON writer points into the buffer: not copied, not moved.
  NodeLinkWriter& operator=(const NodeLinkWriter&) = delete;

  // All the properties of the current node or link; those named like a key of
  // the object itself ("id", "type", ...) go into its "properties" member.
  void properties(const Map& properties);
  // An item written whole by its producer, with no call per member:
  // begin_whole_item() writes the separator from the item before and returns
  // a cursor to room for `room` bytes, where the producer writes the item's
  // object, from "{" to "}"; end_whole_item() takes what it wrote. Nothing
  // else is written to this writer in between. (The cursor is passed by
  // value, so that it stays in a register while the item is written.)
  JsonCursor begin_whole_item(std::size_t room);
  void end_whole_item(JsonCursor item);

  // The graph's attributes given as JSON text (a JsonText, say), for a
  // producer that has escaped their strings already.
  struct Json {
    std::string_view text;
  };
  void begin(Json graph_attributes);

 private:
  void raw(std::string_view text);
  // A JSON string, escaped as RapidJSON's writer does.
  void string(std::string_view text);
  template <class Integer>
  void integer(Integer number);
  // Strings, integers and lists of them directly; other values through json_.
  void value(const Value& v);
  // ,"key": (every member but an item's first has a comma before it).
  void key(std::string_view key);
  // What begin() writes before and after the graph's attributes.
  void begin_graph();
  void begin_nodes();
  void begin_item();
  void labels_of_node(std::span<const std::string> labels);
  // The members between the ends and the type: ,"key":..,"id":..,"type":
  void link_members(std::int64_t parallel, RelId id);
  void end_item();

  void flush_if_full();

  NodeLinkLayout layout_;
  Sink sink_;
  bool is_part_ = false;
  rapidjson::StringBuffer buffer_;
  JsonWriter json_;  // for the values written by write_json_value, each one reset as a root
  bool first_item_ = true;  // of the nodes or of the links
  bool in_links_ = false;
  // The room of the whole item being written, and its start.
  std::size_t whole_item_room_ = 0;
  char* whole_item_ = nullptr;
};

// Inline: called for each node and link, and each a few instructions.
inline JsonCursor NodeLinkWriter::begin_whole_item(std::size_t room) {
  whole_item_room_ = room + 2;  // and the separator
  whole_item_ = buffer_.Push(whole_item_room_);
  JsonCursor out(whole_item_);
  if (!first_item_) out.raw(",");
  if (layout_ == NodeLinkLayout::kLinePerItem) out.raw("\n");
  first_item_ = false;
  return out;
}

inline void NodeLinkWriter::end_whole_item(JsonCursor item) {
  buffer_.Pop(whole_item_room_ - static_cast<std::size_t>(item.end() - whole_item_));
  if (buffer_.GetSize() >= kChunkBytes) flush_if_full();
}

// JSON text made apart from a writer, to be written many times (as raw text
// of a JsonCursor, say): strings are escaped as the writer escapes them.
class JsonText {
 public:
  void clear() { buffer_.Clear(); }
  // Makes room for `bytes` more bytes at once: a long text grown by halves
  // would be copied again at each step, into fresh memory.
  void reserve(std::size_t bytes) { buffer_.Reserve(bytes); }
  // Appends `text` as it is. Inline: most pieces are punctuation.
  void raw(std::string_view text) {
    // An empty buffer has no storage yet: no copy to or from a null pointer.
    if (!text.empty()) std::memcpy(buffer_.Push(text.size()), text.data(), text.size());
  }
  // Appends `text` as a JSON string, quoted and escaped.
  void string(std::string_view text);
  // Appends the decimal digits of `number`.
  void number(std::uint64_t number);
  // Appends a copy of its own text [from, to).
  void repeat(std::size_t from, std::size_t to) {
    std::size_t size = buffer_.GetSize();
    // The buffer may move: the copy is read from where it is after the push.
    char* out = buffer_.Push(to - from);
    if (to > from) std::memcpy(out, out - size + from, to - from);
  }
  std::size_t size() const { return buffer_.GetSize(); }
  // The text so far; valid until the next append.
  std::string_view view() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  rapidjson::StringBuffer buffer_;
};

}  // namespace kg
