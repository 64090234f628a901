// Internal invariants, checked only in MINA_VERIFY builds (the tests build both ways).
// Never used for untrusted input: that gets a typed Error.
#pragma once

#include <cstdio>
#include <cstdlib>

#if defined(MINA_VERIFY)
#define MINA_VERIFY_CHECK(cond)                                                      \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)
#else
#define MINA_VERIFY_CHECK(cond) ((void)0)
#endif
