// Python's float repr without std::to_chars (absent from Emscripten 3.1.6's libc++): find the fewest
// significant digits that read back to the same double, then lay them out by repr's rules.
#include "pyfloat.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace mg {

namespace {
// Digits "d1d2..dn" and decimal exponent e of x = d1.d2..dn * 10^e, shortest that round-trips.
void shortest_digits(double x, std::string& digits, int& exp10) {
  char buf[40];
  for (int prec = 0; prec <= 16; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec, x);
    if (std::strtod(buf, nullptr) == x) break;
    // Next to a power of two the round-trip interval is lopsided: a neighbour of the nearest
    // candidate can round-trip when the nearest one does not.
    char* e = std::strchr(buf, 'e');
    std::string mant(buf, e);
    int ex = std::atoi(e + 1);
    bool found = false;
    for (int dir : {1, -1}) {
      std::string m = mant;
      int i = static_cast<int>(m.size()) - 1;
      while (i >= 0) {
        if (m[i] == '.') { --i; continue; }
        if (dir > 0 && m[i] < '9') { ++m[i]; break; }
        if (dir < 0 && m[i] > '0') { --m[i]; break; }
        i = -1;  // a carry would change the digit count: not a candidate of this length
      }
      if (i < 0 || (m[0] == '0')) continue;
      std::snprintf(buf, sizeof buf, "%se%d", m.c_str(), ex);
      if (std::strtod(buf, nullptr) == x) { found = true; break; }
    }
    if (found) break;
    if (prec == 16) std::snprintf(buf, sizeof buf, "%.16e", x);
  }
  char* e = std::strchr(buf, 'e');
  exp10 = std::atoi(e + 1);
  digits.clear();
  for (char* p = buf; p < e; ++p)
    if (*p >= '0' && *p <= '9') digits += *p;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}
}  // namespace

std::string py_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string sign = std::signbit(x) ? "-" : "";
  if (x == 0) return sign + "0.0";
  std::string d;
  int e;
  shortest_digits(std::fabs(x), d, e);
  int n = static_cast<int>(d.size());
  if (e < -4 || e >= 16) {  // scientific: 1e-05, 1.5e+16
    std::string s = sign + d.substr(0, 1);
    if (n > 1) s += "." + d.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", e < 0 ? '-' : '+', std::abs(e));
    return s + eb;
  }
  if (e < 0) return sign + "0." + std::string(-e - 1, '0') + d;
  if (n <= e + 1) return sign + d + std::string(e + 1 - n, '0') + ".0";
  return sign + d.substr(0, e + 1) + "." + d.substr(e + 1);
}

std::string py_number(double x, bool is_int) {
  if (is_int && std::isfinite(x)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  return py_repr(x);
}

std::string json_number(double x, bool is_int) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  return py_number(x, is_int);
}

std::string fixed6(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  return buf;
}

}  // namespace mg
