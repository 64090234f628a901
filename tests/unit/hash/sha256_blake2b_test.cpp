// SHA-256 and BLAKE2b against FIPS 180 / RFC 7693 vectors, and against a table over the
// block-boundary lengths (padding edge cases: 55/56 and 63/64/65 for SHA-256, 127/128/129 for
// BLAKE2b), computed independently with Python's hashlib.
#include <catch2/catch.hpp>

#include <string>

#include "hash/blake2b.hpp"
#include "hash/sha256.hpp"

using namespace mina;

namespace {

Bytes pattern(size_t n) {
  Bytes m(n);
  for (size_t i = 0; i < n; ++i) m[i] = uint8_t(i * 7 + 3);
  return m;
}

struct BoundaryVector {
  size_t len;
  const char* sha256;
  const char* blake2b512;
  const char* blake2b256;
  const char* blake2b8;
};

const BoundaryVector kBoundary[] = {
    {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8", "2e"},
    {1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5", "4fe4da61bcc756071b226843361d74944c72245d23e8245ea678c13fdcd7fe2ae529cf999ad99cc24f7a73416a18ba53e76c0afef83b16a568b12fbfc1a2674d", "e88bd757ad5b9bedf372d8d3f0cf6c962a469db61a265f6418e1ffed86da29ec", "02"},
    {3, "6ab0dba1f4f1dfbb37b4f9eeb092c09fca4900ad32bdcd147d8dde35d6c87c35", "76ce7e90c577d436a65b691e51f0a1ad536130d70a18df3bf5368551327258b6f706f4a47c45f2d0d8147cfbb5623077e798247972e4f9338603a13abc05a4db", "9facd640130c81e7f318a8d5c660bc1b0f5d03861ffbd4cc1358e0e904593c28", "28"},
    {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b", "cd3d304c5fc217e84778b997f89dc654a6a44a88b1fd43c4668e4adfbbe2b0d169002a6f98b22ab98dde4603477dcdaeac3e6ff320b1059531fd8b6c36738e67", "03d4607f1e3d3c6054d276c53eab4ee4de04446370d6aaab103b24060349bf47", "77"},
    {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27", "b84c95e7cb1bab5b0f5acfdd426cd90091fe5f98b2f9c047ea71542ffe6e757c29b47ec42c9fdbe423b43083f711fb546f0c3237dd42fe311ff4544d627f295a", "70571de6bad6d1fd028eba4676464563ca74841bb72de0e8878c02bba841f72d", "57"},
    {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055", "70b2a0e6daecac22c7a2df82c06e3fc0b4c66bd5ef8098e4ed54e723b393d79ef3bceba079a01a14c6ef2ae2ed1171df1662cd14ef38e6f77b01c7f48144dd09", "a69e023685fa5f19fca13acc02142a9cf8450ce5b77966586e0d000c4a4ea942", "4a"},
    {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241", "3db7bb5c40745f0c975ac6bb8578f590e2cd2cc1fc6d13533ef725325c9fddff5cca24e7a591a0f6032a24fad0e09f6df873c4ff314628391f78df7f09cb7ed7", "586c0dd87616ec042093edc5f87f880d37ca73618e99b03d5850ce9be478721f", "c9"},
    {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e", "149c114a3e8c6e06bafee27c9d0de0e39ef28294fa0d9f81876dcceb10bb41101e256593587e46b844819ed7ded90d56c0843df06c95d1695c3de635cd7a888e", "6f7ceeb90322d003c5b33ae8b9d9282e0159dbdc17434abc3f91ae794641d77d", "03"},
    {111, "67d9492e628fd376e0b2efec8ca2b99b123e202cf620deb270728df979b2f73e", "4a2d61debfb29cecd41c05bfb98b1ec0198a0673118eb2c6eeb9a09c7be6707bda4304e2c617790477dce166e510ef0b834e4fa60479f9ac85df28f9bf36a14d", "f9ed2452d6931a670223e30c33b238c8464cbedf0d7bf8b15fafca239c12da37", "a1"},
    {112, "96b928cff8528dbb99602c709a65b846cb6467acb8b722f0d758e4dc27bfc508", "7249a2011abf019553cc93049ed40ea6c09665de6e7a47b18f4aa4341248a57ae3e7d6f1a252a633154e4811ca6c3336b36d8e57cf122d8b7e32b783f70bc1df", "e98c807957dc83fdea152bc2400bd6ec9c40683361af30a8b51a271b90b9dad4", "16"},
    {119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e", "c3155c76b381d664433787b1e29597168d1d48862d1475ec27146d51582b96a37794422f3c4c2117e3c5f5ea7b4b3669ce59cd1b4ac23e9551deda954b57ec83", "85cad5fbe0bf5745a2998c8a9184a401382e132762de6427927b37061652853b", "20"},
    {120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5", "1e96c76732af0c45442478261b2e5063393f4defffa112dc18ead3fedb39393a7e041ac6792965e88bf8f0c02b6ba2f50fc8c3616ac65da9cc7a214c457b4775", "0357341802d74a80ff81ac234f9aa779961e51b051c942088f38d4f0427f9d69", "ec"},
    {127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07", "71546bbf9110ad184cc60f2eb120fcfd9b4dbbca7a7f1270045b8a23a6a4f4330f65c1f030dd2f5fabc6c57617242c37cf427bd90407fac5b9deffd3ae888c39", "c9ae3859964b35f04c54b36d33cf299d7290ee621005d28e51598a943560aaaa", "ef"},
    {128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6", "2d9e329f42afa3601d646692b81c13e87fcaff5bf15972e9813d7373cb6d181f9599f4d513d4af4fd6ebd37497aceb29aba5ee23ed764d8510b552bd088814fb", "f0501d06597880592bc49234eef100ec1ff349058d0e9d9b753504e24af86dd6", "f1"},
    {129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4", "47889df9eb4d717afc5019df5c6a83df00a0b8677395e078cd5778ace0f338a618e68b7d9afb065d9e6a01ccd31d109447e7fae771c3ee3e105709194122ba2b", "a34a4e1e03c541dfbf3099c4b6c143c022ced65c28bd7e8a10e0a098461aecf0", "16"},
    {255, "3c8af6e36699077166f180b277f93992e354c66a63a3541ef18d61524eac85e9", "1a5199ac66a00e8a87ad1c7fbad30b33137dd8312bf6d98602dacf8f40ea2cb623a7fbc63e5a6bfa434d337ae7da5ca1a52502a215a3fe0297a151be85d88789", "f2d64a40e9412a3414161ff6250075225418fd7c271c1123e162e1bca0de9f93", "50"},
    {256, "d9c76fa34978cb9620dab8c3f46bbe075fddc145eb282b39009141f98d0cfe82", "91019c558584980249ca43eceed27e19f1c3c24161b93eed1eee2a6a774f60bf8a81b43750870bee1698feac9c5336ae4d5c842e7ead159bf3916387e8ded9ae", "d93ebb9c802f5630ab22516fd82b6c21bc8bd551d531349b715f046ed11ed871", "f0"},
    {257, "b65c390e4482123ae81c3462cd2ce5bac55cd9dfde2fcf9295c7d320ee453fc5", "9f1975efca45e7b74b020975d4d2c22802906ed8bfefca51ac497bd23147fc8f303890d8e5471ab6caaa02362e831a9e8d3435279912ccd4842c7806b096c348", "4ce481b24d387422d2bc2baa03d1afd55a1327939ff537c71eb9b38709268649", "0c"},
    {1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371", "4bdd2c9cf31d797a81d245c989ffb7515143ca345c66f73087dd5c58bf642bf083ba16894eab79e3b08d5126404d833e7510271b50be36a7b7cbbb46f5c89fac", "d62b6c768ce1afc8367e0498ab2f8e3f7c178c35b1429f14c4604b545d200f52", "ce"},
};

std::string hex(const Bytes& b) { return to_hex(b); }
template <size_t N>
std::string hex(const std::array<uint8_t, N>& b) { return to_hex(ByteSpan(b.data(), N)); }

}  // namespace

TEST_CASE("sha256 FIPS 180-2 vectors", "[hash][sha256]") {
  CHECK(hex(sha256(as_bytes(""))) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex(sha256(as_bytes("abc"))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex(sha256(as_bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 h;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(as_bytes(chunk));
  CHECK(hex(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256d is sha256 twice", "[hash][sha256]") {
  auto once = sha256(as_bytes("abc"));
  CHECK(sha256d(as_bytes("abc")) == sha256(ByteSpan(once.data(), once.size())));
}

TEST_CASE("blake2b RFC 7693 vectors", "[hash][blake2b]") {
  // RFC 7693 appendix A: BLAKE2b-512("abc").
  CHECK(hex(blake2b_512(as_bytes("abc"))) ==
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  CHECK(hex(blake2b_512(as_bytes(""))) ==
        "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
        "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
  Blake2b h;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(as_bytes(chunk));
  CHECK(hex(h.finalize()) ==
        "98fb3efb7206fd19ebf69b6f312cf7b64e3b94dbe1a17107913975a793f177e1"
        "d077609d7fba363cbba00d05f7aa4e4fa8715d6428104c0a75643b0ff3fd3eaf");
}

TEST_CASE("blake2b rejects digest lengths outside 1..64", "[hash][blake2b]") {
  CHECK_THROWS_AS(Blake2b(0), std::invalid_argument);
  CHECK_THROWS_AS(Blake2b(65), std::invalid_argument);
}

TEST_CASE("sha256 and blake2b at block boundaries", "[hash][sha256][blake2b]") {
  for (const auto& v : kBoundary) {
    INFO("length " << v.len);
    Bytes m = pattern(v.len);
    CHECK(hex(sha256(m)) == v.sha256);
    CHECK(hex(blake2b_512(m)) == v.blake2b512);
    CHECK(hex(blake2b_256(m)) == v.blake2b256);
    CHECK(hex(blake2b(m, 1)) == v.blake2b8);
  }
}

TEST_CASE("incremental updates equal one-shot hashing at every split", "[hash][sha256][blake2b]") {
  Bytes m = pattern(300);
  auto want_sha = sha256(m);
  auto want_b2 = blake2b_512(m);
  for (size_t split = 0; split <= m.size(); split += 13) {
    Sha256 s;
    s.update(ByteSpan(m).subspan(0, split)).update(ByteSpan(m).subspan(split));
    CHECK(s.finalize() == want_sha);
    Blake2b b;
    b.update(ByteSpan(m).subspan(0, split)).update(ByteSpan(m).subspan(split));
    CHECK(b.finalize() == want_b2);
  }
}
