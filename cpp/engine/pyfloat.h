// Numbers printed the way Python prints them: repr() of a float (shortest round-trip), "{:.6f}", and ints.
#pragma once
#include <string>

namespace mg {

std::string py_repr(double x);                   // repr(float): "0.1", "1e-05", "1e+16", "inf", "nan"
std::string py_number(double x, bool is_int);    // an int-valued Python number prints without ".0"
std::string json_number(double x, bool is_int);  // json.dumps: like repr, but Infinity / -Infinity / NaN
std::string fixed6(double x);                    // f"{x:.6f}"

}  // namespace mg
