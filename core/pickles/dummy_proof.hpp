// A dummy wrap proof in the shape of Pickles' `Proof.dummy` (pickles/proof.ml): the proof a
// local test network (js/local) puts in its blocks. It decodes like any block proof (bin_prot
// Proofs_verified_2: two wrap challenge vectors) and never verifies against a real verifier
// index: commitments are the Pallas generator, the IPA accumulators Pickles' own dummies
// (dummy.hpp), evaluations small fixed values where Proof.dummy draws them from its random oracle.
#pragma once

#include <cstdint>

#include "pickles/proof.hpp"

namespace mina::pickles {

// most_recent_width: how many proofs the step verified (2 for the blockchain SNARK);
// domain_log2: the step domain the branch data names.
WrapProof dummy_wrap_proof(ProofsVerified most_recent_width = ProofsVerified::kN2, uint8_t domain_log2 = 16);

}  // namespace mina::pickles
