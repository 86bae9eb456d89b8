// Embind declarations of the engine's JS-facing Session. Declarations only: the logic is in cpp/engine,
// tested natively; the friendly API (errors as JS Errors, typed arrays) is web/src/engine.js.
#include <emscripten/bind.h>

#include "../engine/engine_limits.h"
#include "../engine/session.h"

using mg::Session;

EMSCRIPTEN_BINDINGS(micrograd) {
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("configure", &Session::configure)  // all 9 arguments from JS
      .function("lastError", &Session::last_error)
      .function("step", &Session::step)
      .function("steps", &Session::steps)
      .function("lastSteps", &Session::last_steps)
      .function("diverged", &Session::diverged)
      .function("loss", &Session::loss)
      .function("accuracy", &Session::accuracy)
      .function("stepCount", &Session::step_count)
      .function("reset", &Session::reset)
      .function("setLr", &Session::set_lr)
      .function("setWeightDecay", &Session::set_weight_decay)
      .function("lr", &Session::lr)
      .function("weightDecay", &Session::weight_decay)
      .function("forward", &Session::forward)
      .function("graphJson", &Session::graph_json)
      .function("graphValues", &Session::graph_values)
      .function("graphSize", &Session::graph_size)
      .function("boundary", &Session::boundary)
      .function("parameters", &Session::parameters)
      .function("optimizerState", &Session::optimizer_state)
      .function("numParameters", &Session::num_parameters)
      .function("paramNames", &Session::param_names)
      .function("numPoints", &Session::num_points)
      .function("points", &Session::points)
      .function("addPoint", &Session::add_point)
      .function("movePoint", &Session::move_point)
      .function("setLabel", &Session::set_label)
      .function("removePoint", &Session::remove_point)
      .function("clearPoints", &Session::clear_points)
      .function("dataset", &Session::dataset)
      .function("backwardSteps", &Session::backward_steps)
      .function("forwardOrder", &Session::forward_order)
      .function("gradCheck", &Session::grad_check)
      .function("gradCheckParams", &Session::grad_check_params)
      .function("pointGrads", &Session::point_grads)
      .function("pointStats", &Session::point_stats)
      .function("nodeField", &Session::node_field)
      .function("count", &Session::count)
      .class_function("setMemoryBudget", &Session::set_memory_budget)
      .class_function("memoryBudget", &Session::memory_budget)
      .class_function("memoryInUse", &Session::memory_in_use);
  emscripten::function("limits", &mg::limits_json);
}
