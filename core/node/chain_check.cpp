#include "node/chain_check.hpp"

#include <charconv>
#include <cmath>

namespace mina::node {
namespace {

// JS's Number(x) limited to what a height can be: a decimal string or an integral number.
std::optional<int64_t> safe_integer(const Json* j) {
  if (!j) return std::nullopt;
  if (j->is_number_integer()) return j->get<int64_t>();
  if (j->is_number_float()) {
    double d = j->get<double>();
    if (d == static_cast<double>(static_cast<int64_t>(d)) && std::abs(d) < 9007199254740992.0) return static_cast<int64_t>(d);
    return std::nullopt;
  }
  if (!j->is_string()) return std::nullopt;
  const std::string& s = j->get_ref<const std::string&>();
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || v > 9007199254740991LL || v < -9007199254740991LL)
    return std::nullopt;
  return v;
}

const Json* path(const Json& j, std::initializer_list<const char*> keys) {
  const Json* cur = &j;
  for (const char* k : keys)
    if (!(cur = member(*cur, k))) return nullptr;
  return cur;
}

}  // namespace

BlockSummary block_summary(const Json& block) {
  BlockSummary s;
  s.state_hash = string_member(block, "stateHash");
  const Json* cs = path(block, {"protocolState", "consensusState"});
  if (cs) {
    const Json* length = member(*cs, "blockchainLength");
    s.height = safe_integer(length && !length->is_null() ? length : member(*cs, "blockHeight"));
  }
  return s;
}

std::optional<std::string> staged_ledger_hash(const Json& block) {
  const Json* h = path(block, {"protocolState", "blockchainState", "stagedLedgerHash", "nonSnark", "ledgerHash"});
  if (!h || !h->is_string() || h->get_ref<const std::string&>().empty()) return std::nullopt;
  return h->get<std::string>();
}

std::optional<std::string> chain_lie(const Json& blocks, const Json& verdict) {
  const Json tip = member_or_null(verdict, "tip");
  if (!truthy(member(tip, "valid"))) {
    const Json* reason = member(tip, "reason");
    std::string why = !reason || reason->is_null() ? "unknown" : reason->is_string() ? reason->get<std::string>() : reason->dump();
    return "invalid_block:" + why;
  }
  const Json* hashes = member(verdict, "hashes");
  if (!hashes || !hashes->is_array() || !blocks.is_array() || hashes->size() != blocks.size() || blocks.empty())
    return "invalid_block:hashes";
  for (const Json& h : *hashes)
    if (!string_member(h, "stateHash")) return "invalid_block:hashes";
  // The computed tip hash must be a hash at all: an absent one would match an absent claim.
  const Json* tip_hash = member(tip, "stateHash");
  if (!tip_hash || !tip_hash->is_string() || member_or_null(hashes->back(), "stateHash") != *tip_hash)
    return "invalid_block:tip_hash";
  for (size_t i = 0; i < blocks.size(); i++)
    if (member_or_null(blocks[i], "stateHash") != member_or_null((*hashes)[i], "stateHash")) return "claimed_hash";
  for (size_t i = 1; i < hashes->size(); i++)
    if (member_or_null((*hashes)[i], "previousStateHash") != member_or_null((*hashes)[i - 1], "stateHash"))
      return "broken_chain";
  return std::nullopt;
}

}  // namespace mina::node
