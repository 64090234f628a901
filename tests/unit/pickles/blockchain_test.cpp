// The blockchain SNARK end to end on real Mina blocks:
//   * the networks' blockchain wrap verifier indices (OpenMina's JSON, both serde layouts) decode
//     to keys of the shape the verifier assumes, and malformed or unsupported indices are typed
//     errors;
//   * block proofs decode from every place they travel: precomputed-block JSON (base64url
//     bin_prot), OpenMina's best-tip JSON, block-prover inputs (.sexp / .bin), the dummy proof;
//   * the proofs verify against their network's key with the state hash that names the block,
//     and fail with the other network's key, another block's hash, or any single change.
// State hashes come from outside our code: the precomputed file names (mina-indexer names each
// file by its block's state hash), the best tip matched to the precomputed file of the same block,
// and in the block-prover inputs the next state's previous_state_hash (the hash of the state the
// chain proof is about, written by Mina's prover).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commitment/domain.hpp"
#include "curve/compress.hpp"
#include "encoding/base58.hpp"
#include "encoding/base64.hpp"
#include "encoding/sexp.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/blockchain_snark.hpp"
#include "pickles/decode.hpp"
#include "pickles/openmina_json.hpp"
#include "pickles/verifier_index_json.hpp"
#include "proof_mutator.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::pickles;

namespace {

std::string text_of(const std::string& rel) {
  auto b = test::read_fixture_bytes(rel);
  return std::string(b.begin(), b.end());
}

const char* const kPrecomputedA = "mina/precomputed/mainnet-359617-3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc.json";
const char* const kPrecomputedB = "mina/precomputed/mainnet-359617-3NLXcoYjz1bqK3QzKZYmQxa7kZ7CyLqLisGLgHH6vikHokW3xYz6.json";
const char* const kBestTip = "mina/mainnet_best_tip_with_proof_359606.json";
// The best tip's block as mina-indexer stored it (proof stripped), named by its state hash.
const char* const kBestTipPrecomputed =
    "mina/precomputed/mainnet-359606-3NK7T1MeiFA4ALVxqZLuGrWr1PeufYQAm9i1TfMnN9Cu6U5crhot.json";
const char* const kBlockInputs[] = {"mina/block_input-2483246-0", "mina/block_input-2483246-1",
                                    "mina/block_input-2483248-0", "mina/block_input-2483248-1"};

const BlockchainVerifierKey& network_key(const std::string& network) {
  static std::map<std::string, BlockchainVerifierKey> keys;
  auto it = keys.find(network);
  if (it == keys.end()) {
    auto k = decode_blockchain_verifier_index_json(text_of("mina/" + network + "_blockchain_verifier_index.json"));
    if (!k.ok()) throw std::runtime_error(network + " index: " + k.error().message);
    it = keys.emplace(network, *k).first;
  }
  return it->second;
}

// "…/mainnet-359617-3NL7….json" → the Fp behind 3NL7….
Fp state_hash_of_file_name(const std::string& path) {
  const size_t dash = path.rfind('-');
  const size_t dot = path.rfind(".json");
  auto h = decode_field_hash(path.substr(dash + 1, dot - dash - 1), VersionByte::kStateHash);
  if (!h.ok()) throw std::runtime_error(path + ": " + h.error().message);
  return *h;
}

struct Block {
  std::string name;
  WrapProof proof;
  Fp state_hash;
};

Block precomputed_block(const char* file) {
  auto f = decode_block_proof_file(test::read_fixture_bytes(file));
  if (!f.ok()) throw std::runtime_error(std::string(file) + ": " + f.error().message);
  return Block{file, f->proof, state_hash_of_file_name(file)};
}

Block best_tip_block() {
  auto f = decode_block_proof_file(test::read_fixture_bytes(kBestTip));
  if (!f.ok()) throw std::runtime_error(std::string(kBestTip) + ": " + f.error().message);
  return Block{kBestTip, f->proof, state_hash_of_file_name(kBestTipPrecomputed)};
}

// chain.proof proves chain.state, whose hash Mina's prover wrote as next_state.previous_state_hash.
Block block_input(const std::string& name) {
  auto s = sexp::parse(text_of(name + ".sexp"));
  if (!s.ok()) throw std::runtime_error(name + ": " + s.error().message);
  const sexp::Sexp* chain = *s->field("chain");
  auto proof = decode_proof_sexp(**chain->field("proof"));
  if (!proof.ok()) throw std::runtime_error(name + ": " + proof.error().message);
  const sexp::Sexp* next = *s->field("next_state");
  auto h = Fp::parse(*(*next->field("previous_state_hash"))->as_atom("hash"));
  if (!h.ok()) throw std::runtime_error(name + ": " + h.error().message);
  return Block{name, *proof, *h};
}

VerifierSetup& setup() { return test_mutation::shared_setup(); }

struct Outcome {
  bool accepted = false;
  std::string why;
};
Outcome run(const BlockchainVerifierKey& key, const Fp& hash, const WrapProof& proof) {
  auto r = verify_blockchain_snark(setup(), key, hash, proof);
  if (!r.ok()) return {false, std::string("error: ") + error_code_name(r.error().code) + ": " + r.error().message};
  return {r->valid, r->reason};
}

ErrorCode index_error(const nlohmann::json& j) {
  auto r = decode_blockchain_verifier_index_json(j.dump());
  return r.ok() ? ErrorCode(-1) : r.error().code;
}

}  // namespace

