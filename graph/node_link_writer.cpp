#include "graph/node_link_writer.h"

#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "graph/short_copy.h"

namespace kg {

namespace {

// Keys with a meaning of their own in node and link objects. A property with
// one of these names is written inside the object's "properties" member, which
// cannot be confused with a property since property values are never maps.
constexpr std::string_view kNodeKeys[] = {"id", "labels", "properties"};
constexpr std::string_view kLinkKeys[] = {"source", "target", "key", "id", "type", "properties"};

template <std::size_t N>
bool is_reserved(std::string_view key, const std::string_view (&reserved)[N]) {
  for (std::string_view r : reserved)
    if (key == r) return true;
  return false;
}

// The escapes of RapidJSON's writer (rapidjson/writer.h), which writes every
// other JSON value kg saves: control characters, '"' and '\\'; other bytes,
// UTF-8 included, are copied.
constexpr char kEscape[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    0,   0,   '"', 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   '\\'};
constexpr char kHexDigits[] = "0123456789ABCDEF";

// Whether any of the 8 bytes of `word` needs an escape: one below 0x20, a '"'
// or a '\\' (the classic has-less-than and has-zero-byte bit tricks; exact).
bool needs_escape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  std::uint64_t control = (word - kOnes * 0x20) & ~word & kHighs;
  return (control | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

#if defined(__SSE2__)
// The bits of the bytes of `bytes` that need an escape (as needs_escape()).
[[gnu::always_inline]] inline unsigned escape_mask(__m128i bytes) {
  __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
  __m128i quote = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'));
  __m128i backslash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))));
}
#endif

// Copies the `size` (< 16) bytes at `in` to `out` and returns true if none
// needs an escape; otherwise writes nothing and returns false.
// Fixed-size loads that overlap cover any size without reading past `in +
// size`; `out` has room for sixteen bytes.
// Inlined: a call would cost as much as the test.
[[gnu::always_inline]] inline bool copy_if_clean(const char* in, std::size_t size, char* out) {
  constexpr std::uint64_t kLetters = 0x6161616161616161ULL;  // "aaaaaaaa", never escaped
  if (size >= 8) {
    std::uint64_t head, last;
    std::memcpy(&head, in, 8);
    std::memcpy(&last, in + size - 8, 8);
    if (needs_escape(head) || needs_escape(last)) return false;
    std::memcpy(out, &head, 8);
    std::memcpy(out + size - 8, &last, 8);
    return true;
  }
  if (size >= 4) {
    std::uint32_t head, last;
    std::memcpy(&head, in, 4);
    std::memcpy(&last, in + size - 4, 4);
    if (needs_escape(std::uint64_t{last} << 32 | head)) return false;
    std::memcpy(out, &head, 4);
    std::memcpy(out + size - 4, &last, 4);
    return true;
  }
  if (size == 0) return true;
  // One to three bytes: the first, the middle and the last.
  auto first = static_cast<unsigned char>(in[0]);
  auto middle = static_cast<unsigned char>(in[size / 2]);
  auto last = static_cast<unsigned char>(in[size - 1]);
  std::uint64_t word = (kLetters & ~std::uint64_t{0xFFFFFF}) | first | std::uint64_t{middle} << 8 |
                       std::uint64_t{last} << 16;
  if (needs_escape(word)) return false;
  out[0] = static_cast<char>(first);
  out[size / 2] = static_cast<char>(middle);
  out[size - 1] = static_cast<char>(last);
  return true;
}

// Writes `text` quoted and escaped at `out`, which has
// JsonCursor::string_room() bytes; returns the end of what it wrote.
char* write_json_string(std::string_view text, char* out) {
  *out++ = '"';
  const char* in = text.data();
  const char* end = in + text.size();
  if (text.size() < 16) {
    // A short string, most keys and names, tested and copied in one or two
    // words, however long it is: no loop and no call.
    if (copy_if_clean(in, text.size(), out)) {
      out += text.size();
      in = end;
    }
  }
#if defined(__SSE2__)
  else {
    // A longer one, most evidence sentences and many names: sixteen bytes
    // at a time, and the tail as the sixteen bytes that end the text, which
    // overlap the block before (the same bytes, written already).
    const char* last = end - 16;
    while (in < last) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
      if (escape_mask(bytes) != 0) break;
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
      in += 16;
      out += 16;
    }
    if (in >= last) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(last));
      if (escape_mask(bytes) == 0) {
        // Nothing was escaped before `in`: `last` is written where `out` was then.
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out - (in - last)), bytes);
        out += end - in;
        in = end;
      }
    }
  }
