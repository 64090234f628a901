// Helpers shared by the ledger suites.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "encoding/base58.hpp"
#include "field/pasta.hpp"

namespace mina::ledger::test {

// openmina prints field elements with o1_utils to_hex: 32 bytes little-endian.
inline Fp fp_hex_le(const std::string& hex) {
  REQUIRE(hex.size() == 64);
  std::vector<uint8_t> bytes(32);
  for (size_t i = 0; i < 32; ++i) bytes[i] = uint8_t(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
  auto r = Fp::from_bytes_le(bytes);
  REQUIRE(r.ok());
  return *r;
}

inline Fp fp_dec(const std::string& s) {
  auto r = Fp::parse(s);
  REQUIRE(r.ok());
  return *r;
}

inline CompressedPublicKey pk(const std::string& b58) {
  auto r = decode_public_key(b58);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace mina::ledger::test