// ---- verifier indices ----

TEST_CASE("blockchain verifier index: both networks' JSON layouts decode to the wrap key we verify with",
          "[pickles][blockchain]") {
  const auto& mainnet = network_key("mainnet");
  const auto& devnet = network_key("devnet");
  for (const auto* k : {&mainnet, &devnet}) {
    CHECK(k->vk.max_proofs_verified == ProofsVerified::kN2);
    CHECK(k->vk.wrap_domain_log2() == 14);
  }
  // The notes (decoded independently with Python): mainnet and devnet differ only in the
  // coefficient commitments.
  CHECK(mainnet.vk.wrap_index.sigma_comm == devnet.vk.wrap_index.sigma_comm);
  CHECK(mainnet.vk.wrap_index.generic_comm == devnet.vk.wrap_index.generic_comm);
  CHECK(mainnet.vk.wrap_index.endomul_scalar_comm == devnet.vk.wrap_index.endomul_scalar_comm);
  CHECK(mainnet.vk.wrap_index.coefficients_comm != devnet.vk.wrap_index.coefficients_comm);
  // The decoded points re-compress to the JSON's bytes (devnet layout: hex).
  auto j = test::read_fixture_json("mina/devnet_blockchain_verifier_index.json");
  CHECK(to_hex(compress(devnet.vk.wrap_index.psm_comm)) == j["psm_comm"]["elems"][0].get<std::string>());
  CHECK(to_hex(compress(devnet.vk.wrap_index.coefficients_comm[14])) ==
        j["coefficients_comm"][14]["elems"][0].get<std::string>());
  // The transaction SNARK's index has the same shape (it decodes as a wrap index) but another
  // circuit, and is not the blockchain key.
  for (const char* net : {"mainnet", "devnet"}) {
    auto tx = decode_wrap_verifier_index_json(text_of(std::string("mina/") + net + "_transaction_verifier_index.json"));
    REQUIRE(tx.ok());
    CHECK(tx->wrap_domain_log2() == 14);
    CHECK(!(tx->wrap_index == network_key(net).vk.wrap_index));
  }
}

