// UTF-8 of the expression language's source: CPython's up-front checks, decoding and encoding, and
// JavaScript's string offsets.
#include "expr_text.h"

namespace mg {

int utf8_decode(const std::string& s, size_t i, uint32_t& cp) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = cp << 6 | (s[i + k] & 0x3F);
  return n;
}

void utf8_encode(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool check_source_text(const std::string& s, ExprError& err) {
  int32_t line = 1, col = 1;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 : (c >= 0xF0 && c < 0xF5) ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (int k = 1; ok && k < n; ++k) ok = utf8_continuation(s[i + k]);
    if (ok && n == 3) {  // no overlong forms, no surrogates
      unsigned char d = s[i + 1];
      ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);
    }
    if (ok && n == 4) {
      unsigned char d = s[i + 1];
      ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
    }
    if (!ok) {
      err = {{line, col}, "SyntaxError: the source is not valid UTF-8"};
      return false;
    }
    if (c == 0) {
      err = {{line, col}, "SyntaxError: source code cannot contain null bytes"};
      return false;
    }
    if (c == '\n' || (c == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
      ++line;
      col = 1;
    } else if (c != '\r') {
      ++col;
    }
    i += n;
  }
  return true;
}

int32_t utf16_offset(const std::string& src, int32_t byte) {
  int32_t units = 0;
  for (int32_t i = 0; i < byte && i < static_cast<int32_t>(src.size()); ++i) {
    unsigned char c = src[i];
    if (!utf8_continuation(c)) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

}  // namespace mg
