#include "query/updates.h"

#include <algorithm>

namespace kg::query {

bool UpdateOp::push(Row& row) {
  ctx_.memory.charge(approximate_bytes(row));
  rows_.push_back(std::move(row));
  return true;
}

void UpdateOp::finish() {
  std::vector<Row> out;
  for (Row& row : rows_) {
    ctx_.check();
    update(row, out);
  }
  after_all();
  rows_.clear();
  for (Row& row : out)
    if (!next_->push(row)) break;
  next_->finish();
}

namespace {

std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  return names.size();
}

// Evaluates a pattern element's property map for creation.
Map creation_properties(const ExprPtr& props, const Env& env, ExecContext& ctx) {
  if (!props) return {};
  Value v = evaluate(*props, env, ctx.eval);
  if (v.is_null()) return {};
  if (!v.is_map()) runtime_error("TypeError", "InvalidArgumentType", "properties must be a map");
  Map out;
  for (const auto& [k, val] : v.as_map()) {
    if (val.is_null()) continue;
    out[k] = val;
  }
  return out;
}

void check_storable(const Value& v) {
  if (v.is_map() || v.is_node() || v.is_relationship() || v.is_path())
    runtime_error("TypeError", "InvalidPropertyType",
                  "a property cannot hold a " + std::string(v.type_name()));
  if (v.is_list())
    for (const auto& e : v.as_list())
      if (!e.is_null() && (e.is_list() || e.is_map() || e.is_node() || e.is_relationship() || e.is_path()))
        runtime_error("TypeError", "InvalidPropertyType",
                      "a property list cannot hold a " + std::string(e.type_name()));
}

// Sets one property, counting it in the statistics.
void set_property(const Value& target, const std::string& key, const Value& value, ExecContext& ctx) {
  PropertyGraph& g = ctx.eval.graph;
  if (!value.is_null()) check_storable(value);
  if (target.is_node()) {
    NodeId id = target.as_node().id;
    if (!g.has_node(id)) runtime_error("EntityNotFound", "DeletedEntityAccess", "the node was deleted");
    ctx.changes.touch_property(true, id, key, g);
    g.set_node_property(id, key, value);
  } else if (target.is_relationship()) {
    RelId id = target.as_relationship().id;
    if (!g.has_relationship(id))
      runtime_error("EntityNotFound", "DeletedEntityAccess", "the relationship was deleted");
    ctx.changes.touch_property(false, id, key, g);
    g.set_relationship_property(id, key, value);
  } else {
    runtime_error("TypeError", "InvalidArgumentType",
                  "cannot set a property on a " + std::string(target.type_name()));
  }
}

Map properties_of(const Value& entity, ExecContext& ctx) {
  if (entity.is_node()) return ctx.eval.graph.node_properties(entity.as_node().id);
  return ctx.eval.graph.relationship_properties(entity.as_relationship().id);
}

}  // namespace

void apply_set_items(const std::vector<SetItem>& items, bool remove, const Env& env, ExecContext& ctx) {
  PropertyGraph& g = ctx.eval.graph;
  for (const SetItem& item : items) {
    Value target = evaluate(*item.target, env, ctx.eval);
    if (target.is_null()) continue;
    switch (item.kind) {
      case SetItem::Kind::Property:
        set_property(target, item.key, remove ? Value() : evaluate(*item.value, env, ctx.eval), ctx);
        break;
      case SetItem::Kind::Replace:
      case SetItem::Kind::Merge: {
        if (!target.is_node() && !target.is_relationship())
          runtime_error("TypeError", "InvalidArgumentType",
                        "cannot set properties on a " + std::string(target.type_name()));
        Value v = evaluate(*item.value, env, ctx.eval);
        Map wanted;
        if (v.is_node() || v.is_relationship())
          wanted = properties_of(v, ctx);
        else if (v.is_map())
          wanted = v.as_map();
        else if (!v.is_null())
          runtime_error("TypeError", "InvalidArgumentType",
                        "SET expects a map, got " + std::string(v.type_name()));
        if (item.kind == SetItem::Kind::Replace) {
          Map current = properties_of(target, ctx);
          for (const auto& [k, old] : current)
            if (wanted.find(k) == wanted.end()) set_property(target, k, Value(), ctx);
        }
        for (const auto& [k, val] : wanted) set_property(target, k, val, ctx);
        break;
      }
      case SetItem::Kind::Labels: {
        if (!target.is_node())
          runtime_error("TypeError", "InvalidArgumentType", "labels can only be set on a node");
        NodeId id = target.as_node().id;
        for (const auto& label : item.labels) {
          if (remove)
            g.remove_label(id, label);
          else
            g.add_label(id, label);
        }
        break;
      }
    }
  }
}

