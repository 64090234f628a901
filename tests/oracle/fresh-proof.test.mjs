// Slow oracle test (not part of the fast `node --test tests/js/` path): compile two small
// ZkPrograms of our own with o1js, prove them, and write the proofs and verification keys to
// build/oracle/fresh/<name>.json as {proof: proof.toJSON(), vk: {data, hash}} so the C++ verifier
// (and tests/oracle/extract.mjs) can be run on them. o1js's verify() is the judge: the real proof
// must verify, copies with a tampered public input / output or another program's key must not,
// and our verifier (native CLI and WASM CLI) must give o1js's verdict on every one of them.
//
// run: node --test tests/oracle/fresh-proof.test.mjs
// Compile + prove take about a minute each on a 2-core machine; prover keys are cached in
// build/oracle/o1js-cache (delete it to measure a cold compile).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cache, Field, Gadgets, Provable, ZkProgram, verify } from 'o1js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(projectRoot, 'build', 'oracle', 'fresh');
const cacheDir = join(projectRoot, 'build', 'oracle', 'o1js-cache');
mkdirSync(outDir, { recursive: true });
mkdirSync(cacheDir, { recursive: true });
const cache = Cache.FileSystem(cacheDir);
// Our verifiers keep their SRS and Lagrange bases here between runs (cli/setup.hpp).
const verifierCache = join(projectRoot, 'build', 'oracle', 'verifier-cache');
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(projectRoot, 'build', 'native', 'mina-webnode');
const ours = {
  native: (args) => spawnSync(nativeCli, args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(projectRoot, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};

// Every (proof, key) case o1js judged, checked with both our builds.
const judged = [];
function ourVerdict(kind, proofJson, vkJson, label) {
  const dir = join(outDir, 'cases');
  mkdirSync(dir, { recursive: true });
  const proofFile = join(dir, `${label}.proof.json`);
  const vkFile = join(dir, `${label}.vk.json`);
  writeFileSync(proofFile, JSON.stringify(proofJson));
  writeFileSync(vkFile, JSON.stringify(vkJson));
  const r = ours[kind](['verify-zkapp', '--proof', proofFile, '--vk', vkFile, '--cache-dir', verifierCache]);
  assert.ok(r.status === 0 || r.status === 1, `${kind} verify-zkapp ${label}: exit ${r.status} ${r.stdout} ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.equal(out.valid, r.status === 0, `${kind} ${label}: exit code and verdict disagree`);
  return out;
}
async function judge(t, label, proofJson, vkJson) {
  const expected = await verify(proofJson, vkJson);
  for (const kind of ['native', 'wasm']) {
    const out = ourVerdict(kind, proofJson, vkJson, label);
    assert.equal(out.valid, expected, `${kind} says ${out.valid} on ${label}, o1js says ${expected} (${out.reason ?? ''})`);
    t.diagnostic(`${label}: o1js ${expected}, ${kind} ${out.valid} ${JSON.stringify(out.ms)}`);
  }
  judged.push({ label, expected });
  return expected;
}

// public input x; proves knowledge of y with y*y*y = x; maxProofsVerified 0, no public output
const Cube = ZkProgram({
  name: 'mina-webnode-oracle-cube',
  publicInput: Field,
  methods: {
    cubeRoot: {
      privateInputs: [Field],
      async method(x, y) {
        y.mul(y).mul(y).assertEquals(x);
      },
    },
  },
});

// public input x, public output [x + y, y, x·y] where y*y*y = x: an app state of four fields
const CubeOut = ZkProgram({
  name: 'mina-webnode-oracle-cube-out3',
  publicInput: Field,
  publicOutput: Provable.Array(Field, 3),
  methods: {
    cubeRootPlus: {
      privateInputs: [Field],
      async method(x, y) {
        y.mul(y).mul(y).assertEquals(x);
        return { publicOutput: [x.add(y), y, x.mul(y)] };
      },
    },
  },
});

// Optional gates and lookups in the step circuit: range_check0 (rangeCheck64), xor (with its
// lookup table) and rot; the proof's feature flags and deferred values carry them.
const Gadgety = ZkProgram({
  name: 'mina-webnode-oracle-gadgets',
  publicInput: Field,
  publicOutput: Field,
  methods: {
    mix: {
      privateInputs: [Field, Field],
      async method(x, a, b) {
        Gadgets.rangeCheck64(a);
        Gadgets.rangeCheck64(b);
        const r = Gadgets.rotate64(Gadgets.xor(a, b, 64), 7, 'left');
        r.assertEquals(x);
        return { publicOutput: a.add(b) };
      },
    },
  },
});
function xorRot(a, b) {
  const v = (a ^ b) & ((1n << 64n) - 1n);
  return ((v << 7n) | (v >> 57n)) & ((1n << 64n) - 1n);
}

function tamperFirst(values) {
  let v = [...values];
  v[0] = (BigInt(v[0]) + 1n).toString();
  return v;
}

async function timed(label, timings, f) {
  let t = performance.now();
  let r = await f();
  timings[label] = Math.round(performance.now() - t);
  return r;
}

async function proveAndCheck(t, { name, program, method, args, expectedInput, expectedOutput }) {
  let timings = {};
  let { verificationKey } = await timed('compile_ms', timings, () => program.compile({ cache }));
  let { proof } = await timed('prove_ms', timings, () => program[method](...args));
  let proofJson = proof.toJSON();
  let vkJson = { data: verificationKey.data, hash: verificationKey.hash.toString() };

  assert.deepEqual(proofJson.publicInput, expectedInput);
  assert.deepEqual(proofJson.publicOutput, expectedOutput);
  assert.equal(proofJson.maxProofsVerified, 0);

  let file = join(outDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ proof: proofJson, vk: vkJson, timings }, null, 1) + '\n');

  let ok = await timed('verify_ms', timings, () => verify(proofJson, vkJson));
  assert.equal(ok, true, 'o1js verify of the real proof');
  assert.equal(await judge(t, name, proofJson, vkJson), true);

  let badInput = { ...proofJson, publicInput: tamperFirst(proofJson.publicInput) };
  assert.equal(await judge(t, `${name}-bad-input`, badInput, vkJson), false, 'tampered public input must not verify');
  if (proofJson.publicOutput.length > 0) {
    let badOutput = { ...proofJson, publicOutput: tamperFirst(proofJson.publicOutput) };
    assert.equal(await judge(t, `${name}-bad-output`, badOutput, vkJson), false, 'tampered public output must not verify');
    let lastOutput = { ...proofJson, publicOutput: [...proofJson.publicOutput] };
    lastOutput.publicOutput[lastOutput.publicOutput.length - 1] = '0';
    assert.equal(await judge(t, `${name}-bad-last-output`, lastOutput, vkJson), false);
  }
  // write again with the verify timing included
  writeFileSync(file, JSON.stringify({ proof: proofJson, vk: vkJson, timings }, null, 1) + '\n');
  t.diagnostic(`${name}: ${JSON.stringify(timings)} -> ${file}`);
}

test('fresh o1js proofs of our own circuits verify; tampered ones do not', { timeout: 30 * 60 * 1000 }, async (t) => {
  await proveAndCheck(t, {
    name: 'cube',
    program: Cube,
    method: 'cubeRoot',
    args: [Field(27), Field(3)],
    expectedInput: ['27'],
    expectedOutput: [],
  });
  await proveAndCheck(t, {
    name: 'cube_out',
    program: CubeOut,
    method: 'cubeRootPlus',
    args: [Field(64), Field(4)],
    expectedInput: ['64'],
    expectedOutput: ['68', '4', '256'],
  });
  const a = 0x0123456789abcdefn, b = 0xfedcba9876543210n;
  await proveAndCheck(t, {
    name: 'gadgets',
    program: Gadgety,
    method: 'mix',
    args: [Field(xorRot(a, b)), Field(a), Field(b)],
    expectedInput: [xorRot(a, b).toString()],
    expectedOutput: [(a + b).toString()],
  });
  // Each program's proof with the other's key: o1js says no, and so must we.
  const read = (n) => JSON.parse(readFileSync(join(outDir, `${n}.json`), 'utf8'));
  const cube = read('cube'), cubeOut = read('cube_out');
  assert.equal(await judge(t, 'cube-with-cube_out-key', cube.proof, cubeOut.vk), false);
  assert.equal(await judge(t, 'cube_out-with-cube-key', cubeOut.proof, cube.vk), false);
  t.diagnostic(`${judged.length} cases, our verdicts equal o1js on all of them (native and WASM)`);
});
