// bin_prot protocol states inside the devnet block-prover inputs (block_input-*.bin), checked
// against the S-expression printed beside each (same value) and by the hash link between the
// two states each input holds.
#include <catch2/catch.hpp>

#include "block_fixtures.hpp"
#include "encoding/base58.hpp"
#include "encoding/base64.hpp"
#include "encoding/sexp.hpp"
#include "mina/block_file.hpp"
#include "mina/protocol_state_binprot.hpp"
#include "mina/state_hash.hpp"

using namespace mina;

namespace {

const sexp::Sexp& at(const sexp::Sexp& s, std::initializer_list<const char*> path) {
  const sexp::Sexp* cur = &s;
  for (const char* name : path) {
    auto next = cur->field(name);
    if (!next) FAIL("sexp path " << name << ": " << next.error().message);
    cur = *next;
  }
  return *cur;
}
std::string atom(const sexp::Sexp& s, std::initializer_list<const char*> path) { return at(s, path).atom(); }
Fp field(const sexp::Sexp& s, std::initializer_list<const char*> path) { return *Fp::parse(atom(s, path)); }

void check_against_sexp(const ProtocolState& st, const sexp::Sexp& ps) {
  CHECK(st.previous_state_hash == field(ps, {"previous_state_hash"}));
  const auto& body = at(ps, {"body"});
  CHECK(st.body.genesis_state_hash == field(body, {"genesis_state_hash"}));
  CHECK(st.body.blockchain_state.staged_ledger_hash.non_snark.ledger_hash ==
        field(body, {"blockchain_state", "staged_ledger_hash", "non_snark", "ledger_hash"}));
  auto aux = atom(body, {"blockchain_state", "staged_ledger_hash", "non_snark", "aux_hash"});
  CHECK(std::string(st.body.blockchain_state.staged_ledger_hash.non_snark.aux_hash.begin(),
                    st.body.blockchain_state.staged_ledger_hash.non_snark.aux_hash.end()) == aux);
  CHECK(st.body.blockchain_state.timestamp == std::stoull(atom(body, {"blockchain_state", "timestamp"})));
  const auto& cs = at(body, {"consensus_state"});
  CHECK(st.body.consensus_state.blockchain_length == std::stoul(atom(cs, {"blockchain_length"})));
  CHECK(st.body.consensus_state.total_currency == std::stoull(atom(cs, {"total_currency"})));
  CHECK(st.body.consensus_state.curr_global_slot_since_hard_fork.slot_number ==
        std::stoul(atom(cs, {"curr_global_slot_since_hard_fork", "slot_number"})));
  CHECK(st.body.consensus_state.global_slot_since_genesis == std::stoul(atom(cs, {"global_slot_since_genesis"})));
  auto vrf = atom(cs, {"last_vrf_output"});
  CHECK(std::string(st.body.consensus_state.last_vrf_output.begin(), st.body.consensus_state.last_vrf_output.end()) == vrf);
  CHECK(st.body.consensus_state.sub_window_densities.size() == at(cs, {"sub_window_densities"}).list().size());
  CHECK(st.body.consensus_state.next_epoch_data.lock_checkpoint == field(cs, {"next_epoch_data", "lock_checkpoint"}));
  CHECK(st.body.consensus_state.block_creator == *decode_public_key(atom(cs, {"block_creator"})));
  CHECK(st.body.constants.grace_period_slots == std::optional<uint32_t>(std::stoul(atom(body, {"constants", "grace_period_slots"}))));
  CHECK(st.body.constants.genesis_state_timestamp == std::stoull(atom(body, {"constants", "genesis_state_timestamp"})));
}

}  // namespace

TEST_CASE("mina/binprot: block-prover inputs hold chain.state and next_state as the .sexp says", "[mina][binprot]") {
  auto files = test::fixture_dir("mina", ".bin");
  std::vector<std::string> inputs;
  for (auto& f : files)
    if (f.find("block_input-") != std::string::npos) inputs.push_back(f);
  REQUIRE(inputs.size() == 4);
  size_t parent_links = 0;
  for (auto& path : inputs) {
    INFO(path);
    auto bytes = test::read_fixture_bytes(path);
    auto input = decode_block_input(bytes);
    REQUIRE(input.ok());
    auto text = test::read_fixture_text(path.substr(0, path.size() - 4) + ".sexp");
    auto tree = sexp::parse(text, sexp::Limits{});
    REQUIRE(tree.ok());
    check_against_sexp(input->chain_state, at(*tree, {"chain", "state"}));
    check_against_sexp(input->next_state, at(*tree, {"next_state"}));
    // The whole of chain.state is pinned by a hash next_state records: either as its parent, or
    // (the genesis input, and the test chains that restart from a state) as its genesis state.
    // The genesis input records previous_state_hash 0, so its next_state's parent hash is the
    // genesis block hashed with the real previous hash, which the dump does not carry.
    const StateHash h = state_hash(input->chain_state);
    CHECK((input->next_state.previous_state_hash == h || input->next_state.body.genesis_state_hash == h));
    parent_links += input->next_state.previous_state_hash == h;
    if (!input->chain_state.previous_state_hash.is_zero() && input->next_state.body.genesis_state_hash != h)
      CHECK(input->next_state.previous_state_hash == h);
    auto file = decode_block_file(bytes);
    REQUIRE(file.ok());
    CHECK(file->source == BlockSource::kBlockInput);
    CHECK(file->protocol_state == input->next_state);
  }
  CHECK(parent_links >= 1);
}

