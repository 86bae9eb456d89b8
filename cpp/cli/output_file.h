// Output files written whole or not at all (the CLI's --graph-json and --dot; reused by `micrograd expr`).
// check_output() runs before any work: the path must name a regular file, new or existing, in a directory where
// a new file can be made. write_output() writes a temporary file beside the target, flushes it to the disk and
// renames it over the target, so a full disk or an I/O error leaves the old file as it was and nothing partial.
#pragma once
#include <string>

namespace mg {

// true when `path` can be written; otherwise false with the reason in `why` ("is a directory", ...).
bool check_output(const std::string& path, std::string& why);
// Replaces `path` with `text` in one step; on failure the old file is unchanged and `why` says what failed.
bool write_output(const std::string& path, const std::string& text, std::string& why);

}  // namespace mg
