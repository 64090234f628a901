// Helpers for the kimchi wrap-verifier suites: the o1js oracle records in build/oracle
// (tests/oracle/extract.mjs; absent in a fresh checkout: those tests WARN and skip), the fixture
// proofs and keys they were made from, the Pallas SRS (loaded once per binary) and Lagrange bases
// (computed once per domain).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commitment/lagrange.hpp"
#include "commitment/srs.hpp"
#include "commitment/srs_file.hpp"
#include "kimchi/oracles.hpp"
#include "kimchi/verifier_index.hpp"
#include "kimchi/wrap_verifier.hpp"
#include "pickles/decode.hpp"
#include "pickles/verification_key.hpp"
#include "test_support.hpp"

namespace mina::test::kimchi_wrap {

using mina::kimchi::PallasPolyComm;

// $MINA_ORACLE_DIR, else <checkout>/build/oracle located from this header's path.
inline std::string oracle_dir() {
  if (const char* env = std::getenv("MINA_ORACLE_DIR")) return env;
  std::string f = __FILE__;
  auto pos = f.rfind("tests/unit/");
  return (pos == std::string::npos ? std::string(".") : f.substr(0, pos)) + "build/oracle";
}

inline std::optional<nlohmann::json> read_oracle(const std::string& name) {
  std::ifstream f(oracle_dir() + "/" + name + ".json", std::ios::binary);
  if (!f) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

inline std::string fixture_text(const std::string& rel) {
  auto b = read_fixture_bytes(rel);
  return std::string(b.begin(), b.end());
}

template <class F>
F dec(const nlohmann::json& j) {
  auto r = F::parse(j.get<std::string>());
  REQUIRE(r.ok());
  return *r;
}

inline PallasAffine pallas_point(const nlohmann::json& j) {
  if (j.is_string() && j.get<std::string>() == "infinity") return PallasAffine::identity();
  auto r = PallasAffine::from_xy(dec<Fp>(j.at("x")), dec<Fp>(j.at("y")));
  REQUIRE(r.ok());
  return *r;
}

// A recorded polynomial commitment: an array of chunks (or one point).
inline PallasPolyComm pallas_comm(const nlohmann::json& j) {
  PallasPolyComm c;
  if (j.is_array())
    for (const auto& p : j) c.chunks.push_back(pallas_point(p));
  else
    c.chunks.push_back(pallas_point(j));
  return c;
}

inline std::vector<Fq> fq_vec(const nlohmann::json& j) {
  std::vector<Fq> v;
  for (const auto& x : j) v.push_back(dec<Fq>(x));
  return v;
}

// The 2^15 Pallas SRS of shared/fixtures/srs/pallas.srs (first 2^15 generators + H).
inline const Srs<PallasParams>& pallas_srs() {
  static const Srs<PallasParams> srs = [] {
    auto bytes = read_fixture_bytes("srs/pallas.srs");
    auto r = srs_from_msgpack<PallasParams>(bytes, size_t(1) << 15);
    if (!r.ok()) throw std::runtime_error("pallas.srs: " + r.error().message);
    return *r;
  }();
  return srs;
}

// The first 40 Lagrange-basis commitments of the wrap domain 2^log2 (ours), computed once.
inline const std::vector<PallasPolyComm>& lagrange_basis(unsigned log2) {
  static std::map<unsigned, std::vector<PallasPolyComm>> cache;
  static std::mutex m;
  std::lock_guard<std::mutex> lock(m);
  auto it = cache.find(log2);
  if (it != cache.end()) return it->second;
  auto d = Radix2Domain<Fq>::create_log(log2);
  REQUIRE(d.ok());
  auto r = lagrange_basis_commitments<PallasParams>(pallas_srs(), *d, mina::kimchi::kWrapPublicInputs);
  REQUIRE(r.ok());
  return cache.emplace(log2, std::move(*r)).first->second;
}

struct WrapCase {
  std::string name;
  nlohmann::json oracle;
  pickles::WrapProof proof;
  pickles::SideLoadedVerificationKey vk;
  std::vector<Fp> app_state;  // publicInput ++ publicOutput
  std::vector<Fq> public_input;  // recorded wrap_public_input
  bool verdict = false;
};

inline WrapCase load_case(const std::string& name, nlohmann::json oracle) {
  using namespace mina::pickles;
  WrapCase c;
  c.name = name;
  c.verdict = oracle.value("verdict", false);
  const std::string src = oracle["source"]["proof"].get<std::string>();
  std::string file = src, member;
  if (auto h = src.find('#'); h != std::string::npos) {
    file = src.substr(0, h);
    member = src.substr(h + 1);
  }
  const std::string text = fixture_text("o1js/" + file);
  if (member.empty()) {
    auto p = decode_o1js_proof_json(text);
    REQUIRE(p.ok());
    c.proof = p->proof;
  } else {
    const auto j = nlohmann::json::parse(text);
    const auto& m = j.at(member);
    if (m.is_string()) {
      auto p = decode_proof_base64(m.get<std::string>());
      REQUIRE(p.ok());
      c.proof = *p;
    } else {
      auto p = decode_o1js_proof_json(m.dump());
      REQUIRE(p.ok());
      c.proof = p->proof;
    }
  }
  auto vk = decode_vk_json(fixture_text("o1js/" + oracle["source"]["vk"].get<std::string>()));
  REQUIRE(vk.ok());
  c.vk = vk->vk;
  for (const auto& x : oracle["statement"]["publicInput"]) c.app_state.push_back(dec<Fp>(x));
  for (const auto& x : oracle["statement"]["publicOutput"]) c.app_state.push_back(dec<Fp>(x));
  c.public_input = fq_vec(oracle.at("wrap_public_input"));
  c.oracle = std::move(oracle);
  return c;
}

inline const std::vector<std::string>& oracle_names() {
  static const std::vector<std::string> v = {
      "square0_base_proof",  "square1_base_proof", "square1_step_proof", "zkapp_update_proof",
      "zkapp_update_proof.authorization", "square0_dummy_proof", "square1_dummy_proof",
  };
  return v;
}

// Every available record (a WARN per missing one), loaded once.
inline const std::vector<WrapCase>& wrap_cases() {
  static const std::vector<WrapCase> cases = [] {
    std::vector<WrapCase> out;
    for (const auto& n : oracle_names()) {
      auto j = read_oracle(n);
      if (!j) continue;
      out.push_back(load_case(n, std::move(*j)));
    }
    return out;
  }();
  if (cases.size() < oracle_names().size())
    WARN("only " << cases.size() << " of " << oracle_names().size() << " o1js oracle records in " << oracle_dir()
                 << " (run node tests/oracle/extract.mjs); the rest are skipped");
  return cases;
}

// OpenMina's verify_zkapp inputs (circuit-blobs), always present in shared/fixtures.
inline const std::vector<std::string>& zkapp_binprot_files() {
  static const std::vector<std::string> v = {
      "mina/verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251_0.binprot",
      "mina/verify_zapp_9db7255327f342f75d27b5c0f646988ee68c6338f6e26c4dc549675f811b4152_0.binprot",
      "mina/verify_zapp_dc518dc7e0859ea6ffa0cd42637cdcc9c79ab369dfb7ff44c8a89b1219f98728_0.binprot",
      "mina/verify_zapp_f2bbc8088654c09314a58c96428f6828d3ee8096b6f34e3a027ad9b028ae22e0_0.binprot",
  };
  return v;
}

}  // namespace mina::test::kimchi_wrap