TEST_CASE("blockchain verifier index: malformed and unsupported indices are typed errors", "[pickles][blockchain]") {
  const auto devnet = test::read_fixture_json("mina/devnet_blockchain_verifier_index.json");
  const auto mainnet = test::read_fixture_json("mina/mainnet_blockchain_verifier_index.json");
  REQUIRE(index_error(devnet) == ErrorCode(-1));
  REQUIRE(index_error(mainnet) == ErrorCode(-1));

  CHECK(decode_blockchain_verifier_index_json("").error().code == ErrorCode::kMalformedJson);
  CHECK(decode_blockchain_verifier_index_json("[1,2]").error().code == ErrorCode::kMalformedJson);
  CHECK(decode_blockchain_verifier_index_json(text_of("mina/devnet_blockchain_verifier_index.json").substr(0, 2000))
            .error()
            .code == ErrorCode::kMalformedJson);
  auto with = [](nlohmann::json j, auto edit) {
    edit(j);
    return index_error(j);
  };
  using J = nlohmann::json;
  // Missing / mistyped members.
  CHECK(with(devnet, [](J& j) { j.erase("sigma_comm"); }) == ErrorCode::kMalformedJson);
  CHECK(with(devnet, [](J& j) { j["public"] = "40"; }) == ErrorCode::kMalformedJson);
  CHECK(with(devnet, [](J& j) { j["generic_comm"] = J::array(); }) == ErrorCode::kMalformedJson);
  // Lengths.
  CHECK(with(devnet, [](J& j) { j["sigma_comm"].erase(6); }) == ErrorCode::kInvalidLength);
  CHECK(with(devnet, [](J& j) { j["psm_comm"]["elems"][0] = j["psm_comm"]["elems"][0].get<std::string>() + "00"; }) ==
        ErrorCode::kInvalidLength);
  CHECK(with(mainnet, [](J& j) { j["domain"].erase(171); }) == ErrorCode::kInvalidLength);
  CHECK(with(devnet, [](J& j) { j["psm_comm"]["elems"] = J::array(); }) == ErrorCode::kInvalidLength);
  CHECK(with(devnet, [](J& j) { j["psm_comm"]["elems"][0] = "g" + j["psm_comm"]["elems"][0].get<std::string>().substr(1); }) ==
        ErrorCode::kInvalidEncoding);
  // Points: x = 0 has x³ + 5 = 5, not a square in Fp (so not on Pallas); unknown flag bits; infinity.
  CHECK(with(devnet, [](J& j) { j["mul_comm"]["elems"][0] = std::string(64, '0') + "00"; }) == ErrorCode::kInvalidPoint);
  CHECK(with(devnet, [](J& j) {
          auto s = j["mul_comm"]["elems"][0].get<std::string>();
          j["mul_comm"]["elems"][0] = s.substr(0, 64) + "01";
        }) == ErrorCode::kInvalidPoint);
  CHECK(with(devnet, [](J& j) { j["mul_comm"]["elems"][0] = std::string(64, '0') + "40"; }) == ErrorCode::kInvalidPoint);
  CHECK(with(devnet, [](J& j) { j["mul_comm"]["elems"][0] = std::string(64, 'f') + "00"; }) ==
        ErrorCode::kNonCanonicalField);
  CHECK(with(mainnet, [](J& j) { j["emul_comm"]["unshifted"][0][31] = 0xff; }) == ErrorCode::kNonCanonicalField);
  CHECK(with(mainnet, [](J& j) { j["emul_comm"]["unshifted"][0][3] = 256; }) == ErrorCode::kMalformedJson);
  // Shapes the verifier does not handle.
  CHECK(with(devnet, [](J& j) { j["zk_rows"] = 4; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["public"] = 41; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["max_poly_size"] = 65536; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["prev_challenges"] = 1; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["lookup_index"] = J::object(); }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["xor_comm"] = j["psm_comm"]; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["linearization"] = 1; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["psm_comm"]["elems"].push_back(j["psm_comm"]["elems"][0]); }) ==
        ErrorCode::kUnsupported);
  CHECK(with(mainnet, [](J& j) { j["psm_comm"]["shifted"] = j["psm_comm"]["unshifted"][0]; }) == ErrorCode::kUnsupported);
  CHECK(with(devnet, [](J& j) { j["shift"][3] = j["shift"][2]; }) == ErrorCode::kUnsupported);
  // Domain: a consistent 2^15 or 2^16 domain (serialized here from our radix-2 domain, whose
  // 2^14 bytes equal the fixture's: test above) is a wrap index of another size: accepted by the
  // generic decoder for 2^15, refused for the blockchain SNARK; 2^16 is no wrap domain at all.
  auto domain_json = [](uint32_t log) {
    auto d = *Radix2Domain<Fq>::create_log(log);
    Bytes b;
    for (size_t i = 0; i < 8; ++i) b.push_back(uint8_t(d.size >> (8 * i)));
    for (size_t i = 0; i < 4; ++i) b.push_back(uint8_t(log >> (8 * i)));
    for (const Fq& f : {d.size_as_field_element, d.size_inv, d.group_gen, d.group_gen_inv, *Fq::from_u64(5).inverse()}) {
      auto le = f.to_bytes_le();
      b.insert(b.end(), le.begin(), le.end());
    }
    return to_hex(b);
  };
  REQUIRE(domain_json(14) == devnet["domain"].get<std::string>());
  {
    J j = devnet;
    j["domain"] = domain_json(15);
    auto generic = decode_wrap_verifier_index_json(j.dump());
    REQUIRE(generic.ok());
    CHECK(generic->wrap_domain_log2() == 15);
    CHECK(index_error(j) == ErrorCode::kUnsupported);
    j["domain"] = domain_json(16);
    CHECK(decode_wrap_verifier_index_json(j.dump()).error().code == ErrorCode::kUnsupported);
  }
  CHECK(with(mainnet, [](J& j) { j["domain"][8] = 13; }) == ErrorCode::kInvalidArgument);
  CHECK(with(mainnet, [](J& j) { j["domain"][12 + 64] = int(j["domain"][12 + 64]) ^ 1; }) == ErrorCode::kInvalidArgument);
  // Missing zk_rows is the older layout's constant 3, accepted.
  CHECK(with(devnet, [](J& j) { j.erase("zk_rows"); }) == ErrorCode(-1));
}

