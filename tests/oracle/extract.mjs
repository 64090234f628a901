#!/usr/bin/env node
// Test-time oracle: run o1js's own `verify(proof, vk)` on proofs and record the intermediate values
// of the wrap (Kimchi over Fq, Pallas commitments) verification, by hooking the o1js <-> kimchi
// wasm boundary. The product never calls o1js; this is only for debugging the C++ verifier.
// See tests/oracle/README.md for what is hooked and why.
//
// usage:
//   node tests/oracle/extract.mjs [--fixtures DIR] [--out DIR] [--only NAME[,NAME...]] [FILE...]
//
//   --fixtures DIR  directory of o1js fixtures (default: <project>/../shared/fixtures/o1js); every
//                   <program>_*_proof.json that has a <program>_vk.json is processed
//   --out DIR       where to write <name>.json (default: <project>/build/oracle)
//   --only NAMES    process only these entry names (e.g. square0_base_proof)
//   FILE...         extra inputs: JSON files of the form {proof: proof.toJSON(), vk: {data, hash}}
//                   (what tests/oracle/fresh-proof.test.mjs writes); when given, the fixture
//                   directory is skipped unless --fixtures is also given.
//
// All field elements in the output are decimal strings; points are {x, y} (affine, decimal) or
// "infinity".

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// command line

