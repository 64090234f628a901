// File access for the command line (core has no I/O).
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include "base/bytes.hpp"
#include "base/error.hpp"

namespace mina::cli {

// Refuses files over max_bytes: inputs are proofs, keys and blocks, not arbitrary blobs.
inline Result<Bytes> read_file(const std::string& path, size_t max_bytes = size_t(64) << 20) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Error{ErrorCode::kInvalidArgument, "cannot read file '" + path + "'"};
  f.seekg(0, std::ios::end);
  std::streamoff size = f.tellg();
  if (size < 0) return Error{ErrorCode::kInvalidArgument, "cannot read file '" + path + "'"};
  if (size_t(size) > max_bytes) return Error{ErrorCode::kLimitExceeded, "file '" + path + "' is too large"};
  f.seekg(0, std::ios::beg);
  Bytes out(static_cast<size_t>(size));
  if (size && !f.read(reinterpret_cast<char*>(out.data()), size))
    return Error{ErrorCode::kInvalidArgument, "cannot read file '" + path + "'"};
  return out;
}

inline Result<std::string> read_text_file(const std::string& path) {
  MINA_TRY(bytes, read_file(path));
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace mina::cli
