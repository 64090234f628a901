// verify-block --network devnet|mainnet FILE [--index INDEX.json] [--genesis check|any] [--srs-dir DIR] [--cache-dir DIR]
//   -> {"valid":bool,"stateHash":"3N…","height":N,"checks":{…}[,"reason":"…"],"ms":{…}}
//
// FILE is a block that carries its protocol-state proof: a precomputed block, OpenMina's best tip
// with proof, or a block-prover input (bin_prot; the block verified is the one its proof is
// about, next_state's parent, known by hash only). A block is valid on a network iff
//   proof     the blockchain SNARK verifies against the network's wrap verifier index with the
//             state hash we compute from the protocol state (never the one the file names);
//   network   its genesis state hash and protocol constants are the network's;
//   delta     its delta transition chain proof, when it has one, reaches previous_state_hash;
//   bestTip   OpenMina's root-to-tip proof, when present, links the root to this block.
// Exit 0 valid, 1 invalid (each check reported), 2 malformed input. --genesis any drops the
// genesis comparison (constants are still checked): for chains that share a network's circuits
// but not its genesis, such as the devnet-circuit test chain of the block-prover inputs.
//
// The verifier index comes from --index, or from the network profile's file in the data
// directory ($MINA_FIXTURES_DIR, else the checkout's ../shared/fixtures): the project ships no
// keys of its own.
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli.hpp"
#include "files.hpp"
#include "mina/block_file.hpp"
#include "mina/network_profile.hpp"
#include "mina/protocol_state_binprot.hpp"
#include "mina/state_hash.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/decode.hpp"
#include "pickles/blockchain_snark.hpp"
#include "pickles/verifier_index_json.hpp"
#include "setup.hpp"

namespace mina::cli {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::string data_dir() {
  if (const char* env = std::getenv("MINA_FIXTURES_DIR")) return env;
#ifdef MINA_DEFAULT_FIXTURES_DIR
  return MINA_DEFAULT_FIXTURES_DIR;
#else
  return "../shared/fixtures";
#endif
}

Outcome run_verify_block(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, with_setup_flags({"network", "index", "genesis"}));
  if (!args) return fail(args.error());
  auto network = args->flag("network");
  if (!network || args->positionals().size() != 1)
    return fail(ErrorCode::kInvalidArgument, "usage: verify-block --network devnet|mainnet FILE [--index INDEX.json]");
  const std::string genesis_mode = args->flag("genesis").value_or("check");
  if (genesis_mode != "check" && genesis_mode != "any")
    return fail(ErrorCode::kInvalidArgument, "--genesis must be check or any");
  const bool any_genesis = genesis_mode == "any";
  auto profile = find_network_profile(*network);
  if (!profile) return fail(profile.error());

  auto bytes = read_file(args->positionals()[0], pickles::kMaxBlockFileBytes);
  if (!bytes) return fail(bytes.error());
  auto block = decode_block_file(*bytes);
  if (!block) return fail(block.error());
  // A block-prover input holds chain.{state, proof} then the next state: the proof follows the
  // state it proves.
  Result<pickles::WrapProof> proof = Error{ErrorCode::kUnsupported, "no proof"};
  if (block->source == BlockSource::kBlockInput) {
    auto input = decode_block_input(*bytes);
    if (!input) return fail(input.error());
    BinProtReader r(ByteSpan(*bytes).subspan(input->chain_proof_offset));
    proof = pickles::decode_proof_binprot(r);
  } else {
    auto file = pickles::decode_block_proof_file(*bytes);
    if (!file) return fail(file.error());
    proof = std::move(file->proof);
  }
  if (!proof) return fail(proof.error());

  const std::string index_path =
      args->flag("index").value_or(data_dir() + "/mina/" + (*profile)->blockchain_verifier_index);
  auto index_text = read_text_file(index_path);
  if (!index_text) return fail(index_text.error());
  auto key = pickles::decode_blockchain_verifier_index_json(*index_text);
  if (!key) return fail(key.error());

  const ProtocolState& state = block->protocol_state;
  StateHash hash = state_hash(state);
  uint32_t height = state.body.consensus_state.blockchain_length;
  if (block->source == BlockSource::kBlockInput) {
    // The prover's input proves next_state's parent (chain.proof), whose hash next_state
    // records: that parent is the block verified here. (chain.state is not always that parent:
    // inputs that restart a test chain carry its genesis state there.)
    hash = state.previous_state_hash;
    height = height ? height - 1 : 0;
  }
  nlohmann::json out = {{"stateHash", state_hash_base58(hash)}, {"height", height}};
  nlohmann::json checks = nlohmann::json::object();
  std::string reason;
  auto note = [&](const char* check, bool ok, const std::string& why) {
    checks[check] = ok;
    if (!ok && reason.empty()) reason = std::string(check) + ": " + why;
  };

  const std::string mismatch = network_mismatch(state, **profile, !any_genesis);
  note("network", mismatch.empty(), mismatch);
  if (block->delta_transition_chain_proof)
    note("delta", verify_delta_chain(*block->delta_transition_chain_proof, state.previous_state_hash),
         "the delta transition chain does not reach previous_state_hash");
  if (block->best_tip_proof) note("bestTip", verify_best_tip_proof(*block), "the root-to-tip proof does not link");

  auto t0 = std::chrono::steady_clock::now();
  auto setup = CliSetup::load(*args);
  if (!setup) return fail(setup.error());
  const double setup_ms = ms_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  auto verdict = pickles::verify_blockchain_snark(setup->verifier, *key, hash, *proof);
  if (!verdict) return fail(verdict.error());
  const double verify_ms = ms_since(t1);
  setup->save();
  note("proof", verdict->valid, verdict->reason);

  const bool valid = reason.empty();
  out["valid"] = valid;
  out["checks"] = checks;
  if (!valid) out["reason"] = reason;
  out["ms"] = {{"setup", int64_t(setup_ms)}, {"verify", int64_t(verify_ms)}};
  return {valid ? kOk : kInvalid, out};
}

RegisterCommand reg({"verify-block",
                     "verify-block --network devnet|mainnet FILE [--index INDEX.json] [--genesis check|any] [--srs-dir DIR] [--cache-dir DIR]",
                     run_verify_block});

}  // namespace
}  // namespace mina::cli
