// One parser for the settings, shared by the Session (the JS API), the CLI and the fuzz harness: the same
// grammar, limits (engine_limits.h) and message for each. `field` is how the caller names the setting in a message
// ("hidden" in the API, "--hidden" in the CLI); every message quotes at most ~60 characters of the input.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "data.h"
#include "engine_limits.h"
#include "nn.h"
#include "trainer.h"

namespace mg {

// User text as a message shows it: in single quotes, at most 60 characters, control characters as '?'.
std::string quote(const std::string& text);
// A number as a message shows it: integers without ".0", the rest as Python's repr.
std::string shown(double v);

// Texts (flags, and the API's strings).
bool parse_count(const std::string& text, const char* field, uint64_t lo, uint64_t hi, uint64_t& out, std::string& error);  // digits only
bool parse_number(const std::string& text, const char* field, Range r, double& out, std::string& error);  // decimal, finite, in r
bool parse_hidden(const std::string& text, const char* field, std::vector<int>& out, std::string& error);  // "8" or "16,8"
bool parse_activation(const std::string& text, const char* field, Act& out, std::string& error);
bool parse_optimizer(const std::string& text, const char* field, OptKind& out, std::string& error);
bool parse_dataset(const std::string& text, const char* field, Dataset& out, std::string& error);

// Numbers (the API's).
bool check_integer(double v, const char* field, Range r, std::string& error);
bool check_number(double v, const char* field, Range r, std::string& error);

}  // namespace mg
