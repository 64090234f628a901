// Wrap-proof decoders against real proofs: o1js JSON (sexp), OpenMina verify_zkapp inputs and
// Mina's block-prover inputs (bin_prot and sexp of the same proof), plus truncation, bit flips and
// garbage.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "encoding/base64.hpp"
#include "pickles/decode.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::pickles;

namespace {

std::string read_text(const std::string& rel) {
  auto b = test::read_fixture_bytes(rel);
  return std::string(b.begin(), b.end());
}

std::string proof_sexp_text(const std::string& base64) {
  auto b = base64_decode(base64);
  REQUIRE(b.ok());
  return std::string(b->begin(), b->end());
}

const char* kZkappFiles[] = {
    "mina/verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251_0.binprot",
    "mina/verify_zapp_9db7255327f342f75d27b5c0f646988ee68c6338f6e26c4dc549675f811b4152_0.binprot",
    "mina/verify_zapp_dc518dc7e0859ea6ffa0cd42637cdcc9c79ab369dfb7ff44c8a89b1219f98728_0.binprot",
    "mina/verify_zapp_f2bbc8088654c09314a58c96428f6828d3ee8096b6f34e3a027ad9b028ae22e0_0.binprot",
};

Bytes encode_zkapp_input(const VerifyZkappInput& in) {
  BinProtWriter w;
  write_side_loaded_vk(w, in.vk);
  w.write_field(in.zkapp_statement.account_update);
  w.write_field(in.zkapp_statement.calls);
  Bytes out = w.take();
  auto p = encode_proof_binprot(in.proof);
  REQUIRE(p.ok());
  out.insert(out.end(), p->begin(), p->end());
  return out;
}

size_t wrap_vectors(const WrapProof& p) {
  return p.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.size();
}
size_t step_messages(const WrapProof& p) {
  return p.statement.messages_for_next_step_proof.challenge_polynomial_commitments.size();
}

// Shapes every real Pickles wrap proof has.
void check_common_shape(const WrapProof& p) {
  CHECK(p.proof.opening.lr.size() == 15);
  const auto& step = p.statement.messages_for_next_step_proof;
  CHECK(step.challenge_polynomial_commitments.size() == step.old_bulletproof_challenges.size());
  CHECK(p.prev_evals.evals.z.zeta.size() == 1);
  CHECK(p.proof.evals.z.zeta.size() == 1);
  CHECK_FALSE(p.proof.evals.range_check0_selector.has_value());
}

}  // namespace

TEST_CASE("o1js proof JSON: every fixture decodes, and prints back to the same S-expression", "[pickles][proof]") {
  struct Case {
    const char* file;
    size_t public_input, public_output;
    ProofsVerified mpv;
    ProofsVerified branch_proofs_verified;
    unsigned domain_log2;
    size_t step_messages;
  };
  // Read off the S-expressions independently (Python regexes): base branches verify nothing
  // (step domain 2^9 for these tiny circuits), square1.step verifies one proof; o1js' dummies
  // claim the widest branch with a 2^14 step domain.
  const Case cases[] = {
      {"o1js/square0_base_proof.json", 1, 0, ProofsVerified::kN0, ProofsVerified::kN0, 9, 0},
      {"o1js/square0_dummy_proof.json", 1, 0, ProofsVerified::kN0, ProofsVerified::kN0, 14, 0},
      {"o1js/square1_base_proof.json", 1, 1, ProofsVerified::kN1, ProofsVerified::kN0, 9, 0},
      {"o1js/square1_step_proof.json", 1, 1, ProofsVerified::kN1, ProofsVerified::kN1, 14, 1},
      {"o1js/square1_dummy_proof.json", 1, 1, ProofsVerified::kN1, ProofsVerified::kN1, 14, 1},
      {"o1js/dummy_proof_mpv0.json", 1, 0, ProofsVerified::kN0, ProofsVerified::kN0, 14, 0},
      {"o1js/dummy_proof_mpv1.json", 1, 1, ProofsVerified::kN1, ProofsVerified::kN1, 14, 1},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    std::string json = read_text(c.file);
    auto r = decode_o1js_proof_json(json);
    REQUIRE(r.ok());
    CHECK(r->public_input.size() == c.public_input);
    CHECK(r->public_output.size() == c.public_output);
    CHECK(r->max_proofs_verified == c.mpv);
    const WrapProof& p = r->proof;
    // o1js' Proofs_verified_N: exactly N wrap challenge vectors.
    CHECK(wrap_vectors(p) == size_t(c.mpv));
    const auto& branch = p.statement.proof_state.deferred_values.branch_data;
    CHECK(branch.proofs_verified == c.branch_proofs_verified);
    CHECK(branch.domain_log2 == c.domain_log2);
    CHECK(step_messages(p) == c.step_messages);
    check_common_shape(p);
    const auto& flags = p.statement.proof_state.deferred_values.plonk.feature_flags;
    CHECK(flags == FeatureFlags{});
    CHECK_FALSE(p.statement.proof_state.deferred_values.plonk.joint_combiner.has_value());

    // The printer reproduces o1js' text byte for byte: nothing was lost or reinterpreted.
    auto j = nlohmann::json::parse(json);
    std::string original = proof_sexp_text(j["proof"].get<std::string>());
    auto printed = encode_proof_sexp(p);
    REQUIRE(printed.ok());
    CHECK(printed->to_string() == original);
    CHECK(base64_encode(as_bytes(printed->to_string())) == j["proof"].get<std::string>());
  }
}

