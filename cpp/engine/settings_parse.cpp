// The settings' grammar and messages (see settings_parse.h); the limits and names come from engine_limits.h.
#include "settings_parse.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "pyfloat.h"

namespace mg {

namespace {
constexpr size_t kQuoted = 60;

template <size_t N>
std::string one_of(const char* const (&names)[N]) {  // 'a', 'b' or 'c'
  std::string s;
  for (size_t i = 0; i < N; ++i) s += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + "'" + names[i] + "'";
  return s;
}

template <size_t N, class E>
bool parse_name(const std::string& text, const char* field, const char* const (&names)[N], E& out, std::string& error) {
  for (size_t i = 0; i < N; ++i)
    if (text == names[i]) return out = static_cast<E>(i), true;
  error = std::string(field) + ": expected " + one_of(names) + ", got " + quote(text);
  return false;
}

bool all_digits(const std::string& s, size_t from, size_t to) {
  if (from >= to) return false;
  for (size_t i = from; i < to; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// -?(digits[.digits?]|.digits)([eE][-+]?digits)?, as the URL parser reads numbers: no '+', hex, inf or spaces.
bool decimal(const std::string& s) {
  size_t i = s[0] == '-' ? 1 : 0, n = s.size(), int_end = i;
  while (int_end < n && std::isdigit(static_cast<unsigned char>(s[int_end]))) ++int_end;
  size_t frac_end = int_end;
  if (frac_end < n && s[frac_end] == '.') {
    ++frac_end;
    while (frac_end < n && std::isdigit(static_cast<unsigned char>(s[frac_end]))) ++frac_end;
  }
  if (int_end == i && frac_end - int_end < 2) return false;  // no digit before or after the point
  if (frac_end == n) return true;
  if (s[frac_end] != 'e' && s[frac_end] != 'E') return false;
  size_t e = frac_end + 1;
  if (e < n && (s[e] == '-' || s[e] == '+')) ++e;
  return all_digits(s, e, n);
}

std::string range_text(const char* kind, Range r) { return std::string("expected ") + kind + " from " + shown(r.min) + " to " + shown(r.max); }
}  // namespace

std::string quote(const std::string& text) {
  std::string q = "'";
  size_t end = text.size() <= kQuoted ? text.size() : kQuoted;
  while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // whole UTF-8 characters
  for (size_t i = 0; i < end; ++i) q += static_cast<unsigned char>(text[i]) < 0x20 || text[i] == 0x7f ? '?' : text[i];
  if (end < text.size()) q += "...' (" + std::to_string(text.size()) + " bytes)";
  else q += "'";
  return q;
}

std::string shown(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e16) return std::to_string(static_cast<long long>(v));
  return py_repr(v);
}

bool parse_count(const std::string& text, const char* field, uint64_t lo, uint64_t hi, uint64_t& out, std::string& error) {
  uint64_t v = 0;
  bool ok = all_digits(text, 0, text.size());
  for (size_t i = 0; ok && i < text.size(); ++i) {
    uint64_t d = static_cast<uint64_t>(text[i] - '0');
    ok = v <= (UINT64_MAX - d) / 10;
    v = v * 10 + d;
  }
  if (ok && v >= lo && v <= hi) return out = v, true;
  error = std::string(field) + ": expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " + quote(text);
  return false;
}

bool parse_number(const std::string& text, const char* field, Range r, double& out, std::string& error) {
  double v = text.empty() || !decimal(text) ? std::nan("") : std::strtod(text.c_str(), nullptr);
  if (std::isfinite(v) && v >= r.min && v <= r.max) return out = v, true;
  error = std::string(field) + ": " + range_text("a number", r) + ", got " + quote(text);
  return false;
}

bool parse_hidden(const std::string& text, const char* field, std::vector<int>& out, std::string& error) {
  std::vector<int> widths;
  for (size_t start = 0;;) {
    size_t comma = text.find(',', start), end = comma == std::string::npos ? text.size() : comma;
    uint64_t w = 0;
    std::string ignored;
    if (!parse_count(text.substr(start, end - start), field, 1, kMaxWidth, w, ignored)) {
      error = std::string(field) + ": each layer width must be an integer from 1 to " + std::to_string(kMaxWidth) +
              ", got " + quote(text);
      return false;
    }
    widths.push_back(static_cast<int>(w));
    if (widths.size() > static_cast<size_t>(kMaxLayers)) {
      size_t layers = 1;
      for (char c : text) layers += c == ',';
      error = std::string(field) + ": at most " + std::to_string(kMaxLayers) + " layers, got " + std::to_string(layers);
      return false;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  out = widths;
  return true;
}

bool parse_activation(const std::string& text, const char* field, Act& out, std::string& error) {
  return parse_name(text, field, kActivationNames, out, error);
}

bool parse_optimizer(const std::string& text, const char* field, OptKind& out, std::string& error) {
  return parse_name(text, field, kOptimizerNames, out, error);
}

bool parse_dataset(const std::string& text, const char* field, Dataset& out, std::string& error) {
  return parse_name(text, field, kDatasetNames, out, error);
}

bool check_integer(double v, const char* field, Range r, std::string& error) {
  if (std::isfinite(v) && v == std::floor(v) && v >= r.min && v <= r.max) return true;
  error = std::string(field) + ": " + range_text("an integer", r) + ", got " + shown(v);
  return false;
}

bool check_number(double v, const char* field, Range r, std::string& error) {
  if (std::isfinite(v) && v >= r.min && v <= r.max) return true;
  error = std::string(field) + ": " + range_text("a number", r) + ", got " + shown(v);
  return false;
}

}  // namespace mg