void create_part(const PatternPart& part, std::vector<std::string>& names, Row& row, ExecContext& ctx) {
  PropertyGraph& g = ctx.eval.graph;
  auto bind = [&](const std::string& name, Value v) {
    if (name.empty()) return;
    std::size_t i = index_of(names, name);
    if (i == names.size()) {
      names.push_back(name);
      row.push_back(std::move(v));
    } else {
      row[i] = std::move(v);
    }
  };
  std::vector<NodeId> nodes;
  for (const NodePattern& n : part.nodes) {
    std::size_t i = n.variable.empty() ? names.size() : index_of(names, n.variable);
    if (i < names.size() && i < row.size()) {
      if (!row[i].is_node())
        runtime_error("SemanticError", "NotANode",
                      "cannot create a relationship with `" + n.variable + "`, which is " +
                          (row[i].is_null() ? "null" : "not a node"));
      nodes.push_back(row[i].as_node().id);
      continue;
    }
    Env env{&names, row.data(), nullptr};
    Map props = creation_properties(n.properties, env, ctx);
    for (const auto& [k, v] : props) check_storable(v);
    NodeId id = g.add_node(n.labels, props);
    ctx.changes.node_created(id);
    for (const auto& [k, v] : props) ctx.changes.touch_property(true, id, k, g);
    nodes.push_back(id);
    bind(n.variable, Value(NodeRef{id}));
  }
  Path path;
  path.nodes.push_back(nodes[0]);
  for (std::size_t r = 0; r < part.rels.size(); ++r) {
    const RelPattern& rel = part.rels[r];
    Env env{&names, row.data(), nullptr};
    Map props = creation_properties(rel.properties, env, ctx);
    for (const auto& [k, v] : props) check_storable(v);
    NodeId a = nodes[r], b = nodes[r + 1];
    if (rel.direction == Direction::Incoming) std::swap(a, b);
    RelId id = g.add_relationship(a, b, rel.types.at(0), props);
    ctx.changes.relationship_created(id);
    for (const auto& [k, v] : props) ctx.changes.touch_property(false, id, k, g);
    bind(rel.variable, Value(RelRef{id}));
    path.rels.push_back(id);
    path.nodes.push_back(nodes[r + 1]);
  }
  bind(part.path_variable, Value(std::move(path)));
}

// ---- CREATE ---------------------------------------------------------------

CreateOp::CreateOp(const Pattern& pattern, std::vector<std::string> input_names, ExecContext& ctx)
    : UpdateOp(ctx), pattern_(pattern), output_names_(std::move(input_names)) {
  for (const auto& part : pattern) {
    for (std::size_t i = 0; i < part.nodes.size(); ++i) {
      if (!part.nodes[i].variable.empty() &&
          index_of(output_names_, part.nodes[i].variable) == output_names_.size())
        output_names_.push_back(part.nodes[i].variable);
      if (i < part.rels.size() && !part.rels[i].variable.empty())
        output_names_.push_back(part.rels[i].variable);
    }
    if (!part.path_variable.empty()) output_names_.push_back(part.path_variable);
  }
}

void CreateOp::update(Row& row, std::vector<Row>& out) {
  std::vector<std::string> names(output_names_.begin(),
                                 output_names_.begin() + static_cast<std::ptrdiff_t>(row.size()));
  for (const auto& part : pattern_) create_part(part, names, row, ctx_);
  out.push_back(std::move(row));
}

// ---- MERGE ----------------------------------------------------------------

MergeOp::MergeOp(const MergeClause& merge, std::vector<std::string> input_names, ExecContext& ctx)
    : UpdateOp(ctx),
      merge_(merge),
      pattern_{merge.part},
      input_names_(input_names),
      matcher_(pattern_, std::move(input_names), ctx.eval.graph, nullptr) {}