TEST_CASE("o1js zkApp proof: Proof.toJSON form and transaction form", "[pickles][proof]") {
  auto j = test::read_fixture_json("o1js/zkapp_update_proof.json");
  auto json_form = decode_o1js_proof_json(j["proof_toJSON"].dump());
  REQUIRE(json_form.ok());
  CHECK(json_form->public_input.size() == 2);
  CHECK(json_form->public_input[1] == Fp::zero());
  CHECK(wrap_vectors(json_form->proof) == 0);

  // The transaction form (Side_loaded.Proof, N2-shaped) carries 2 padded wrap vectors.
  auto tx_form = decode_proof_base64(j["authorization_proof_base64"].get<std::string>());
  REQUIRE(tx_form.ok());
  CHECK(wrap_vectors(*tx_form) == 2);
  CHECK(step_messages(*tx_form) == 0);
  // The two forms agree everywhere else.
  CHECK(tx_form->proof == json_form->proof.proof);
  CHECK(tx_form->prev_evals == json_form->proof.prev_evals);
  CHECK(tx_form->statement.proof_state.deferred_values == json_form->proof.statement.proof_state.deferred_values);
  CHECK(tx_form->statement.messages_for_next_step_proof == json_form->proof.statement.messages_for_next_step_proof);
  // ... and it is bin_prot-encodable as it stands (Proofs_verified_2 needs the 2 vectors).
  CHECK(encode_proof_binprot(*tx_form).ok());
  CHECK(encode_proof_binprot(json_form->proof).error().code == ErrorCode::kInvalidLength);

  // As in o1js: with maxProofsVerified 0 the transaction form is a length mismatch, with 2 it decodes.
  nlohmann::json as_json = j["proof_toJSON"];
  as_json["proof"] = j["authorization_proof_base64"];
  auto mismatch = decode_o1js_proof_json(as_json.dump());
  REQUIRE_FALSE(mismatch.ok());
  CHECK(mismatch.error().code == ErrorCode::kInvalidLength);
  as_json["maxProofsVerified"] = 2;
  auto as_n2 = decode_o1js_proof_json(as_json.dump());
  REQUIRE(as_n2.ok());
  CHECK(as_n2->proof == *tx_form);
}