// ---- decoding block proofs ----

TEST_CASE("block proofs: precomputed blocks, OpenMina best tip, block-prover inputs, dummy", "[pickles][blockchain]") {
  for (const char* f : {kPrecomputedA, kPrecomputedB}) {
    INFO(f);
    auto r = decode_block_proof_file(test::read_fixture_bytes(f));
    REQUIRE(r.ok());
    CHECK(r->source == BlockProofSource::kPrecomputedBlock);
    CHECK(r->proof.statement.proof_state.deferred_values.branch_data.proofs_verified == ProofsVerified::kN2);
    CHECK(r->proof.statement.proof_state.deferred_values.branch_data.domain_log2 == 16);
    CHECK(r->proof.proof.opening.lr.size() == 15);
    // The protocol state comes along for hashing.
    auto ps = nlohmann::json::parse(r->protocol_state_json);
    CHECK(ps["previous_state_hash"] == "3NLjpotw6aZ2r7Twccgr7cceXiPkdH5LqdugWCpq9tL1ZZLeDsJV");
    // The base64 decodes to exactly one bin_prot proof, which re-encodes byte for byte.
    auto j = test::read_fixture_json(f);
    auto bytes = base64_decode(j["data"]["protocol_state_proof"].get<std::string>(), Base64Alphabet::kUrlSafe,
                               Base64Padding::kOptional);
    REQUIRE(bytes.ok());
    CHECK(*encode_proof_binprot(r->proof) == *bytes);
  }
  {
    auto a = decode_block_proof_file(test::read_fixture_bytes(kPrecomputedA));
    auto b = decode_block_proof_file(test::read_fixture_bytes(kPrecomputedB));
    CHECK(!(a->proof == b->proof));
  }
  {
    // OpenMina's serde JSON: spot values read off the file by hand.
    auto r = decode_block_proof_file(test::read_fixture_bytes(kBestTip));
    REQUIRE(r.ok());
    CHECK(r->source == BlockProofSource::kOpenMinaJson);
    const auto& st = r->proof.statement.proof_state;
    CHECK(st.deferred_values.plonk.alpha == ScalarChallenge::from_limbs(2857080978588853595ull, 579782485883184745ull));
    CHECK(st.deferred_values.plonk.beta == ScalarChallenge::from_limbs(8940655155774439808ull, 18022960635765902126ull));
    CHECK(st.sponge_digest_before_evaluations ==
          Digest{2504629002076443617ull, 8365884671785085031ull, 11875879371283032592ull, 2389171569485756267ull});
    CHECK(st.deferred_values.branch_data.domain_log2 == 16);
    CHECK(r->proof.proof.opening.z1 == *Fq::parse("0x01fa5841e3f0938ad9d247b5d8555afa25240588678c02c1f7a8beca790ba246"));
    CHECK(r->proof.prev_evals.ft_eval1 ==
          *Fp::parse("0x23fd64852a05c07c3e295dd9d48e78281dcb4f5c116d7887ffb9c8fd89cf0cd8"));
    CHECK(r->proof.statement.messages_for_next_step_proof.challenge_polynomial_commitments.size() == 2);
    // The best tip is the block mina-indexer stored as 359606-3NK7T1Me… (same parent, ledger,
    // VRF output): that is where its state hash comes from.
    auto ps = nlohmann::json::parse(r->protocol_state_json);
    auto indexer = test::read_fixture_json(kBestTipPrecomputed)["data"]["protocol_state"];
    CHECK(ps["previous_state_hash"] == indexer["previous_state_hash"]);
    CHECK(ps["body"]["blockchain_state"]["timestamp"] == indexer["body"]["blockchain_state"]["timestamp"]);
    CHECK(ps["body"]["consensus_state"]["last_vrf_output"] == indexer["body"]["consensus_state"]["last_vrf_output"]);
    // The other wrappers: an OpenMina block {header, body} and a bare header give the same proof;
    // so does a precomputed block in the unversioned layout (the data object at top level).
    auto whole_tip = test::read_fixture_json(kBestTip)["BestTipWithProof"]["best_tip"];
    for (const nlohmann::json& doc : {whole_tip, whole_tip["header"]}) {
      auto again = decode_block_proof_file(as_bytes(doc.dump()));
      REQUIRE(again.ok());
      CHECK(again->proof == r->proof);
      CHECK(again->protocol_state_json == r->protocol_state_json);
    }
    auto unversioned = decode_block_proof_file(as_bytes(test::read_fixture_json(kPrecomputedA)["data"].dump()));
    REQUIRE(unversioned.ok());
    CHECK(unversioned->proof == decode_block_proof_file(test::read_fixture_bytes(kPrecomputedA))->proof);
    // The serde proof alone (no wrapper) decodes the same.
    auto whole = test::read_fixture_json(kBestTip);
    auto alone = decode_proof_openmina_json(whole["BestTipWithProof"]["best_tip"]["header"]["protocol_state_proof"].dump());
    REQUIRE(alone.ok());
    CHECK(*alone == r->proof);
  }
  {
    // Block-prover inputs: the sexp's chain proof sits in the .bin after the protocol state.
    for (const char* name : kBlockInputs) {
      INFO(name);
      Block b = block_input(name);
      Bytes bin = test::read_fixture_bytes(std::string(name) + ".bin");
      auto enc = encode_proof_binprot(b.proof);
      REQUIRE(enc.ok());
      CHECK(std::search(bin.begin(), bin.end(), enc->begin(), enc->end()) != bin.end());
    }
  }
  {
    auto r = decode_block_proof_file(test::read_fixture_bytes("mina/dummy_blockchain_proof.bin"));
    REQUIRE(r.ok());
    CHECK(r->source == BlockProofSource::kBinProt);
    CHECK(r->protocol_state_json.empty());
  }
}