#endif
  while (in < end) {
    // Most text needs no escape: sixteen or eight bytes at a time.
#if defined(__SSE2__)
    while (end - in >= 16) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
      unsigned escapes = escape_mask(bytes);
      // All sixteen bytes are stored: the room left is at least six times that.
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
      std::size_t clean = escapes == 0 ? 16 : static_cast<std::size_t>(__builtin_ctz(escapes));
      in += clean;
      out += clean;
      if (clean < 16) break;
    }
#endif
    while (end - in >= 8) {
      std::uint64_t word;
      std::memcpy(&word, in, 8);
      if (needs_escape(word)) break;
      std::memcpy(out, in, 8);
      in += 8;
      out += 8;
    }
    // A shorter tail in one test too.
    if (end - in < 8) {
      auto tail = static_cast<std::size_t>(end - in);
      if (copy_if_clean(in, tail, out)) {
        out += tail;
        break;
      }
    }
    auto c = static_cast<unsigned char>(*in++);
    char escape = kEscape[c];
    if (escape == 0) {
      *out++ = static_cast<char>(c);
      continue;
    }
    *out++ = '\\';
    *out++ = escape;
    if (escape == 'u') {
      *out++ = '0';
      *out++ = '0';
      *out++ = kHexDigits[c >> 4];
      *out++ = kHexDigits[c & 0xF];
    }
  }
  *out++ = '"';
  return out;
}

// Copies `text` to `out`, inlined: a node or link is some forty pieces of a
// few bytes, each a call to memcpy otherwise.
[[gnu::always_inline]] inline void copy_short(std::string_view text, char* out) {
  kg::copy_short(text.data(), text.size(), out);
}

// Appends the decimal digits of `number` to `buffer`.
template <class Integer>
void append_integer(rapidjson::StringBuffer& buffer, Integer number) {
  char* begin = buffer.Push(JsonCursor::kNumberRoom);
  char* end = JsonCursor::write_decimal(number, begin);
  buffer.Pop(JsonCursor::kNumberRoom - static_cast<std::size_t>(end - begin));
}

// Appends `text` quoted and escaped to `buffer`.
void append_string(rapidjson::StringBuffer& buffer, std::string_view text) {
  std::size_t room = JsonCursor::string_room(text.size());
  char* begin = buffer.Push(room);
  char* end = write_json_string(text, begin);
  buffer.Pop(room - static_cast<std::size_t>(end - begin));
}

}  // namespace

char* JsonCursor::write_string(std::string_view text, char* out) { return write_json_string(text, out); }

void JsonText::string(std::string_view text) { append_string(buffer_, text); }

void JsonText::number(std::uint64_t number) { append_integer(buffer_, number); }

NodeLinkWriter::NodeLinkWriter(NodeLinkLayout layout, Sink sink)
    : layout_(layout), sink_(std::move(sink)), json_(buffer_) {
  // A chunk and its last item, without growing (each growth copies the chunk).
  if (sink_) buffer_.Reserve(kChunkBytes + kChunkBytes / 8);
}

[[gnu::always_inline]] inline void NodeLinkWriter::raw(std::string_view text) {
  copy_short(text, buffer_.Push(text.size()));
}

void NodeLinkWriter::string(std::string_view text) { append_string(buffer_, text); }

template <class Integer>
void NodeLinkWriter::integer(Integer number) {
  append_integer(buffer_, number);
}

void NodeLinkWriter::value(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: string(v.as_string()); break;
    case Value::Kind::Int: integer(v.as_int()); break;
    case Value::Kind::List: {
      raw("[");
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) raw(",");
        first = false;
        value(e);
      }
      raw("]");
      break;
    }
    default:
      // Floats, maps, temporal values...: RapidJSON's writer, as everywhere else.
      json_.Reset(buffer_);
      write_json_value(json_, v, NonFinite::AsLiterals);
      break;
  }
}

void NodeLinkWriter::key(std::string_view key) {
  raw(",");
  string(key);
  raw(":");
}

void NodeLinkWriter::begin(const Map& graph_attributes) {
  begin_graph();
  json_.Reset(buffer_);
  write_json_value(json_, Value(graph_attributes), NonFinite::AsLiterals);
  begin_nodes();
}

