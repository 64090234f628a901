// Test helpers for the Pickles deferred-value / public-input suites: the o1js oracle records in
// build/oracle (tests/oracle/extract.mjs; absent in a fresh checkout, then tests WARN and skip)
// and the fixture proofs they were made from.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encoding/base64.hpp"
#include "pickles/decode.hpp"
#include "pickles/verification_key.hpp"
#include "test_support.hpp"

namespace mina::test::pickles_oracle {

// $MINA_ORACLE_DIR, else <checkout>/build/oracle found from this file's path.
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

inline std::string read_text_fixture(const std::string& rel) {
  auto b = read_fixture_bytes(rel);
  return std::string(b.begin(), b.end());
}

template <class F>
F field(const nlohmann::json& j) {
  auto r = F::parse(j.get<std::string>());
  REQUIRE(r.ok());
  return *r;
}

// The proof and key an oracle record was made from (its "source" names fixtures in o1js/).
struct OracleCase {
  std::string name;
  nlohmann::json oracle;
  mina::pickles::WrapProof proof;
  mina::pickles::SideLoadedVerificationKey vk;
  std::vector<Fp> app_state;  // publicInput ++ publicOutput
  bool verdict = false;
};

inline OracleCase load_case(const std::string& name, nlohmann::json oracle) {
  using namespace mina::pickles;
  OracleCase c;
  c.name = name;
  c.verdict = oracle.value("verdict", false);
  if (name.rfind("verify_zapp_", 0) == 0) {
    // Made from the OpenMina verify_zkapp fixture of that name (public_input_test.cpp
    // "[.write-zkapp-oracle-inputs]"): take the bin_prot original, not the JSON rendering.
    auto in = decode_verify_zkapp_binprot(read_fixture_bytes("mina/" + name + "_0.binprot"));
    REQUIRE(in.ok());
    c.proof = in->proof;
    c.vk = in->vk;
    c.app_state = {in->zkapp_statement.account_update, in->zkapp_statement.calls};
    c.oracle = std::move(oracle);
    return c;
  }
  std::string src = oracle["source"]["proof"].get<std::string>();
  std::string file = src, member;
  if (auto h = src.find('#'); h != std::string::npos) {
    file = src.substr(0, h);
    member = src.substr(h + 1);
  }
  const std::string text = read_text_fixture("o1js/" + file);
  if (member.empty()) {
    auto p = decode_o1js_proof_json(text);
    REQUIRE(p.ok());
    c.proof = p->proof;
  } else {
    auto j = nlohmann::json::parse(text);
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
  auto vk = decode_vk_json(read_text_fixture("o1js/" + oracle["source"]["vk"].get<std::string>()));
  REQUIRE(vk.ok());
  c.vk = vk->vk;
  for (const auto& x : oracle["statement"]["publicInput"]) c.app_state.push_back(field<Fp>(x));
  for (const auto& x : oracle["statement"]["publicOutput"]) c.app_state.push_back(field<Fp>(x));
  c.oracle = std::move(oracle);
  return c;
}

inline const std::vector<std::string>& oracle_names() {
  static const std::vector<std::string> v = {
      "square0_base_proof", "square1_base_proof",  "square1_step_proof", "zkapp_update_proof",
      "zkapp_update_proof.authorization", "square0_dummy_proof", "square1_dummy_proof",
      // OpenMina's real devnet zkApp proofs (lookups, range checks, foreign-field addition);
      // recorded only after "[.write-zkapp-oracle-inputs]" + extract.mjs (see public_input_test.cpp).
      "verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251",
      "verify_zapp_9db7255327f342f75d27b5c0f646988ee68c6338f6e26c4dc549675f811b4152",
      "verify_zapp_dc518dc7e0859ea6ffa0cd42637cdcc9c79ab369dfb7ff44c8a89b1219f98728",
      "verify_zapp_f2bbc8088654c09314a58c96428f6828d3ee8096b6f34e3a027ad9b028ae22e0",
  };
  return v;
}

inline std::vector<OracleCase> load_available_cases() {
  std::vector<OracleCase> out;
  for (const auto& n : oracle_names()) {
    auto j = read_oracle(n);
    if (!j) {
      WARN("oracle record " << oracle_dir() << "/" << n << ".json absent (run node tests/oracle/extract.mjs); skipped");
      continue;
    }
    out.push_back(load_case(n, std::move(*j)));
  }
  return out;
}

inline const char* kZkappFiles[] = {
    "mina/verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251_0.binprot",
    "mina/verify_zapp_9db7255327f342f75d27b5c0f646988ee68c6338f6e26c4dc549675f811b4152_0.binprot",
    "mina/verify_zapp_dc518dc7e0859ea6ffa0cd42637cdcc9c79ab369dfb7ff44c8a89b1219f98728_0.binprot",
    "mina/verify_zapp_f2bbc8088654c09314a58c96428f6828d3ee8096b6f34e3a027ad9b028ae22e0_0.binprot",
};

}  // namespace mina::test::pickles_oracle