TEST_CASE("verify_zkapp inputs: decode, facts, and exact bin_prot round trip", "[pickles][proof]") {
  for (const char* f : kZkappFiles) {
    INFO(f);
    Bytes bytes = test::read_fixture_bytes(f);
    auto r = decode_verify_zkapp_binprot(bytes);
    REQUIRE(r.ok());
    const WrapProof& p = r->proof;
    check_common_shape(p);
    CHECK(wrap_vectors(p) == 2);  // Proofs_verified_2 on the wire
    // The notes: two of them are N1 with wrap domain 2^14, two are N0 with 2^13; the proof's
    // branch agrees with its key.
    const bool n1 = bytes.size() == 13358;
    CHECK(r->vk.max_proofs_verified == (n1 ? ProofsVerified::kN1 : ProofsVerified::kN0));
    CHECK(r->vk.wrap_domain_log2() == (n1 ? 14u : 13u));
    CHECK(step_messages(p) <= size_t(r->vk.max_proofs_verified));
    CHECK(encode_zkapp_input(*r) == bytes);
    // The same proof also prints and re-reads as an S-expression.
    auto s = encode_proof_sexp(p);
    REQUIRE(s.ok());
    auto back = decode_proof_sexp(s->to_string());
    REQUIRE(back.ok());
    CHECK(*back == p);
  }
}

TEST_CASE("block-prover inputs: the sexp and the bin_prot spelling hold the same proof", "[pickles][proof]") {
  for (const char* name : {"mina/block_input-2483246-0", "mina/block_input-2483246-1", "mina/block_input-2483248-0",
                           "mina/block_input-2483248-1"}) {
    INFO(name);
    std::string text = read_text(std::string(name) + ".sexp");
    auto s = sexp::parse(text);
    REQUIRE(s.ok());
    auto chain = s->field("chain");
    REQUIRE(chain.ok());
    auto proof_sexp = (*chain)->field("proof");
    REQUIRE(proof_sexp.ok());
    auto from_sexp = decode_proof_sexp(**proof_sexp);
    REQUIRE(from_sexp.ok());
    check_common_shape(*from_sexp);
    // Blockchain SNARK: both branches verify 2 proofs on a 2^16 step domain.
    CHECK(from_sexp->statement.proof_state.deferred_values.branch_data.proofs_verified == ProofsVerified::kN2);
    CHECK(from_sexp->statement.proof_state.deferred_values.branch_data.domain_log2 == 16);
    CHECK(step_messages(*from_sexp) == 2);

    // Its bin_prot encoding occurs in the .bin file (after the protocol state), and decoding the
    // bytes there gives the same object.
    auto encoded = encode_proof_binprot(*from_sexp);
    REQUIRE(encoded.ok());
    Bytes bin = test::read_fixture_bytes(std::string(name) + ".bin");
    auto at = std::search(bin.begin(), bin.end(), encoded->begin(), encoded->end());
    REQUIRE(at != bin.end());
    BinProtReader r(ByteSpan(bin).subspan(size_t(at - bin.begin())));
    auto from_bin = decode_proof_binprot(r);
    REQUIRE(from_bin.ok());
    CHECK(r.offset() == encoded->size());
    CHECK(*from_bin == *from_sexp);
  }
}

TEST_CASE("dummy blockchain proof: exactly one bin_prot proof", "[pickles][proof]") {
  Bytes bytes = test::read_fixture_bytes("mina/dummy_blockchain_proof.bin");
  auto p = decode_proof_binprot(ByteSpan(bytes));
  REQUIRE(p.ok());
  CHECK(*encode_proof_binprot(*p) == bytes);
  CHECK(p->statement.proof_state.deferred_values.branch_data.proofs_verified == ProofsVerified::kN2);
  CHECK(p->statement.proof_state.sponge_digest_before_evaluations == Digest{});
  Bytes longer = bytes;
  longer.push_back(0);
  CHECK(decode_proof_binprot(ByteSpan(longer)).error().code == ErrorCode::kTrailingBytes);
}

