// Whole-or-nothing output files (output_file.h): a temporary file in the target's directory, written, flushed,
// given the old file's permissions (or the umask's for a new one), then renamed over the target.
#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace mg {

namespace {
std::string error_text(int err) { return std::strerror(err); }

// The file a path names, with a symbolic link followed, so its directory is where the file really is.
std::string real_target(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

std::string dir_of(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A new, empty temporary file beside `target` (".name.XXXXXX"); -1 with the reason when none can be made.
int make_temp(const std::string& target, std::string& tmp, std::string& why) {
  std::string pattern = dir_of(target) + "/." + base_of(target).substr(0, 100) + ".XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    why = "cannot create a file in " + dir_of(target) + ": " + error_text(errno);
    return -1;
  }
  tmp = name.data();
  return fd;
}

bool write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}
}  // namespace

bool check_output(const std::string& path, std::string& why) {
  if (path.empty()) return why = "expected a file name", false;
  std::string target = real_target(path);
  struct stat st;
  if (stat(target.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return why = "is a directory", false;
    if (!S_ISREG(st.st_mode)) return why = "is not a regular file", false;
  }
  std::string tmp;
  int fd = make_temp(target, tmp, why);
  if (fd < 0) return false;
  close(fd);
  unlink(tmp.c_str());
  return true;
}

bool write_output(const std::string& path, const std::string& text, std::string& why) {
  if (!check_output(path, why)) return false;
  std::string target = real_target(path), tmp;
  int fd = make_temp(target, tmp, why);
  if (fd < 0) return false;
  struct stat st;
  mode_t mode;
  if (stat(target.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  int err = 0;
  if (fchmod(fd, mode) != 0) err = errno;
  if (!err && !write_all(fd, text)) err = errno;
  if (!err && fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP) err = errno;  // some file systems cannot sync
  if (close(fd) != 0 && !err) err = errno;
  if (!err && rename(tmp.c_str(), target.c_str()) != 0) err = errno;
  if (err) {
    unlink(tmp.c_str());
    why = error_text(err) + " (the old file, if any, is unchanged)";
    return false;
  }
  return true;
}

}  // namespace mg
