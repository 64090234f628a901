// Slow oracle test (not part of the fast `node --test tests/js/` path): compile two small
// ZkPrograms of our own with o1js, prove them, and write the proofs and verification keys to
// build/oracle/fresh/<name>.json as {proof: proof.toJSON(), vk: {data, hash}} so the C++ verifier
// (and tests/oracle/extract.mjs) can be run on them. o1js's verify() is the judge here: the real
// proof must verify and a copy with a tampered public input / output must not.
//
// run: node --test tests/oracle/fresh-proof.test.mjs
// Compile + prove take about a minute each on a 2-core machine; prover keys are cached in
// build/oracle/o1js-cache (delete it to measure a cold compile).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cache, Field, ZkProgram, verify } from 'o1js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(projectRoot, 'build', 'oracle', 'fresh');
const cacheDir = join(projectRoot, 'build', 'oracle', 'o1js-cache');
mkdirSync(outDir, { recursive: true });
mkdirSync(cacheDir, { recursive: true });
const cache = Cache.FileSystem(cacheDir);

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

// public input x, public output x + y where y*y*y = x
const CubeOut = ZkProgram({
  name: 'mina-webnode-oracle-cube-out',
  publicInput: Field,
  publicOutput: Field,
  methods: {
    cubeRootPlus: {
      privateInputs: [Field],
      async method(x, y) {
        y.mul(y).mul(y).assertEquals(x);
        return { publicOutput: x.add(y) };
      },
    },
  },
});

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

  let badInput = { ...proofJson, publicInput: tamperFirst(proofJson.publicInput) };
  assert.equal(await verify(badInput, vkJson), false, 'tampered public input must not verify');
  if (proofJson.publicOutput.length > 0) {
    let badOutput = { ...proofJson, publicOutput: tamperFirst(proofJson.publicOutput) };
    assert.equal(await verify(badOutput, vkJson), false, 'tampered public output must not verify');
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
    expectedOutput: ['68'],
  });
});