TEST_CASE("block proofs: malformed files are typed errors", "[pickles][blockchain]") {
  auto code = [](const std::string& s) {
    auto r = decode_block_proof_file(as_bytes(s));
    return r.ok() ? ErrorCode(-1) : r.error().code;
  };
  // A mina-indexer file whose proof was stripped.
  CHECK(decode_block_proof_file(test::read_fixture_bytes("mina/precomputed/mainnet-359616-3NLjpotw6aZ2r7Twccgr7cceXiPkdH5LqdugWCpq9tL1ZZLeDsJV.json"))
            .error()
            .code == ErrorCode::kMalformedJson);
  CHECK(code("") == ErrorCode::kTruncated);
  CHECK(code("{") == ErrorCode::kMalformedJson);
  CHECK(code("{\"data\": 1, \"version\": 3}") == ErrorCode::kMalformedJson);
  CHECK(code("{\"protocol_state\": {}, \"protocol_state_proof\": 7}") == ErrorCode::kMalformedJson);
  CHECK(code("{\"protocol_state\": {}, \"protocol_state_proof\": \"@@@@\"}") == ErrorCode::kInvalidEncoding);
  CHECK(code("{\"protocol_state\": {}, \"protocol_state_proof\": \"AAAA\"}") == ErrorCode::kTruncated);
  CHECK(code("{\"protocol_state\": {}, \"protocol_state_proof\": {}}") == ErrorCode::kMalformedJson);
  CHECK(code("{\"BestTipWithProof\": []}") == ErrorCode::kMalformedJson);
  // Deep nesting in parts we do not read is dropped, not recursed into; in the proof it is an error.
  {
    std::string deep = "{\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(code(deep) == ErrorCode::kMalformedJson);
  }
  // The precomputed proof: every truncation of its bin_prot, and garbage after it.
  auto j = test::read_fixture_json(kPrecomputedA);
  auto bytes = *base64_decode(j["data"]["protocol_state_proof"].get<std::string>(), Base64Alphabet::kUrlSafe,
                              Base64Padding::kOptional);
  size_t bad = 0;
  for (size_t n = 0; n < bytes.size(); n += 7) {
    auto r = decode_proof_base64url_binprot(base64_encode(ByteSpan(bytes).subspan(0, n), Base64Alphabet::kUrlSafe));
    if (r.ok() || r.error().code != ErrorCode::kTruncated) ++bad;
  }
  CHECK(bad == 0);
  Bytes longer = bytes;
  longer.push_back(0);
  CHECK(decode_proof_base64url_binprot(base64_encode(longer, Base64Alphabet::kUrlSafe)).error().code ==
        ErrorCode::kTrailingBytes);
  // OpenMina JSON: wrong spellings.
  auto tip = test::read_fixture_json(kBestTip)["BestTipWithProof"]["best_tip"]["header"]["protocol_state_proof"];
  auto proof_code = [](const nlohmann::json& p) {
    auto r = decode_proof_openmina_json(p.dump());
    return r.ok() ? ErrorCode(-1) : r.error().code;
  };
  REQUIRE(proof_code(tip) == ErrorCode(-1));
  using J = nlohmann::json;
  auto edited = [&](auto edit) {
    J p = tip;
    edit(p);
    return proof_code(p);
  };
  CHECK(edited([](J& p) { p["extra"] = 1; }) == ErrorCode::kMalformedJson);
  CHECK(edited([](J& p) { p.erase("prev_evals"); }) == ErrorCode::kMalformedJson);
  CHECK(edited([](J& p) { p["proof"]["ft_eval1"] = "0x12"; }) == ErrorCode::kMalformedNumber);
  CHECK(edited([](J& p) { p["proof"]["ft_eval1"] = "0x" + std::string(64, 'f'); }) == ErrorCode::kNonCanonicalField);
  CHECK(edited([](J& p) { p["proof"]["commitments"]["z_comm"][1] = p["proof"]["commitments"]["z_comm"][0]; }) ==
        ErrorCode::kInvalidPoint);
  CHECK(edited([](J& p) { p["statement"]["proof_state"]["sponge_digest_before_evaluations"][0] = "18446744073709551616"; }) ==
        ErrorCode::kMalformedNumber);
  CHECK(edited([](J& p) { p["statement"]["proof_state"]["sponge_digest_before_evaluations"][0] = "01"; }) ==
        ErrorCode::kMalformedNumber);
  CHECK(edited([](J& p) { p["statement"]["proof_state"]["deferred_values"]["branch_data"]["proofs_verified"] = J::array({"N3"}); }) ==
        ErrorCode::kMalformedJson);
  CHECK(edited([](J& p) { p["statement"]["proof_state"]["deferred_values"]["bulletproof_challenges"].erase(0); }) ==
        ErrorCode::kInvalidLength);
  CHECK(edited([](J& p) { p["statement"]["proof_state"]["messages_for_next_wrap_proof"]["old_bulletproof_challenges"].erase(0); }) ==
        ErrorCode::kInvalidLength);
  CHECK(edited([](J& p) { p["statement"]["messages_for_next_step_proof"]["app_state"] = 0; }) == ErrorCode::kMalformedJson);
  CHECK(edited([](J& p) { p["statement"]["proof_state"]["deferred_values"]["branch_data"]["domain_log2"] = "16"; }) ==
        ErrorCode::kMalformedJson);
}

