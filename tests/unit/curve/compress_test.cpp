// arkworks compressed points: round trips, the real commitments of the verifier-index fixtures,
// SRS points, and malformed encodings.
#include <catch2/catch.hpp>

#include <functional>

#include "curve/curve.hpp"
#include "curve_test_util.hpp"

using namespace mina;

namespace {

Bytes from_hex(const std::string& h) {
  Bytes out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(uint8_t(std::stoul(h.substr(i, 2), nullptr, 16)));
  return out;
}

// Every compressed point in a verifier index: hex strings under "elems" (devnet layout) and
// 33-byte arrays under "unshifted"/"shifted" (older mainnet layout).
void collect_points(const nlohmann::json& j, std::vector<Bytes>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const auto& v = it.value();
      if (it.key() == "elems" && v.is_array()) {
        for (const auto& e : v) out.push_back(from_hex(e.get<std::string>()));
      } else if ((it.key() == "unshifted" || it.key() == "shifted") && v.is_array()) {
        for (const auto& e : v) out.push_back(e.get<Bytes>());
      } else {
        collect_points(v, out);
      }
    }
  } else if (j.is_array()) {
    for (const auto& e : j) collect_points(e, out);
  }
}

// The SRS file is MessagePack {g: [points], h} written as a 2-array: 0x92, array32 header
// (0xdd + big-endian count), then each point as bin8 (0xc4, 33, bytes). Returns the bytes of
// point i (i == count gives h).
struct SrsView {
  Bytes data;
  uint32_t count = 0;
  static constexpr size_t kHeader = 6, kStride = 35;
  explicit SrsView(const std::string& rel) : data(test::read_fixture_bytes(rel)) {
    REQUIRE(data.size() > kHeader);
    REQUIRE(data[0] == 0x92);
    REQUIRE(data[1] == 0xdd);
    count = (uint32_t(data[2]) << 24) | (uint32_t(data[3]) << 16) | (uint32_t(data[4]) << 8) | data[5];
    REQUIRE(data.size() == kHeader + (size_t(count) + 1) * kStride);
  }
  ByteSpan point(size_t i) const {
    const uint8_t* p = data.data() + kHeader + i * kStride;
    REQUIRE(p[0] == 0xc4);
    REQUIRE(p[1] == 33);
    return ByteSpan(p + 2, 33);
  }
};

template <class C>
void check_round_trip(ByteSpan enc) {
  auto p = decompress<C>(enc);
  INFO(to_hex(enc));
  REQUIRE(p.ok());
  REQUIRE(p->is_on_curve());
  auto again = compress(*p);
  REQUIRE(ByteSpan(again).size() == enc.size());
  REQUIRE(std::equal(again.begin(), again.end(), enc.begin()));
}

template <class C>
void check_srs(const std::string& rel) {
  SrsView srs(rel);
  REQUIRE(srs.count == 65536);
  for (size_t i = 0; i < 100; ++i) check_round_trip<C>(srs.point(i));
  for (size_t i = srs.count - 100; i <= srs.count; ++i) check_round_trip<C>(srs.point(i));  // includes h
}

template <class C>
void check_random_round_trips() {
  for (int i = 0; i < test::iters(20); ++i) {
    auto p = test::random_point<C>();
    auto enc = compress(p);
    REQUIRE(*decompress<C>(enc) == p);
    auto neg = compress(-p);
    REQUIRE(std::equal(neg.begin(), neg.begin() + 32, enc.begin()));
    REQUIRE((neg[32] ^ enc[32]) == kFlagYIsLarger);
  }
  auto inf = compress(Affine<C>::identity());
  REQUIRE(inf[32] == kFlagInfinity);
  REQUIRE(decompress<C>(inf)->infinity);
}

template <class C>
void check_bad_encodings() {
  using B = typename C::Base;
  auto good = compress(Affine<C>::generator());
  auto code = [](const auto& bytes) { return decompress<C>(ByteSpan(bytes.data(), bytes.size())).error().code; };

  REQUIRE(decompress<C>(ByteSpan(good).first(32)).error().code == ErrorCode::kInvalidLength);
  REQUIRE(decompress<C>(ByteSpan{}).error().code == ErrorCode::kInvalidLength);
  Bytes longer(good.begin(), good.end());
  longer.push_back(0);
  REQUIRE(code(longer) == ErrorCode::kInvalidLength);

  for (uint8_t f : {0x01, 0x20, 0x3f, 0xc0, 0x81}) {
    auto b = good;
    b[32] = f;
    INFO(int(f));
    REQUIRE(code(b) == ErrorCode::kInvalidPoint);
  }
  auto inf = compress(Affine<C>::identity());
  inf[0] = 1;  // infinity must spell x = 0
  REQUIRE(code(inf) == ErrorCode::kInvalidPoint);

  // x = p and x = 2^256 - 1 are not canonical field elements.
  auto b = good;
  auto p_bytes = [] {
    std::array<uint8_t, 32> out{};
    for (int i = 0; i < 32; ++i) out[i] = uint8_t(B::kModulus.w[i / 8] >> (8 * (i % 8)));
    return out;
  }();
  std::copy(p_bytes.begin(), p_bytes.end(), b.begin());
  REQUIRE(code(b) == ErrorCode::kNonCanonicalField);
  std::fill(b.begin(), b.begin() + 32, 0xff);
  REQUIRE(code(b) == ErrorCode::kNonCanonicalField);

  // An x with x^3 + 5 a non-square is no point's abscissa.
  uint64_t x = 2;
  while ((B::from_u64(x).square() * B::from_u64(x) + B::from_u64(5)).legendre() == 1) ++x;
  auto nx = compress(Affine<C>::generator());
  auto xb = B::from_u64(x).to_bytes_le();
  std::copy(xb.begin(), xb.end(), nx.begin());
  REQUIRE(code(nx) == ErrorCode::kInvalidPoint);
}

}  // namespace

TEST_CASE("compress/decompress round trips", "[curve]") {
  check_random_round_trips<PallasParams>();
  check_random_round_trips<VestaParams>();
  // The generator (1, y): x bytes 01 00 .. 00, and its y is the smaller root on both curves.
  auto g = compress(PallasAffine::generator());
  REQUIRE(g[0] == 1);
  REQUIRE(g[32] == 0);
}

TEST_CASE("malformed compressed points give typed errors", "[curve]") {
  check_bad_encodings<PallasParams>();
  check_bad_encodings<VestaParams>();
}

TEST_CASE("verifier-index commitments decompress and re-compress", "[curve]") {
  for (const char* f : {"mina/devnet_blockchain_verifier_index.json", "mina/devnet_transaction_verifier_index.json",
                        "mina/mainnet_blockchain_verifier_index.json",
                        "mina/mainnet_transaction_verifier_index.json"}) {
    std::vector<Bytes> pts;
    collect_points(test::read_fixture_json(f), pts);
    INFO(f);
    REQUIRE(pts.size() >= 28);
    for (const auto& p : pts) check_round_trip<PallasParams>(p);
  }
}

TEST_CASE("SRS points decompress and re-compress", "[curve]") {
  check_srs<PallasParams>("srs/pallas.srs");
  check_srs<VestaParams>("srs/vesta.srs");
}
