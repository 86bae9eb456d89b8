// The documented limits of every setting, shared by the CLI, the WASM API and the page.
#pragma once

namespace mg {

constexpr int kMinPoints = 3;       // the reference's 80/10/10 split needs at least 3 points
constexpr int kMaxPoints = 20000;   // points in a generated dataset
constexpr int kMaxLayers = 8;       // hidden layers
constexpr int kMaxWidth = 1024;     // neurons per hidden layer

}  // namespace mg
