// BLAKE2b (RFC 7693), unkeyed, output length 1..64 bytes.
//
// Mina uses it for the SRS generators (Blake2b512 of an index, proof-systems `SRS::create`) and
// for transaction/command hashes (Blake2b-256). The digest length is a parameter of the hash
// itself (it enters the initial state), so Blake2b-256 is not a truncated Blake2b-512.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"

namespace mina {

class Blake2b {
 public:
  static constexpr size_t kBlockBytes = 128;
  static constexpr size_t kMaxDigestBytes = 64;

  // digest_bytes outside 1..64 is a programming error: throws std::invalid_argument.
  explicit Blake2b(size_t digest_bytes = kMaxDigestBytes);

  Blake2b& update(ByteSpan data);
  // Writes digest_bytes() bytes. The object must not be updated or finalized again afterwards.
  Bytes finalize();
  size_t digest_bytes() const { return digest_bytes_; }

 private:
  void compress(const uint8_t* block, bool last);

  std::array<uint64_t, 8> h_{};
  std::array<uint8_t, kBlockBytes> buf_{};
  size_t buf_len_ = 0;
  uint64_t t0_ = 0, t1_ = 0;  // 128-bit byte counter
  size_t digest_bytes_;
};

// One-shot helpers.
Bytes blake2b(ByteSpan data, size_t digest_bytes = Blake2b::kMaxDigestBytes);
inline Bytes blake2b_256(ByteSpan data) { return blake2b(data, 32); }
inline Bytes blake2b_512(ByteSpan data) { return blake2b(data, 64); }

}  // namespace mina
