#include "mina/signed_command_json.hpp"

#include <optional>
#include <string>

#include "encoding/base58.hpp"
#include "mina/json_reader.hpp"

namespace mina {
namespace {

using json_reader::Json;

Error at(const std::string& path, const Error& e) { return Error{e.code, path + ": " + e.message}; }
Error malformed(const std::string& path, const std::string& what) {
  return Error{ErrorCode::kMalformedJson, path + ": " + what};
}

// A member that may be absent or null (JSON null is how GraphQL spells "not given").
const Json* present(const Json& j, std::string_view key) {
  const Json* v = json_reader::optional_member(j, key);
  return v && !v->is_null() ? v : nullptr;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<Signature> decimal_signature(const Json& field, const Json& scalar, const std::string& path) {
  MINA_TRY(r_text, json_reader::string(field, path + ".field"));
  MINA_TRY(s_text, json_reader::string(scalar, path + ".scalar"));
  auto r = Fp::parse(r_text);
  if (!r) return at(path + ".field", r.error());
  auto s = Fq::parse(s_text);
  if (!s) return at(path + ".scalar", s.error());
  return Signature{*r, *s};
}

Result<Signature> signature_text(std::string_view text, const std::string& path) {
  bool all_hex = !text.empty();
  for (char c : text) all_hex = all_hex && hex_digit(c) >= 0;
  auto sig = all_hex && text.size() == 128 ? decode_raw_signature(text) : decode_signature(text);
  if (!sig) return at(path, sig.error());
  return *sig;
}

Result<Signature> read_signature(const Json& j, const std::string& path) {
  if (j.is_string()) return signature_text(j.get_ref<const std::string&>(), path);
  if (!j.is_object()) return malformed(path, "expected {field, scalar}, {rawSignature} or a base58 string");
  if (const Json* raw = present(j, "rawSignature")) {
    MINA_TRY(text, json_reader::string(*raw, path + ".rawSignature"));
    auto sig = decode_raw_signature(text);
    if (!sig) return at(path + ".rawSignature", sig.error());
    return *sig;
  }
  const Json* field = present(j, "field");
  const Json* scalar = present(j, "scalar");
  if (field && scalar) return decimal_signature(*field, *scalar, path);
  const Json* r = present(j, "r");
  const Json* s = present(j, "s");
  if (r && s) return decimal_signature(*r, *s, path);
  return malformed(path, "expected {field, scalar}, {rawSignature} or a base58 string");
}

Result<Memo> read_memo(const Json* j, const std::string& path) {
  if (!j) return empty_memo();
  MINA_TRY(text, json_reader::string(*j, path));
  auto memo = memo_from_text(text);
  if (!memo) return at(path, memo.error());
  return *memo;
}

// The payload fields shared by mina-signer's `data` and GraphQL's `input`.
Result<SignedCommandPayload> read_payload(const Json& j, const std::string& path,
                                          std::optional<SignedCommandKind> kind_hint) {
  if (!j.is_object()) return malformed(path, "expected an object");
  SignedCommandPayload p;
  MINA_TRY(from, json_reader::member(j, "from", path));
  MINA_TRY(fee_payer, json_reader::public_key(*from, path + ".from"));
  MINA_TRY(to, json_reader::member(j, "to", path));
  MINA_TRY(receiver, json_reader::public_key(*to, path + ".to"));
  MINA_TRY(fee_json, json_reader::member(j, "fee", path));
  MINA_TRY(fee, json_reader::u64(*fee_json, path + ".fee"));
  MINA_TRY(nonce_json, json_reader::member(j, "nonce", path));
  MINA_TRY(nonce, json_reader::u32(*nonce_json, path + ".nonce"));
  p.fee_payer = fee_payer;
  p.receiver = receiver;
  p.fee = fee;
  p.nonce = nonce;
  if (const Json* v = present(j, "validUntil")) {
    MINA_TRY(valid_until, json_reader::u32(*v, path + ".validUntil"));
    p.valid_until = valid_until;
  }
  MINA_TRY(memo, read_memo(present(j, "memo"), path + ".memo"));
  p.memo = memo;
  const Json* amount = present(j, "amount");
  p.kind = kind_hint.value_or(amount ? SignedCommandKind::kPayment : SignedCommandKind::kStakeDelegation);
  if (p.kind == SignedCommandKind::kPayment) {
    if (!amount) return malformed(path, "a payment needs \"amount\"");
    MINA_TRY(value, json_reader::u64(*amount, path + ".amount"));
    p.amount = value;
  } else if (amount) {
    return malformed(path + ".amount", "a stake delegation has no amount");
  }
  return p;
}

// sendPayment / sendDelegation named in a GraphQL request's query text, if exactly one is.
Result<std::optional<SignedCommandKind>> kind_of_query(const Json& request) {
  const Json* query = present(request, "query");
  if (!query) return std::optional<SignedCommandKind>{};
  MINA_TRY(text, json_reader::string(*query, "query"));
  const bool payment = text.find("sendPayment") != std::string_view::npos;
  const bool delegation = text.find("sendDelegation") != std::string_view::npos;
  if (payment && delegation) return malformed("query", "names both sendPayment and sendDelegation");
  if (payment) return std::optional<SignedCommandKind>{SignedCommandKind::kPayment};
  if (delegation) return std::optional<SignedCommandKind>{SignedCommandKind::kStakeDelegation};
  return std::optional<SignedCommandKind>{};
}

Result<SignedCommand> read_graphql(const Json& args, const std::string& path, std::optional<SignedCommandKind> kind) {
  MINA_TRY(input, json_reader::member(args, "input", path));
  MINA_TRY(payload, read_payload(*input, path + ".input", kind));
  MINA_TRY(sig_json, json_reader::member(args, "signature", path));
  MINA_TRY(sig, read_signature(*sig_json, path + ".signature"));
  return SignedCommand{payload, payload.fee_payer, sig};
}

Result<SignedCommand> read_mina_signer(const Json& doc) {
  MINA_TRY(data, json_reader::member(doc, "data", "$"));
  MINA_TRY(payload, read_payload(*data, "data", std::nullopt));
  MINA_TRY(sig_json, json_reader::member(doc, "signature", "$"));
  MINA_TRY(sig, read_signature(*sig_json, "signature"));
  CompressedPublicKey signer = payload.fee_payer;
  if (const Json* pk = present(doc, "publicKey")) {
    MINA_TRY(key, json_reader::public_key(*pk, "publicKey"));
    signer = key;
  }
  return SignedCommand{payload, signer, sig};
}

}  // namespace

Result<Signature> decode_raw_signature(std::string_view hex) {
  if (hex.size() != 128) return Error{ErrorCode::kInvalidLength, "raw signature must be 128 hex digits"};
  Bytes bytes(64);
  for (size_t i = 0; i < 64; ++i) {
    int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Error{ErrorCode::kInvalidEncoding, "raw signature is not hex"};
    bytes[i] = uint8_t(hi << 4 | lo);
  }
  MINA_TRY(r, Fp::from_bytes_le(ByteSpan(bytes).first(32)));
  MINA_TRY(s, Fq::from_bytes_le(ByteSpan(bytes).subspan(32)));
  return Signature{r, s};
}

Result<SignedCommand> decode_signed_command_json(std::string_view text) {
  if (text.size() > kMaxSignedCommandJsonBytes)
    return Error{ErrorCode::kLimitExceeded, "signed command JSON is larger than 64 KiB"};
  MINA_TRY(doc, json_reader::parse_document(text, "signed command"));
  if (present(doc, "data")) return read_mina_signer(doc);
  if (present(doc, "input")) return read_graphql(doc, "$", std::nullopt);
  if (const Json* vars = present(doc, "variables")) {
    MINA_TRY(kind, kind_of_query(doc));
    return read_graphql(*vars, "variables", kind);
  }
  return Error{ErrorCode::kMalformedJson,
               "not a signed command: expected mina-signer {signature, publicKey, data} or GraphQL "
               "{input, signature} / {query, variables}"};
}

}  // namespace mina