// MERGE cannot match or create a null property.
static void reject_null_properties(const PatternPart& part, const Env& env, ExecContext& ctx) {
  auto check = [&](const ExprPtr& props) {
    if (!props) return;
    Value v = evaluate(*props, env, ctx.eval);
    if (!v.is_map()) return;
    for (const auto& [k, val] : v.as_map())
      if (val.is_null())
        runtime_error("SemanticError", "MergeReadOwnWrites",
                      "cannot merge using null property value for '" + k + "'");
  };
  for (const auto& n : part.nodes) check(n.properties);
  for (const auto& r : part.rels) check(r.properties);
}

void MergeOp::update(Row& row, std::vector<Row>& out) {
  {
    Env env{&input_names_, row.data(), nullptr};
    reject_null_properties(pattern_[0], env, ctx_);
  }
  std::size_t before = out.size();
  matcher_.run(row.data(), ctx_.eval, [&](Row& match) {
    out.push_back(std::move(match));
    return true;
  });
  const auto& names = matcher_.output_names();
  if (out.size() > before) {
    for (std::size_t i = before; i < out.size(); ++i) {
      Env env{&names, out[i].data(), nullptr};
      apply_set_items(merge_.on_match, false, env, ctx_);
    }
    return;
  }
  // Nothing matched: create the pattern, in the order the matcher names variables.
  std::vector<std::string> created_names = input_names_;
  Row created = row;
  create_part(pattern_[0], created_names, created, ctx_);
  Row result(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t j = index_of(created_names, names[i]);
    if (j < created.size()) result[i] = created[j];
  }
  Env env{&names, result.data(), nullptr};
  apply_set_items(merge_.on_create, false, env, ctx_);
  out.push_back(std::move(result));
}

// ---- SET / REMOVE -----------------------------------------------------------

SetOp::SetOp(const std::vector<SetItem>& items, bool remove, std::vector<std::string> names, ExecContext& ctx)
    : UpdateOp(ctx), items_(items), remove_(remove), names_(std::move(names)) {}

void SetOp::update(Row& row, std::vector<Row>& out) {
  Env env{&names_, row.data(), nullptr};
  apply_set_items(items_, remove_, env, ctx_);
  out.push_back(std::move(row));
}

// ---- DELETE -----------------------------------------------------------------

DeleteOp::DeleteOp(const DeleteClause& clause, std::vector<std::string> names, ExecContext& ctx)
    : UpdateOp(ctx), clause_(clause), names_(std::move(names)) {}

void DeleteOp::update(Row& row, std::vector<Row>& out) {
  Env env{&names_, row.data(), nullptr};
  for (const auto& target : clause_.targets) {
    Value v = evaluate(*target, env, ctx_.eval);
    if (v.is_null()) continue;
    if (v.is_node()) {
      nodes_.push_back(v.as_node().id);
    } else if (v.is_relationship()) {
      rels_.push_back(v.as_relationship().id);
    } else if (v.is_path()) {
      for (NodeId n : v.as_path().nodes) nodes_.push_back(n);
      for (RelId r : v.as_path().rels) rels_.push_back(r);
    } else {
      runtime_error("TypeError", "InvalidArgumentType",
                    "DELETE expects a node, relationship or path, got " + std::string(v.type_name()));
    }
  }
  out.push_back(std::move(row));
}

void DeleteOp::after_all() {
  PropertyGraph& g = ctx_.eval.graph;
  for (RelId r : rels_) {
    if (!g.has_relationship(r)) continue;
    ctx_.eval.deleted_types[r] = g.type(r);
    ctx_.changes.relationship_deleted(r, g);
    g.remove_relationship(r);
  }
  for (NodeId n : nodes_) {
    if (!g.has_node(n)) continue;
    if (clause_.detach) {
      std::vector<RelId> rels = g.outgoing(n);
      for (RelId r : g.incoming(n))
        if (g.source(r) != g.target(r)) rels.push_back(r);
      for (RelId r : rels) {
        ctx_.eval.deleted_types[r] = g.type(r);
        ctx_.changes.relationship_deleted(r, g);
      }
    } else if (g.out_degree(n) + g.in_degree(n) > 0) {
      runtime_error("ConstraintVerificationFailed", "DeleteConnectedNode",
                    "cannot delete a node that still has relationships; use DETACH DELETE");
    }
    ctx_.changes.node_deleted(n, g);
    g.detach_remove_node(n);
  }
  nodes_.clear();
  rels_.clear();
}

}  // namespace kg::query