TEST_CASE("verify_zkapp input: every truncation is a typed truncation error", "[pickles][proof][robustness]") {
  Bytes bytes = test::read_fixture_bytes(kZkappFiles[1]);
  size_t failures = 0;
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto r = decode_verify_zkapp_binprot(ByteSpan(bytes).subspan(0, n));
    if (r.ok() || r.error().code != ErrorCode::kTruncated) {
      ++failures;
      UNSCOPED_INFO("prefix " << n << ": " << (r.ok() ? "accepted" : r.error().message));
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("verify_zkapp input: bit flips give a typed error or a different, canonical object", "[pickles][proof][robustness]") {
  Bytes bytes = test::read_fixture_bytes(kZkappFiles[0]);
  auto original = decode_verify_zkapp_binprot(bytes);
  REQUIRE(original.ok());
  auto& rng = test::rng();
  size_t accepted = 0, rejected = 0, bad = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    Bytes m = bytes;
    m[i] ^= uint8_t(1u << (rng() % 8));
    auto r = decode_verify_zkapp_binprot(m);
    if (!r.ok()) {
      ++rejected;
      continue;
    }
    ++accepted;
    // Accepted mutants must differ and must be the unique encoding of what they decode to.
    if (r->proof == original->proof && r->vk == original->vk && r->zkapp_statement == original->zkapp_statement) ++bad;
    else if (encode_zkapp_input(*r) != m) ++bad;
  }
  CHECK(bad == 0);
  CHECK(rejected > 0);
  CHECK(accepted + rejected == bytes.size());
}

TEST_CASE("o1js proof: truncated and mutated S-expressions are typed errors", "[pickles][proof][robustness]") {
  auto j = test::read_fixture_json("o1js/square1_step_proof.json");
  std::string text = proof_sexp_text(j["proof"].get<std::string>());
  // Every 7th prefix (all of them would be slow under WASM and add nothing).
  for (size_t n = 0; n < text.size(); n += 7) {
    auto r = decode_proof_sexp(std::string_view(text).substr(0, n));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kMalformedSexp);
  }
  auto& rng = test::rng();
  auto original = decode_proof_sexp(text);
  REQUIRE(original.ok());
  for (int k = 0; k < test::iters(300); ++k) {
    std::string m = text;
    size_t i = rng() % m.size();
    m[i] = "()0Fx \"zN9"[rng() % 10];
    auto r = decode_proof_sexp(m);
    if (r.ok()) CHECK((m == text || !(*r == *original) || encode_proof_sexp(*r)->to_string() != m));
  }
}

TEST_CASE("proof decoders: off-curve points and non-canonical fields are rejected", "[pickles][proof]") {
  auto j = test::read_fixture_json("o1js/square0_base_proof.json");
  std::string text = proof_sexp_text(j["proof"].get<std::string>());
  auto p = decode_proof_sexp(text);
  REQUIRE(p.ok());

  // Off-curve: bump z_comm's y by one.
  {
    WrapProof q = *p;
    q.proof.z_comm = PallasAffine::from_xy_unchecked(q.proof.z_comm.x, q.proof.z_comm.y + Fp::one());
    auto s = encode_proof_sexp(q);
    REQUIRE(s.ok());
    auto r = decode_proof_sexp(s->to_string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidPoint);
    CHECK(r.error().message.find("z_comm") != std::string::npos);
  }
  // The Vesta sg moved to Pallas coordinates is not on Vesta.
  {
    std::string needle = "(challenge_polynomial_commitment(";
    size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    WrapProof q = *p;
    auto s = encode_proof_sexp(q);
    std::string t = s->to_string();
    // Replace the Vesta point with the Pallas generator (1, y): on Pallas, not on Vesta.
    size_t start = at + needle.size(), end = t.find(')', start);
    auto g = PallasAffine::generator();
    std::string gx = "0x0000000000000000000000000000000000000000000000000000000000000001";
    std::string gy = sexp::Sexp::make_atom(g.y.to_decimal()).to_string();
    t = t.substr(0, start) + gx + " " + gy + t.substr(end);
    auto r = decode_proof_sexp(t);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidPoint);
  }
  // Non-canonical: ft_eval1 = q (the Fq modulus) in hex.
  {
    std::string t = text;
    std::string key = "(ft_eval1 ";
    size_t at = t.rfind(key);  // the wrap proof's ft_eval1 (Fq)
    REQUIRE(at != std::string::npos);
    size_t start = at + key.size(), end = t.find(')', start);
    t = t.substr(0, start) + "0x40000000000000000000000000000000224698FC0994A8DD8C46EB2100000001" + t.substr(end);
    auto r = decode_proof_sexp(t);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kNonCanonicalField);
  }
  // bin_prot: a coordinate set to the modulus, and a point nudged off the curve.
  {
    Bytes bytes = test::read_fixture_bytes(kZkappFiles[1]);
    size_t proof_at = kSideLoadedVkBytes + 64;
    auto clean = decode_verify_zkapp_binprot(bytes);
    REQUIRE(clean.ok());
    // Find w_comm[0] in the proof encoding.
    auto enc = encode_proof_binprot(clean->proof);
    REQUIRE(enc.ok());
    auto x = clean->proof.proof.w_comm[0].x.to_bytes_le();
    auto it = std::search(enc->begin(), enc->end(), x.begin(), x.end());
    REQUIRE(it != enc->end());
    size_t off = proof_at + size_t(it - enc->begin());
    Bytes nc = bytes;
    auto mod = Fp::kModulus;
    for (int i = 0; i < 32; ++i) nc[off + i] = uint8_t(mod.w[i / 8] >> (8 * (i % 8)));
    CHECK(decode_verify_zkapp_binprot(nc).error().code == ErrorCode::kNonCanonicalField);
    Bytes oc = bytes;
    oc[off + 32] ^= 1;
    CHECK(decode_verify_zkapp_binprot(oc).error().code == ErrorCode::kInvalidPoint);
  }
}