// ---- verification ----

TEST_CASE("blockchain SNARK: mainnet blocks verify with the mainnet key and their state hash", "[pickles][blockchain][verify]") {
  const auto& mainnet = network_key("mainnet");
  const auto& devnet = network_key("devnet");
  std::vector<Block> blocks = {precomputed_block(kPrecomputedA), precomputed_block(kPrecomputedB), best_tip_block()};
  for (const auto& b : blocks) {
    INFO(b.name);
    auto ok = run(mainnet, b.state_hash, b.proof);
    INFO(ok.why);
    CHECK(ok.accepted);
    auto other_net = run(devnet, b.state_hash, b.proof);
    INFO(other_net.why);
    CHECK_FALSE(other_net.accepted);
  }
  // Two competing blocks at one height: each proof with the other's hash fails.
  CHECK_FALSE(run(mainnet, blocks[1].state_hash, blocks[0].proof).accepted);
  CHECK_FALSE(run(mainnet, blocks[0].state_hash, blocks[1].proof).accepted);
  CHECK_FALSE(run(mainnet, blocks[2].state_hash + Fp::one(), blocks[2].proof).accepted);
  // All three together, and a batch with one wrong hash.
  std::vector<BlockchainStatement> all;
  for (const auto& b : blocks) all.push_back({b.state_hash, &b.proof});
  auto batch = verify_blockchain_snarks(setup(), mainnet, all);
  REQUIRE(batch.ok());
  CHECK(batch->valid);
  all[1].protocol_state_hash = blocks[0].state_hash;
  batch = verify_blockchain_snarks(setup(), mainnet, all);
  REQUIRE(batch.ok());
  CHECK_FALSE(batch->valid);
  CHECK(verify_blockchain_snarks(setup(), mainnet, {}).error().code == ErrorCode::kInvalidArgument);
}

