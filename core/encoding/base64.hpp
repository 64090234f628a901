// Base64 (RFC 4648): the standard alphabet (o1js proofs and verification keys, GraphQL) and the
// URL-safe one. Decoding is strict so that every accepted string has exactly one byte value and
// one spelling: no whitespace, no characters outside the alphabet, padding exactly as the
// policy says, and the unused low bits of the last character must be zero (RFC 4648 3.5).
#pragma once

#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/error.hpp"

namespace mina {

enum class Base64Alphabet { kStandard, kUrlSafe };  // '+' '/'  vs  '-' '_'

enum class Base64Padding {
  kRequired,   // length a multiple of 4, '=' fills the last group (RFC 4648 default)
  kForbidden,  // no '=' at all (common for URL-safe tokens)
  kOptional,   // either form, but if present it must be exactly right
};

std::string base64_encode(ByteSpan bytes, Base64Alphabet alphabet = Base64Alphabet::kStandard,
                          bool pad = true);

// Errors: kInvalidEncoding for any character, padding or trailing-bit violation.
Result<Bytes> base64_decode(std::string_view text, Base64Alphabet alphabet = Base64Alphabet::kStandard,
                            Base64Padding padding = Base64Padding::kRequired);

}  // namespace mina