TEST_CASE("o1js proof JSON: garbage is a typed error", "[pickles][proof][robustness]") {
  auto j = test::read_fixture_json("o1js/square0_base_proof.json");
  auto with = [&](const char* key, nlohmann::json v) {
    nlohmann::json k = j;
    k[key] = std::move(v);
    return k.dump();
  };
  auto without = [&](const char* key) {
    nlohmann::json k = j;
    k.erase(key);
    return k.dump();
  };
  std::string proof = j["proof"].get<std::string>();
  const std::pair<std::string, ErrorCode> cases[] = {
      {"", ErrorCode::kMalformedJson},
      {"{", ErrorCode::kMalformedJson},
      {"[1,2]", ErrorCode::kMalformedJson},
      {"null", ErrorCode::kMalformedJson},
      {"{\"publicInput\":", ErrorCode::kMalformedJson},
      {std::string(100000, '['), ErrorCode::kLimitExceeded},
      {without("proof"), ErrorCode::kMalformedJson},
      {without("publicInput"), ErrorCode::kMalformedJson},
      {without("maxProofsVerified"), ErrorCode::kMalformedJson},
      {with("maxProofsVerified", 3), ErrorCode::kMalformedJson},
      {with("maxProofsVerified", "0"), ErrorCode::kMalformedJson},
      {with("maxProofsVerified", 1), ErrorCode::kInvalidLength},
      {with("publicInput", nlohmann::json::array({9})), ErrorCode::kMalformedJson},
      {with("publicInput", nlohmann::json::array({"0x9"})), ErrorCode::kMalformedNumber},
      {with("publicInput", nlohmann::json::array({"9a"})), ErrorCode::kMalformedNumber},
      {with("publicInput",
            nlohmann::json::array({"28948022309329048855892746252171976963363056481941560715954676764349967630337"})),
       ErrorCode::kNonCanonicalField},
      {with("publicOutput", "x"), ErrorCode::kMalformedJson},
      {with("proof", 5), ErrorCode::kMalformedJson},
      {with("proof", "!!!!"), ErrorCode::kInvalidEncoding},
      {with("proof", proof.substr(0, proof.size() - 1)), ErrorCode::kInvalidEncoding},
      {with("proof", base64_encode(as_bytes("(a b)"))), ErrorCode::kMalformedSexp},
      {with("proof", base64_encode(as_bytes("((statement x))"))), ErrorCode::kMalformedSexp},
      {with("proof", base64_encode(as_bytes("\xff"))), ErrorCode::kMalformedSexp},
      {with("proof", base64_encode(as_bytes(std::string(200, '(') + std::string(200, ')')))), ErrorCode::kLimitExceeded},
  };
  for (const auto& [text, code] : cases) {
    INFO(text.substr(0, 200));
    auto r = decode_o1js_proof_json(text);
    REQUIRE_FALSE(r.ok());
    CHECK(error_code_name(r.error().code) == std::string(error_code_name(code)));
  }
}