TEST_CASE("blockchain SNARK: the dummy proof and genesis-chain proofs are rejected", "[pickles][blockchain][verify]") {
  auto dummy = decode_block_proof_file(test::read_fixture_bytes("mina/dummy_blockchain_proof.bin"));
  REQUIRE(dummy.ok());
  for (const char* net : {"mainnet", "devnet"}) {
    CHECK_FALSE(run(network_key(net), state_hash_of_file_name(kPrecomputedA), dummy->proof).accepted);
    CHECK_FALSE(run(network_key(net), Fp::zero(), dummy->proof).accepted);
  }
  // The block-prover inputs' first chain (-0: chain.state is a genesis state) carries a proof that
  // does not verify for that state (Mina never verifies the genesis proof; it is not byte-equal to
  // dummy_blockchain_proof.bin either): rejected.
  for (const char* name : {"mina/block_input-2483246-0", "mina/block_input-2483248-0"}) {
    INFO(name);
    Block b = block_input(name);
    auto o = run(network_key("devnet"), b.state_hash, b.proof);
    INFO(o.why);
    CHECK_FALSE(o.accepted);
  }
}

TEST_CASE("blockchain SNARK: devnet block-prover chain proofs verify with the devnet key", "[pickles][blockchain][verify]") {
  const auto& devnet = network_key("devnet");
  const auto& mainnet = network_key("mainnet");
  for (const char* name : {"mina/block_input-2483246-1", "mina/block_input-2483248-1"}) {
    INFO(name);
    Block b = block_input(name);
    auto ok = run(devnet, b.state_hash, b.proof);
    INFO(ok.why);
    CHECK(ok.accepted);
    CHECK_FALSE(run(mainnet, b.state_hash, b.proof).accepted);
    CHECK_FALSE(run(devnet, b.state_hash + Fp::one(), b.proof).accepted);
  }
}