TEST_CASE("mina/binprot: truncations and bit flips of a protocol state give typed errors", "[mina][binprot]") {
  auto bytes = test::read_fixture_bytes("mina/block_input-2483246-1.bin");
  auto input = decode_block_input(bytes);
  REQUIRE(input.ok());
  // The chain state occupies bytes [8, 8 + n): find n by re-reading.
  BinProtReader r(ByteSpan(bytes).subspan(8));
  REQUIRE(read_protocol_state_binprot(r).ok());
  Bytes state(bytes.begin() + 8, bytes.begin() + 8 + std::ptrdiff_t(r.offset()));
  REQUIRE(decode_protocol_state_binprot(state).ok());
  for (size_t n = 0; n < state.size(); n += 7) {
    auto t = decode_protocol_state_binprot(ByteSpan(state).first(n));
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == ErrorCode::kTruncated);
  }
  Bytes longer = state;
  longer.push_back(0);
  CHECK(decode_protocol_state_binprot(longer).error().code == ErrorCode::kTrailingBytes);
  // Single bit flips: a typed error or a different state (with a different hash).
  const StateHash h = state_hash(*decode_protocol_state_binprot(state));
  size_t rejected = 0, changed = 0;
  for (size_t i = 0; i < state.size(); i += 3) {
    Bytes m = state;
    m[i] ^= uint8_t(1u << (i % 8));
    auto d = decode_protocol_state_binprot(m);
    if (!d) ++rejected;
    else if (state_hash(*d) != h) ++changed;
  }
  CHECK(rejected + changed == (state.size() + 2) / 3);
  CHECK(rejected > 0);
  CHECK(changed > 0);
}

TEST_CASE("mina/binprot: GraphQL protocolState(encoding: BASE64) answers", "[mina][binprot][graphql]") {
  auto bytes = test::read_fixture_bytes("mina/block_input-2483246-1.bin");
  auto input = decode_block_input(bytes);
  REQUIRE(input.ok());
  BinProtReader r(ByteSpan(bytes).subspan(8));
  REQUIRE(read_protocol_state_binprot(r).ok());
  const std::string b64 = base64_encode(ByteSpan(bytes).subspan(8, r.offset()));
  auto f = decode_block_json("{\"data\":{\"protocolState\":\"" + b64 + "\"}}");
  REQUIRE(f.ok());
  CHECK(f->source == BlockSource::kGraphql);
  CHECK(f->protocol_state == input->chain_state);
  auto bad = decode_block_json("{\"data\":{\"protocolState\":\"" + b64.substr(0, 400) + "\"}}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kTruncated);
  CHECK(decode_block_json("{\"data\":{\"protocolState\":\"!!\"}}").error().code == ErrorCode::kInvalidEncoding);
}

TEST_CASE("mina/binprot: a bin_prot state whose first byte is '{' or '[' is not mistaken for JSON", "[mina][binprot]") {
  auto bytes = test::read_fixture_bytes("mina/block_input-2483246-1.bin");
  BinProtReader r(ByteSpan(bytes).subspan(8));
  REQUIRE(read_protocol_state_binprot(r).ok());
  Bytes state(bytes.begin() + 8, bytes.begin() + 8 + std::ptrdiff_t(r.offset()));
  for (uint8_t first : {uint8_t('{'), uint8_t('[')}) {
    state[0] = first;  // the low byte of previous_state_hash
    auto f = decode_block_file(state);
    REQUIRE(f.ok());
    CHECK(f->source == BlockSource::kBinProt);
    CHECK(f->protocol_state.previous_state_hash.to_bytes_le()[0] == first);
  }
  // Broken JSON that is not bin_prot either keeps the JSON error.
  const std::string text = "{\"protocol_state\": ";
  CHECK(decode_block_file(as_bytes(text)).error().code == ErrorCode::kMalformedJson);
}
