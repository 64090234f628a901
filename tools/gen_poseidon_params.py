#!/usr/bin/env python3
"""Generates core/hash/poseidon_params.inc from o1-labs/proof-systems' Poseidon parameter files.

The MDS matrices and round constants are protocol facts; we transcribe them rather than derive
them (params.sage uses a seeded Grain LFSR that would be one more thing to get wrong). The upstream
files are read straight out of the bare mirror at a pinned commit so the output is reproducible:

    python3 tools/gen_poseidon_params.py [--mirror DIR] [--commit SHA] > core/hash/poseidon_params.inc

Only the rows the permutation reads are emitted: kimchi uses 55 rows (one per full round), legacy
uses 64 (the initial ARK plus 63 rounds) although upstream stores 100 rows for legacy.
"""
import argparse
import re
import subprocess
import sys

DEFAULT_MIRROR = "/work/.mirror/o1-labs+proof-systems/repo"
DEFAULT_COMMIT = "136c1df9213cfb10d5f6a122f0c37542eb103a3c"

# (C++ identifier, upstream path, field modulus, rows used by the permutation)
FP = 0x40000000000000000000000000000000224698FC094CF91B992D30ED00000001
FQ = 0x40000000000000000000000000000000224698FC0994A8DD8C46EB2100000001
SETS = [
    ("kFpKimchi", "poseidon/src/pasta/fp_kimchi.rs", FP, 55),
    ("kFqKimchi", "poseidon/src/pasta/fq_kimchi.rs", FQ, 55),
    ("kFpLegacy", "poseidon/src/pasta/fp_legacy.rs", FP, 64),
    ("kFqLegacy", "poseidon/src/pasta/fq_legacy.rs", FQ, 64),
]


def read_upstream(mirror, commit, path):
    return subprocess.run(["git", "-C", mirror, "show", f"{commit}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def parse(text, path):
    """Returns (mds 3x3, round_constants rows x 3) as ints, in file order."""
    m = re.search(r"\bmds:\s*\[(.*?)\]\s*,\s*round_constants:\s*\[(.*)\]\s*,?\s*\}\s*\}", text, re.S)
    if not m:
        sys.exit(f"{path}: cannot find mds / round_constants")

    def rows(block):
        out = []
        for row in re.findall(r"\[([^\[\]]*)\]", block):
            vals = [int(v) for v in re.findall(r'from_str\(\s*"(\d+)"', row)]
            if len(vals) != 3:
                sys.exit(f"{path}: row with {len(vals)} entries, expected 3")
            out.append(vals)
        return out

    return rows(m.group(1)), rows(m.group(2))


def limbs(v):
    return "U256{" + ", ".join(f"0x{(v >> (64 * i)) & (2**64 - 1):016x}ULL" for i in range(4)) + "}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default=DEFAULT_MIRROR)
    ap.add_argument("--commit", default=DEFAULT_COMMIT)
    args = ap.parse_args()

    out = [
        f"// generated from proof-systems {args.commit} "
        + ", ".join(p for _, p, _, _ in SETS) + ", do not edit.",
        "// Regenerate: python3 tools/gen_poseidon_params.py > core/hash/poseidon_params.inc",
        "// Canonical integers (not Montgomery form), four little-endian 64-bit limbs each.",
        "// Included by core/hash/poseidon.cpp inside namespace mina::poseidon::detail.",
        "",
    ]
    for name, path, modulus, used in SETS:
        mds, rc = parse(read_upstream(args.mirror, args.commit, path), path)
        if len(mds) != 3:
            sys.exit(f"{path}: MDS has {len(mds)} rows")
        if len(rc) < used:
            sys.exit(f"{path}: {len(rc)} round-constant rows, need {used}")
        for v in [x for r in mds + rc for x in r]:
            if v >= modulus:
                sys.exit(f"{path}: constant {v} not reduced")
        out.append(f"// {path}: MDS, then {used} of {len(rc)} round-constant rows")
        out.append(f"inline constexpr RawParams<{used}> {name}{{")
        out.append("  {{")
        for r in mds:
            out.append("    {{" + ", ".join(limbs(v) for v in r) + "}},")
        out.append("  }},")
        out.append("  {{")
        for r in rc[:used]:
            out.append("    {{" + ", ".join(limbs(v) for v in r) + "}},")
        out.append("  }},")
        out.append("};")
        out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