// ---- single mutations ----

namespace {

size_t mutation_stride() {
  if (const char* s = std::getenv("MINA_MUTATION_STRIDE")) {
    long v = std::strtol(s, nullptr, 10);
    if (v > 0) return size_t(v);
  }
#ifdef __EMSCRIPTEN__
  return 24;
#else
  return 6;
#endif
}

void run_block_mutations(size_t stride) {
  const auto& mainnet = network_key("mainnet");
  const Block base = precomputed_block(kPrecomputedA);
  REQUIRE(run(mainnet, base.state_hash, base.proof).accepted);
  std::vector<std::string> names;
  {
    WrapProof p = base.proof;
    test_mutation::Mutator counter(size_t(-1), &names);
    counter.walk(p);
  }
  size_t ran = 0, errors = 0;
  const auto t0 = std::chrono::steady_clock::now();
  // Leaves of the proof, then the public input (the state hash) as the last "leaf".
  for (size_t i = 0; i <= names.size(); i += stride) {
    WrapProof p = base.proof;
    Fp hash = base.state_hash;
    std::string what;
    if (i < names.size()) {
      test_mutation::Mutator m(i);
      m.walk(p);
      REQUIRE(m.mutated());
      what = "proof" + names[i];
    } else {
      hash += Fp::one();
      what = "state hash";
    }
    auto r = verify_blockchain_snark(setup(), mainnet, hash, p);
    if (!r.ok()) ++errors;
    if (r.ok() && r->valid) FAIL_CHECK("ACCEPTED mutated block proof: " << what);
    ++ran;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  WARN("blockchain SNARK mutations: ran " << ran << " of " << names.size() + 1 << " (stride " << stride
                                          << "), all rejected unless reported (" << errors << " as typed errors), "
                                          << secs << " s");
  CHECK(ran > 0);
}

}  // namespace

TEST_CASE("blockchain SNARK: single mutations of a mainnet block proof are rejected (every k-th)",
          "[pickles][blockchain][verify]") {
  run_block_mutations(mutation_stride());
}

TEST_CASE("blockchain SNARK: single mutations of a mainnet block proof are rejected (all)", "[.blockchain-all]") {
  run_block_mutations(1);
}
