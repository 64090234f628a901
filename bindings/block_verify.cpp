// verifyBlock(blockBytes, network, verifierIndexJson, seed): a block with its protocol-state
// proof (precomputed block JSON, OpenMina best tip / header JSON, or bin_prot block-prover
// input) checked as the CLI's verify-block does:
//   proof     the blockchain SNARK against the given wrap verifier index, with the state hash
//             computed from the protocol state (never one the input names);
//   network   genesis state hash and protocol constants are the named network's;
//   delta     the delta transition chain proof, when present, reaches previous_state_hash;
//   bestTip   OpenMina's root-to-tip proof, when present, links the root to this block.
// → {valid, stateHash, height, checks: {…}, reason?, ms: {decode, verify}}.
// The package ships no keys: the caller passes the network's blockchain verifier index JSON.
#include <emscripten/bind.h>

#include <string>

#include "elapsed.hpp"
#include "js_value.hpp"
#include "mina/block_file.hpp"
#include "mina/network_profile.hpp"
#include "mina/state_hash.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/blockchain_snark.hpp"
#include "pickles/verifier_index_json.hpp"
#include "worker_setup.hpp"

namespace mina::bindings {
namespace {

val verify_block(val block_js, std::string network, std::string index_json, val seed_js) {
  return guarded([&] {
    if (!worker_setup()) return error_value("no_setup", "the verifier setup has not been made yet");
    Stopwatch decode_clock;
    auto profile = find_network_profile(network);
    if (!profile) return error_value(profile.error());
    Bytes bytes = bytes_from_js(block_js);
    if (bytes.size() > pickles::kMaxBlockFileBytes)
      return error_value(Error{ErrorCode::kLimitExceeded, "block larger than 64 MiB"});
    auto block = decode_block_file(bytes);
    if (!block) return error_value(block.error());
    auto proof = pickles::decode_block_proof_file(bytes);
    if (!proof) return error_value(proof.error());
    auto key = pickles::decode_blockchain_verifier_index_json(index_json);
    if (!key) return error_value(key.error());
    const double decode_ms = decode_clock.ms();

    const ProtocolState& state = block->protocol_state;
    const StateHash hash = state_hash(state);
    val checks = val::object();
    std::string reason;
    auto note = [&](const char* check, bool ok, const std::string& why) {
      checks.set(check, ok);
      if (!ok && reason.empty()) reason = std::string(check) + ": " + why;
    };
    const std::string mismatch = network_mismatch(state, **profile);
    note("network", mismatch.empty(), mismatch);
    if (block->delta_transition_chain_proof)
      note("delta", verify_delta_chain(*block->delta_transition_chain_proof, state.previous_state_hash),
           "the delta transition chain does not reach previous_state_hash");
    if (block->best_tip_proof) note("bestTip", verify_best_tip_proof(*block), "the root-to-tip proof does not link");

    Bytes seed = bytes_from_js(seed_js);
    Stopwatch verify_clock;
    auto verdict = pickles::verify_blockchain_snark(*worker_setup(), *key, hash, proof->proof, seed);
    if (!verdict) return error_value(verdict.error());
    note("proof", verdict->valid, verdict->reason);

    val out = val::object();
    out.set("valid", reason.empty());
    out.set("stateHash", state_hash_base58(hash));
    out.set("height", double(state.body.consensus_state.blockchain_length));
    out.set("checks", checks);
    if (!reason.empty()) out.set("reason", reason);
    val ms = val::object();
    ms.set("decode", decode_ms);
    ms.set("verify", verify_clock.ms());
    out.set("ms", ms);
    return out;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(mina_block_verify) { emscripten::function("verifyBlock", &verify_block); }

}  // namespace mina::bindings
