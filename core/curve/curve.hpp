// The Pasta elliptic-curve layer in one include: parameters, group arithmetic, the kimchi
// endomorphism and scalar challenges, arkworks point compression, multi-scalar multiplication.
#pragma once

#include "curve/compress.hpp"
#include "curve/endo.hpp"
#include "curve/group.hpp"
#include "curve/msm.hpp"
#include "curve/params.hpp"