void NodeLinkWriter::begin(Json graph_attributes) {
  begin_graph();
  raw(graph_attributes.text);
  begin_nodes();
}

void NodeLinkWriter::begin_graph() { raw("{\"directed\": true, \"multigraph\": true, \"graph\": "); }

void NodeLinkWriter::begin_nodes() {
  raw(layout_ == NodeLinkLayout::kOneLine ? "," : ",\n");
  raw("\"nodes\": [");
  first_item_ = true;
  in_links_ = false;
}

void NodeLinkWriter::begin_item() {
  if (!first_item_) raw(",");
  if (layout_ == NodeLinkLayout::kLinePerItem) raw("\n");
  first_item_ = false;
}

void NodeLinkWriter::begin_node(const Value& node_key, std::span<const std::string> labels) {
  begin_item();
  raw("{\"id\":");
  value(node_key);
  labels_of_node(labels);
}

void NodeLinkWriter::begin_node(std::string_view node_key, std::span<const std::string> labels) {
  begin_item();
  raw("{\"id\":");
  string(node_key);
  labels_of_node(labels);
}

void NodeLinkWriter::labels_of_node(std::span<const std::string> labels) {
  raw(",\"labels\":[");
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) raw(",");
    string(labels[i]);
  }
  raw("]");
}

void NodeLinkWriter::flush_if_full() {
  // A run's writer keeps its whole run: list.append() takes it.
  if (!is_part_ && buffer_.GetSize() >= kChunkBytes) {
    sink_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
    buffer_.Clear();
  }
}

void NodeLinkWriter::end_item() {
  raw("}");
  flush_if_full();
}

void NodeLinkWriter::end_node() { end_item(); }

void NodeLinkWriter::begin_links() {
  raw(layout_ == NodeLinkLayout::kOneLine ? "]," : "],\n");
  raw("\"links\": [");
  first_item_ = true;
  in_links_ = true;
}

void NodeLinkWriter::begin_link(const Value& source, const Value& target, std::int64_t parallel, RelId id,
                                std::string_view type) {
  begin_item();
  raw("{\"source\":");
  value(source);
  raw(",\"target\":");
  value(target);
  link_members(parallel, id);
  string(type);
}

void NodeLinkWriter::begin_link(std::string_view source, std::string_view target, std::int64_t parallel, RelId id,
                                std::string_view type) {
  begin_item();
  raw("{\"source\":");
  string(source);
  raw(",\"target\":");
  string(target);
  link_members(parallel, id);
  string(type);
}

void NodeLinkWriter::link_members(std::int64_t parallel, RelId id) {
  raw(",\"key\":");
  integer(parallel);
  raw(",\"id\":");
  integer(static_cast<std::uint64_t>(id));
  raw(",\"type\":");
}

void NodeLinkWriter::end_link() { end_item(); }

NodeLinkWriter::NodeLinkWriter(const NodeLinkWriter& list, bool first) : NodeLinkWriter(list.layout_, nullptr) {
  buffer_.Reserve(kRunRoomBytes);
  is_part_ = true;
  in_links_ = list.in_links_;
  first_item_ = first;
}

void NodeLinkWriter::begin_run(bool first) {
  buffer_.Clear();
  first_item_ = first;
}

void NodeLinkWriter::append(NodeLinkWriter& run) {
  std::string_view text(run.buffer_.GetString(), run.buffer_.GetSize());
  if (text.empty()) return;
  first_item_ = false;
  if (text.size() < kRunPassBytes) {
    raw(text);
    flush_if_full();
  } else {
    // A long run goes to the sink as it is, not copied into the buffer first.
    if (buffer_.GetSize() > 0) sink_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
    buffer_.Clear();
    sink_(text);
  }
  run.buffer_.Clear();
}

void NodeLinkWriter::finish() {
  raw(layout_ == NodeLinkLayout::kOneLine ? "]}" : "]}\n");
  sink_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
  buffer_.Clear();
}

void NodeLinkWriter::properties(const Map& props) {
  Map escaped;
  for (const auto& [name, v] : props) {
    if (in_links_ ? is_reserved(name, kLinkKeys) : is_reserved(name, kNodeKeys)) {
      escaped.emplace(name, v);
      continue;
    }
    key(name);
    value(v);
  }
  if (!escaped.empty()) {
    key("properties");
    value(Value(std::move(escaped)));
  }
}

}  // namespace kg
