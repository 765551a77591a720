#include "graph/node_link_writer.h"

#include <cstring>

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

}  // namespace

NodeLinkWriter::NodeLinkWriter(NodeLinkLayout layout, Sink sink)
    : layout_(layout), sink_(std::move(sink)), json_(buffer_) {}

void NodeLinkWriter::raw(std::string_view text) {
  std::memcpy(buffer_.Push(text.size()), text.data(), text.size());
}

void NodeLinkWriter::key(std::string_view key) {
  json_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

void NodeLinkWriter::begin(const Map& graph_attributes) {
  raw("{\"directed\": true, \"multigraph\": true, \"graph\": ");
  write_json_value(json_, Value(graph_attributes), NonFinite::AsLiterals);
  raw(layout_ == NodeLinkLayout::kOneLine ? "," : ",\n");
  raw("\"nodes\": [");
  first_item_ = true;
  in_links_ = false;
}

void NodeLinkWriter::begin_node(const Value& node_key, std::span<const std::string> labels) {
  if (!first_item_) raw(",");
  if (layout_ == NodeLinkLayout::kLinePerItem) raw("\n");
  first_item_ = false;
  json_.Reset(buffer_);
  json_.StartObject();
  key("id");
  write_json_value(json_, node_key, NonFinite::AsLiterals);
  key("labels");
  json_.StartArray();
  for (const std::string& l : labels) json_.String(l.c_str(), static_cast<rapidjson::SizeType>(l.size()));
  json_.EndArray();
}

void NodeLinkWriter::flush_if_full() {
  if (buffer_.GetSize() >= kChunkBytes) {
    sink_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
    buffer_.Clear();
  }
}

void NodeLinkWriter::end_item() {
  json_.EndObject();
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
  if (!first_item_) raw(",");
  if (layout_ == NodeLinkLayout::kLinePerItem) raw("\n");
  first_item_ = false;
  json_.Reset(buffer_);
  json_.StartObject();
  key("source");
  write_json_value(json_, source, NonFinite::AsLiterals);
  key("target");
  write_json_value(json_, target, NonFinite::AsLiterals);
  key("key");
  json_.Int64(parallel);
  key("id");
  json_.Uint64(id);
  key("type");
  json_.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
}

void NodeLinkWriter::end_link() { end_item(); }

NodeLinkWriter::NodeLinkWriter(const NodeLinkWriter& list, std::string& text, bool first)
    : NodeLinkWriter(list.layout_, [&text](std::string_view chunk) { text += chunk; }) {
  is_part_ = true;
  in_links_ = list.in_links_;
  first_item_ = first;
}

void NodeLinkWriter::append(std::string_view run) {
  if (run.empty()) return;
  raw(run);
  first_item_ = false;
  flush_if_full();
}

void NodeLinkWriter::finish() {
  if (!is_part_) raw(layout_ == NodeLinkLayout::kOneLine ? "]}" : "]}\n");
  sink_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
  buffer_.Clear();
}

void NodeLinkWriter::properties(const Map& props) {
  Map escaped;
  for (const auto& [name, value] : props) {
    if (in_links_ ? is_reserved(name, kLinkKeys) : is_reserved(name, kNodeKeys)) {
      escaped.emplace(name, value);
      continue;
    }
    key(name);
    write_json_value(json_, value, NonFinite::AsLiterals);
  }
  if (!escaped.empty()) {
    key("properties");
    write_json_value(json_, Value(std::move(escaped)), NonFinite::AsLiterals);
  }
}

void NodeLinkWriter::property(std::string_view name, std::string_view text) {
  key(name);
  json_.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void NodeLinkWriter::property(std::string_view name, std::int64_t number) {
  key(name);
  json_.Int64(number);
}

void NodeLinkWriter::property(std::string_view name, double number) {
  key(name);
  write_json_value(json_, Value(number), NonFinite::AsLiterals);
}

void NodeLinkWriter::property(std::string_view name, std::span<const std::string_view> texts) {
  key(name);
  json_.StartArray();
  for (std::string_view t : texts) json_.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
  json_.EndArray();
}

}  // namespace kg
