// Typed errors for everything that decodes or verifies untrusted input.
//
// Decoders are total: every input gives a value or an Error. Codes are stable strings because
// they cross into JS (CLI JSON, package errors) and users match on them.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace mina {

enum class ErrorCode {
  kInvalidArgument,      // usage error: wrong flag, missing operand
  kMalformedNumber,      // not a decimal/hex integer
  kNonCanonicalField,    // integer >= field modulus
  kInvalidLength,        // wrong byte / element count
  kInvalidPoint,         // not on the curve, bad compression flags
  kInvalidEncoding,      // bad base58 / base64 alphabet or structure
  kBadChecksum,          // base58check checksum mismatch
  kWrongVersionByte,     // base58check version byte is not the expected one
  kMalformedJson,
  kUnsupported,
  kTruncated,            // input ends before the layout is complete
  kTrailingBytes,        // input continues after a complete value
  kMalformedSexp,        // not an S-expression, or not the expected shape
  kMalformedBinProt,     // bin_prot bytes that no writer produces (bad tag, non-minimal int, ...)
  kLimitExceeded,        // size, depth or count above a decoder's bound
};

inline const char* error_code_name(ErrorCode c) {
  switch (c) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kMalformedNumber: return "malformed_number";
    case ErrorCode::kNonCanonicalField: return "non_canonical_field";
    case ErrorCode::kInvalidLength: return "invalid_length";
    case ErrorCode::kInvalidPoint: return "invalid_point";
    case ErrorCode::kInvalidEncoding: return "invalid_encoding";
    case ErrorCode::kBadChecksum: return "bad_checksum";
    case ErrorCode::kWrongVersionByte: return "wrong_version_byte";
    case ErrorCode::kMalformedJson: return "malformed_json";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kTruncated: return "truncated";
    case ErrorCode::kTrailingBytes: return "trailing_bytes";
    case ErrorCode::kMalformedSexp: return "malformed_sexp";
    case ErrorCode::kMalformedBinProt: return "malformed_bin_prot";
    case ErrorCode::kLimitExceeded: return "limit_exceeded";
  }
  return "unknown";
}

struct Error {
  ErrorCode code;
  std::string message;
};

// A minimal std::expected stand-in (C++23 and absent from Emscripten's libc++ 13).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  Result(ErrorCode code, std::string message) : v_(Error{code, std::move(message)}) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Propagate an error from an expression returning Result<U> inside a function returning Result<T>.
#define MINA_TRY(var, expr)                         \
  auto var##_result_ = (expr);                      \
  if (!var##_result_.ok()) return var##_result_.error(); \
  auto var = std::move(var##_result_).value()

}  // namespace mina
