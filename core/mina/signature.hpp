// Mina's Schnorr signatures over Pallas ("chunked" field-element messages), as mina-signer's
// sign/verify and OCaml Schnorr.Chunked: e = Poseidon_prefix(msg ‖ pk.x ‖ pk.y ‖ r) read as a
// scalar; valid iff R = s·G − e·PK is finite, has even y, and R.x = r.
#pragma once

#include <span>
#include <string_view>

#include "base/error.hpp"
#include "curve/curve.hpp"
#include "encoding/keys.hpp"
#include "field/pasta.hpp"

namespace mina {

// Devnet signs with the testnet parameters; they differ from mainnet in the hash prefix and in
// the network byte of the nonce derivation, so a signature never verifies on the other network.
enum class NetworkId { kTestnet, kMainnet };

Result<NetworkId> parse_network_id(std::string_view name);  // "mainnet" | "testnet" | "devnet"
const char* signature_prefix(NetworkId network);

// Decompresses a public key: y is the root of x^3 + 5 with the recorded parity.
Result<PallasAffine> public_key_to_point(const CompressedPublicKey& pk);
CompressedPublicKey public_key_of(const PallasAffine& point);
CompressedPublicKey public_key_of_secret(const Fq& secret_key);

bool verify_fields_signature(const Signature& sig, std::span<const Fp> message, const CompressedPublicKey& pk,
                             NetworkId network);

// The Schnorr equation both message hashings (this file's and legacy_signature.hpp's) share, given
// the challenge e: R = s·G − e·PK is finite, has even y, and R.x = r.
bool schnorr_equation_holds(const Signature& sig, const PallasAffine& pk, const Fq& e);
// Signers' side: R = k·G, with k negated when R.y is odd so that R has even y; returns R.x.
Fp even_nonce_commitment(Fq& k);

// Deterministic signing (nonce = Blake2b-256 of the packed inputs, top two bits cleared), for
// tests and the simulated chain; never used to verify anything. Secret keys are not handled in
// constant time: do not sign with real keys.
Result<Signature> sign_fields(std::span<const Fp> message, const Fq& secret_key, NetworkId network);

}  // namespace mina