function parseArgs(argv) {
  let opts = { fixtures: undefined, out: join(projectRoot, 'build', 'oracle'), only: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (a === '--fixtures') opts.fixtures = argv[++i];
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--only') opts.only = new Set(argv[++i].split(','));
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/oracle/extract.mjs [--fixtures DIR] [--out DIR] [--only NAMES] [FILE...]');
      process.exit(0);
    } else if (a.startsWith('--')) throw Error(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (opts.fixtures === undefined && opts.files.length === 0)
    opts.fixtures = join(projectRoot, '..', 'shared', 'fixtures', 'o1js');
  return opts;
}

// Entries: {name, proof (toJSON form), vk ({data, hash}), source}
function fixtureEntries(dir) {
  let entries = [];
  for (let file of readdirSync(dir).sort()) {
    if (!file.endsWith('_proof.json')) continue;
    let program = file.split('_')[0];
    let vkFile = join(dir, `${program}_vk.json`);
    if (!existsSync(vkFile)) continue;
    let vk = JSON.parse(readFileSync(vkFile, 'utf8'));
    let raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    let name = file.replace(/\.json$/, '');
    if (typeof raw.proof === 'string') {
      entries.push({ name, proof: raw, vk, source: { proof: file, vk: `${program}_vk.json` } });
    }
    // zkApp fixture: {proof_toJSON, authorization_proof_base64, publicInput, ...}
    if (raw.proof_toJSON !== undefined) {
      entries.push({ name, proof: raw.proof_toJSON, vk, source: { proof: `${file}#proof_toJSON`, vk: `${program}_vk.json` } });
    }
    if (typeof raw.authorization_proof_base64 === 'string') {
      let proof = {
        publicInput: raw.publicInput ?? raw.proof_toJSON.publicInput,
        publicOutput: raw.publicOutput ?? [],
        maxProofsVerified: 2, // the transaction form decodes only as Proofs_verified_2
        proof: raw.authorization_proof_base64,
      };
      entries.push({ name: `${name}.authorization`, proof, vk, source: { proof: `${file}#authorization_proof_base64`, vk: `${program}_vk.json` } });
    }
  }
  return entries;
}

function fileEntries(files) {
  return files.map((f) => {
    let raw = JSON.parse(readFileSync(f, 'utf8'));
    if (raw.proof === undefined || raw.vk === undefined) throw Error(`${f}: expected {proof, vk}`);
    return { name: basename(f).replace(/\.json$/, ''), proof: raw.proof, vk: raw.vk, source: { file: f } };
  });
}

// ---------------------------------------------------------------------------------------------
// hooks
//
// 1. globalThis.__snarkyTsBindings (set by o1js dist/node/bindings/crypto/bindings.js) has
//    `rustConversion(wasm)`, which the OCaml-generated o1js_node.bc.cjs calls once at load time to
//    get `tsRustConversion`; every kimchi call from OCaml goes through that object
//    (`tsRustConversion.fq.proofToRust(proof)` etc.). We wrap it so each conversion called from
//    OCaml logs its OCaml-side value (JS arrays in OCaml block layout, fields as [0, bigint]).
// 2. The wasm-bindgen module kimchi_wasm.cjs is a CommonJS module whose exports object is shared
//    (require cache) with o1js_node.bc.cjs (`kimchi_ffi`). We wrap its exported functions so each
//    FFI call is logged (name + plain return value).
// Both must be installed before o1js's initializeBindings() loads o1js_node.bc.cjs.

const o1js = await import('o1js');
const o1jsDistNode = dirname(require.resolve('o1js')); // .../node_modules/o1js/dist/node
const o1jsVersion = JSON.parse(readFileSync(join(o1jsDistNode, '..', '..', 'package.json'), 'utf8')).version;
const kimchiWasmPath = join(o1jsDistNode, 'bindings', 'compiled', 'node_bindings', 'kimchi_wasm.cjs');

let events = []; // events of the current verification
let conversion; // the tsRustConversion object handed to OCaml (unwrapped functions kept in `rawConv`)
let rawConv = { fp: {}, fq: {} };

const tsBindings = globalThis.__snarkyTsBindings;
if (tsBindings === undefined || typeof tsBindings.rustConversion !== 'function')
  throw Error('o1js internals changed: globalThis.__snarkyTsBindings.rustConversion not found');
const originalRustConversion = tsBindings.rustConversion;
tsBindings.rustConversion = function (rust) {
  let conv = originalRustConversion.call(this, rust);
  for (let f of ['fp', 'fq']) {
    for (let [k, fn] of Object.entries(conv[f])) {
      if (typeof fn !== 'function') continue;
      rawConv[f][k] = fn;
      let toRust = k.endsWith('ToRust');
      conv[f][k] = function (...args) {
        let result = fn.apply(this, args);
        events.push({ kind: 'conv', name: `${f}.${k}`, value: toRust ? args[0] : result, extra: args.slice(1) });
        return result;
      };
    }
  }
  conversion = conv;
  return conv;
};

const kimchi = require(kimchiWasmPath);
const rawKimchi = {};
for (let k of Object.keys(kimchi)) {
  let fn = kimchi[k];
  if (typeof fn !== 'function' || /^[A-Z]/.test(k) || k.startsWith('__')) continue;
  rawKimchi[k] = fn;
  kimchi[k] = function (...args) {
    let result = fn.apply(this, args);
    let plain = typeof result === 'boolean' || typeof result === 'number' ? result : undefined;
    events.push({ kind: 'ffi', name: k, result: plain, args: k.endsWith('_srs_create_parallel') ? args : undefined });
    return result;
  };
}

// ---------------------------------------------------------------------------------------------
// OCaml-value -> JSON

const dec = (f) => {
  if (!Array.isArray(f) || typeof f[1] !== 'bigint') throw Error(`not a field: ${inspect(f, { depth: 3 })}`);
  return f[1].toString();
};
const mlArray = (a, map) => a.slice(1).map(map);
const option = (o, map) => (o === 0 ? null : map(o[1]));
const point = (p) => (p === 0 ? 'infinity' : { x: dec(p[1][1]), y: dec(p[1][2]) });
const polyComm = (c) => mlArray(c[1], point); // chunks (one per max_poly_size piece)
const polyComms = (cs) => mlArray(cs, polyComm);
const pointEvals = (e) => ({ zeta: mlArray(e[1], dec), zeta_omega: mlArray(e[2], dec) });

function verifierIndexJson(vk) {
  let [, domain, maxPolySize, nPublic, prevChallenges, , evals, shifts, lookup, zkRows] = vk;
  return {
    domain: { log2_size: domain[1], size: 2 ** domain[1], group_gen: dec(domain[2]) },
    max_poly_size: maxPolySize,
    public: nPublic,
    prev_challenges: prevChallenges,
    zk_rows: zkRows,
    shifts: mlArray(shifts, dec),
    commitments: {
      sigma: polyComms(evals[1]),
      coefficients: polyComms(evals[2]),
      generic: polyComm(evals[3]),
      psm: polyComm(evals[4]),
      complete_add: polyComm(evals[5]),
      mul: polyComm(evals[6]),
      emul: polyComm(evals[7]),
      endomul_scalar: polyComm(evals[8]),
      xor: option(evals[9], polyComm),
      range_check0: option(evals[10], polyComm),
      range_check1: option(evals[11], polyComm),
      foreign_field_add: option(evals[12], polyComm),
      foreign_field_mul: option(evals[13], polyComm),
      rot: option(evals[14], polyComm),
    },
    lookup_index: lookup === 0 ? null : 'present (not converted)',
  };
}

const evalNames = [
  'w', 'z', 's', 'coefficients', 'generic_selector', 'poseidon_selector', 'complete_add_selector',
  'mul_selector', 'emul_selector', 'endomul_scalar_selector', 'range_check0_selector',
  'range_check1_selector', 'foreign_field_add_selector', 'foreign_field_mul_selector',
  'xor_selector', 'rot_selector', 'lookup_aggregation', 'lookup_table', 'lookup_sorted',
  'runtime_lookup_table', 'runtime_lookup_table_selector', 'xor_lookup_selector',
  'lookup_gate_lookup_selector', 'range_check_lookup_selector', 'foreign_field_mul_lookup_selector',
];
function proofEvaluationsJson(evals) {
  let out = {};
  evalNames.forEach((name, i) => {
    let v = evals[i + 1];
    if (name === 'w' || name === 's' || name === 'coefficients') out[name] = mlArray(v, pointEvals);
    else if (i <= 9) out[name] = pointEvals(v); // z and the six selector evaluations are mandatory
    else if (name === 'lookup_sorted') out[name] = mlArray(v, (o) => option(o, pointEvals));
    else out[name] = option(v, pointEvals);
  });
  return out;
}

function proofJson(proofWithPublic) {
  let [, publicEvals, proof] = proofWithPublic;
  let [, commitments, opening, evals, ftEval1, publicInput, prevChallenges] = proof;
  return {
    public_input: mlArray(publicInput, dec),
    commitments: {
      w: polyComms(commitments[1]),
      z: polyComm(commitments[2]),
      t: polyComm(commitments[3]),
      lookup: commitments[4] === 0 ? null : 'present (not converted)',
    },
    opening: {
      lr: mlArray(opening[1], ([, l, r]) => ({ l: point(l), r: point(r) })),
      delta: point(opening[2]),
      z1: dec(opening[3]),
      z2: dec(opening[4]),
      sg: point(opening[5]),
    },
    evals: proofEvaluationsJson(evals),
    public_evals: option(publicEvals, pointEvals),
    ft_eval1: dec(ftEval1),
    prev_challenges: mlArray(prevChallenges, ([, chals, comm]) => ({ chals: mlArray(chals, dec), comm: polyComm(comm) })),
  };
}

function oraclesJson(ml) {
  let [, ro, pEval, prechallenges, digest] = ml;
  let jc = option(ro[1], ([, [, chal], combiner]) => ({ chal: dec(chal), joint_combiner: dec(combiner) }));
  return {
    joint_combiner: jc,
    beta: dec(ro[2]),
    gamma: dec(ro[3]),
    alpha_chal: dec(ro[4][1]),
    alpha: dec(ro[5]),
    zeta: dec(ro[6]),
    v: dec(ro[7]),
    u: dec(ro[8]),
    zeta_chal: dec(ro[9][1]),
    v_chal: dec(ro[10][1]),
    u_chal: dec(ro[11][1]),
    p_eval0: dec(pEval[1]),
    p_eval1: dec(pEval[2]),
    opening_prechallenges: mlArray(prechallenges, dec),
    digest_before_evaluations: dec(digest),
  };
}

// ---------------------------------------------------------------------------------------------
// one verification

let fqBPolyCommitments = []; // see below

function lastEvent(evs, name, before = evs.length) {
  for (let i = before - 1; i >= 0; i--) if (evs[i].name === name) return i;
  return -1;
}

async function extract(entry) {
  events = [];
  let t0 = performance.now();
  let verdict, verifyError;
  try {
    verdict = await o1js.verify(entry.proof, entry.vk);
  } catch (e) {
    verdict = false;
    verifyError = String(e?.message ?? e);
  }
  let verifyMs = Math.round(performance.now() - t0);
  let evs = events;
  events = [];

  let out = {
    o1js_version: o1jsVersion,
    name: entry.name,
    source: entry.source,
    statement: {
      publicInput: entry.proof.publicInput,
      publicOutput: entry.proof.publicOutput,
      maxProofsVerified: entry.proof.maxProofsVerified,
    },
    verdict,
    verify_error: verifyError ?? null,
    verify_ms: verifyMs,
    call_sequence: compressSequence(evs.map((e) => (e.kind === 'ffi' ? `ffi:${e.name}` : e.name))),
  };

  // step-side accumulator check (Vesta SRS, Fp challenges): the deferred IPA check of the step proof
  let iAcc = lastEvent(evs, 'caml_fp_srs_batch_accumulator_check');
  if (iAcc >= 0) {
    let iPts = lastEvent(evs, 'fp.pointsToRust', iAcc);
    let iChals = lastEvent(evs, 'fp.vectorToRust', iAcc);
    out.step_accumulator_check = {
      comms: iPts >= 0 ? mlArray(evs[iPts].value, point) : null,
      chals: iChals >= 0 ? mlArray(evs[iChals].value, dec) : null,
      result: evs[iAcc].result,
    };
  }

  // b_poly (challenge polynomial) commitments Pickles computes on the Pallas SRS. In practice this
  // is one lazily computed value per process (the dummy wrap accumulator `sg` used to pad the
  // previous-challenge vectors of proofs with fewer than 2 previous proofs), so it is recorded at
  // its first appearance and repeated in every output of the same run.
  evs.forEach((e, i) => {
    if (e.name !== 'caml_fq_srs_b_poly_commitment') return;
    let iChals = lastEvent(evs, 'fq.vectorToRust', i);
    let next = evs.slice(i + 1).find((x) => x.name === 'fq.polyCommFromRust');
    fqBPolyCommitments.push({
      chals: iChals >= 0 ? mlArray(evs[iChals].value, dec) : null,
      comm: next ? polyComm(next.value) : null,
      first_seen_in: entry.name,
    });
  });
  out.fq_b_poly_commitments = fqBPolyCommitments;

  // the kimchi wrap verification itself
  let iBatch = lastEvent(evs, 'caml_pasta_fq_plonk_proof_batch_verify');
  let iSingle = lastEvent(evs, 'caml_pasta_fq_plonk_proof_verify');
  let iCall = Math.max(iBatch, iSingle);
  if (iCall < 0) {
    out.kimchi_reached = false;
    out.note = 'Pickles rejected the proof before calling kimchi (no wrap inputs recorded)';
    return out;
  }
  out.kimchi_reached = true;
  out.kimchi_call = evs[iCall].name;
  out.kimchi_result = evs[iCall].result;
  let iVi = lastEvent(evs, 'fq.verifierIndexToRust', iCall);
  let iProof = lastEvent(evs, 'fq.proofToRust', iCall);
  let viMl = evs[iVi].value;
  let proofMl = evs[iProof].value;
  let vi = verifierIndexJson(viMl);
  let proof = proofJson(proofMl);
  out.wrap_public_input = proof.public_input;
  out.wrap_verifier_index = vi;
  out.wrap_proof = proof;

  // Lagrange commitments of the public-input positions and kimchi oracles, computed with the same
  // wasm module, SRS object and inputs that Pickles handed to batch_verify.
  let srs = viMl[5];
  let n = vi.domain.size;
  let nPublic = proof.public_input.length;
  let t1 = performance.now();
  let lgrRaw = [];
  out.lagrange_commitments = [];
  for (let i = 0; i < nPublic; i++) {
    out.lagrange_commitments.push(polyComm(rawConv.fq.polyCommFromRust(rawKimchi.caml_fq_srs_lagrange_commitment(srs, n, i))));
    lgrRaw.push(rawKimchi.caml_fq_srs_lagrange_commitment(srs, n, i).__destroy_into_raw());
  }
  let wasmOracles = rawKimchi.fq_oracles_create(
    Uint32Array.from(lgrRaw),
    rawConv.fq.verifierIndexToRust(viMl),
    rawConv.fq.proofToRust(proofMl)
  );
  out.oracles = oraclesJson(rawConv.fq.oraclesFromRust(wasmOracles));
  // cross-check: kimchi's single-proof verify on the recorded inputs must agree
  out.kimchi_single_verify = rawKimchi.caml_pasta_fq_plonk_proof_verify(
    rawConv.fq.verifierIndexToRust(viMl),
    rawConv.fq.proofToRust(proofMl)
  );
  out.oracles_ms = Math.round(performance.now() - t1);
  return out;
}

function compressSequence(names) {
  let out = [];
  for (let n of names) {
    let last = out[out.length - 1];
    if (last && last.name === n) last.count++;
    else out.push({ name: n, count: 1 });
  }
  return out.map(({ name, count }) => (count > 1 ? `${name} x${count}` : name));
}

// ---------------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
let entries = [];
if (opts.fixtures !== undefined) entries.push(...fixtureEntries(opts.fixtures));
entries.push(...fileEntries(opts.files));
if (opts.only) entries = entries.filter((e) => opts.only.has(e.name));
if (entries.length === 0) throw Error('nothing to do');
mkdirSync(opts.out, { recursive: true });

let tStart = performance.now();
let summary = [];
for (let entry of entries) {
  let out = await extract(entry);
  let file = join(opts.out, `${entry.name}.json`);
  writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
  let line = `${entry.name}: verify=${out.verdict} (${out.verify_ms} ms)` +
    (out.kimchi_reached ? ` kimchi=${out.kimchi_result} single=${out.kimchi_single_verify} public=${out.wrap_public_input.length} domain=2^${out.wrap_verifier_index.domain.log2_size} oracles ${out.oracles_ms} ms` : ' kimchi not reached') +
    ` -> ${file}`;
  console.log(line);
  summary.push(out);
}
console.log(`total ${Math.round(performance.now() - tStart)} ms for ${entries.length} proofs`);
// the wasm thread pool keeps workers; they are unref'd, but exit explicitly to be sure
process.exit(0);
