// SHA-256 (FIPS 180-4). Mina uses it only for base58check checksums (double SHA-256).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"

namespace mina {

class Sha256 {
 public:
  static constexpr size_t kBlockBytes = 64;
  static constexpr size_t kDigestBytes = 32;
  using Digest = std::array<uint8_t, kDigestBytes>;

  Sha256();
  Sha256& update(ByteSpan data);
  // The object must not be updated or finalized again afterwards.
  Digest finalize();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> h_{};
  std::array<uint8_t, kBlockBytes> buf_{};
  size_t buf_len_ = 0;
  uint64_t total_bytes_ = 0;
};

Sha256::Digest sha256(ByteSpan data);
// SHA-256(SHA-256(data)): the base58check checksum hash.
Sha256::Digest sha256d(ByteSpan data);

}  // namespace mina
