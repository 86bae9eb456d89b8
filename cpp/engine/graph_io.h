// Text forms of engine state, byte-compatible with the reference's files: graph.json (json.dump indent=0),
// Graphviz DOT in draw_dot's style, parameter lists and dataset.json.
#pragma once
#include <string>
#include <vector>

#include "data.h"
#include "trainer.h"

namespace mg {

std::string graph_json(const Graph& g);
std::string graph_dot(const Graph& g);
std::string params_json(const Trainer& t);  // json.dumps([p.data for p in parameters])
std::string dataset_json(uint64_t seed, int n, const Splits& s);  // json.dump(indent=1)

}  // namespace mg
