// Source text of the expression language: UTF-8 as CPython checks it, characters in and out, and offsets
// as JavaScript counts them (UTF-16 code units).
#pragma once
#include <cstdint>
#include <string>

#include "expr_error.h"

namespace mg {

// The checks CPython makes before it tokenizes: valid UTF-8 (no overlong forms, no surrogates), no NUL byte.
bool check_source_text(const std::string& src, ExprError& err);

inline bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// Decodes the UTF-8 sequence at s[i] of valid text; returns its length in bytes.
int utf8_decode(const std::string& s, size_t i, uint32_t& cp);
void utf8_encode(uint32_t cp, std::string& out);

// Index into a JavaScript string (UTF-16 code units) of byte offset `byte` of UTF-8 text src.
int32_t utf16_offset(const std::string& src, int32_t byte);

}  // namespace mg
