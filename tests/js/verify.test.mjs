// Proof verification through the command line, native and WASM: verify-zkapp,
// verify-zkapp-binprot and verify-batch agree on verdicts and exit codes (timings aside).
// MINA_NATIVE_CLI / MINA_WASM_CLI (read by js/cli.mjs) point at other build directories.
// WASM verification takes 10–30 s per proof on a small machine: the WASM cases are few.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');
const srs = ['--srs-dir', join(fixtures, 'srs')];
const o1js = (f) => join(fixtures, 'o1js', f);
const zkappBinprot = join(fixtures, 'mina',
  'verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251_0.binprot');

const opts = { encoding: 'utf8', maxBuffer: 16 << 20 };
const runners = {
  native: (args) => spawnSync(nativeCli, args, opts),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], opts),
};

// Timings differ between builds: drop every *ms key before comparing.
function untimed(j) {
  if (Array.isArray(j)) return j.map(untimed);
  if (j && typeof j === 'object') {
    return Object.fromEntries(Object.entries(j).filter(([k]) => !/ms$/.test(k)).map(([k, v]) => [k, untimed(v)]));
  }
  return j;
}

function run(kind, args) {
  const r = runners[kind](args);
  assert.ok(r.status !== null, `${kind} ${args.join(' ')} died: ${r.signal} ${r.stderr}`);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  return { code: r.status, lines, json: lines[lines.length - 1] };
}

function both(args) {
  const n = run('native', args);
  const w = run('wasm', args);
  assert.deepEqual(untimed(w.lines), untimed(n.lines), `native and WASM disagree on ${args.join(' ')}`);
  assert.equal(w.code, n.code, `exit codes differ on ${args.join(' ')}`);
  return n;
}

const slow = { timeout: 15 * 60 * 1000 };

test('verify-zkapp: square0 base proof is valid (exit 0)', slow, () => {
  const r = both(['verify-zkapp', '--proof', o1js('square0_base_proof.json'), '--vk', o1js('square0_vk.json'), ...srs]);
  assert.equal(r.lines.length, 1);
  assert.equal(r.code, 0);
  assert.equal(r.json.valid, true);
});

test('verify-zkapp: square0 dummy proof is invalid (exit 1)', slow, () => {
  const r = both(['verify-zkapp', '--proof', o1js('square0_dummy_proof.json'), '--vk', o1js('square0_vk.json'), ...srs]);
  assert.equal(r.code, 1);
  assert.equal(r.json.valid, false);
  assert.equal(typeof r.json.reason, 'string');
});

test('verify-zkapp-binprot: a devnet verify_zapp input is valid (exit 0)', slow, () => {
  const r = both(['verify-zkapp-binprot', zkappBinprot, ...srs]);
  assert.equal(r.code, 0);
  assert.equal(r.json.valid, true);
});

test('verify: garbage inputs are typed errors (exit 2)', slow, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mina-verify-'));
  try {
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, JSON.stringify({ publicInput: ['9'], publicOutput: [], maxProofsVerified: 0, proof: 'KChub3QgYSBwcm9vZikp' }));
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{"proof": ');
    const bin = join(dir, 'garbage.binprot');
    writeFileSync(bin, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
    for (const args of [
      ['verify-zkapp', '--proof', garbage, '--vk', o1js('square0_vk.json'), ...srs],
      ['verify-zkapp', '--proof', notJson, '--vk', o1js('square0_vk.json'), ...srs],
      ['verify-zkapp-binprot', bin, ...srs],
      ['verify-batch', notJson, ...srs],
    ]) {
      const r = both(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.lines.length, 1);
      assert.equal(typeof r.json.error.code, 'string');
      assert.notEqual(r.json.error.code, 'internal', args.join(' '));
      assert.equal(typeof r.json.error.message, 'string');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function writeManifest(dir, entries) {
  const path = join(dir, 'manifest.json');
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

test('verify-batch (native): all valid, mixed, malformed', slow, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mina-batch-'));
  try {
    // Paths relative to the manifest's directory.
    copyFileSync(o1js('square1_step_proof.json'), join(dir, 'p.json'));
    const valid = [
      { proof: o1js('square0_base_proof.json'), vk: o1js('square0_vk.json') },
      { proof: 'p.json', vk: o1js('square1_vk.json') },
      { binprot: zkappBinprot },
    ];
    let r = run('native', ['verify-batch', writeManifest(dir, valid), ...srs]);
    assert.equal(r.code, 0, JSON.stringify(r.lines));
    assert.deepEqual(untimed(r.lines), [
      { index: 0, valid: true }, { index: 1, valid: true }, { index: 2, valid: true },
      { valid: true, proofs: 3 },
    ]);
    assert.equal(typeof r.json.total_ms, 'number');

    const mixed = [
      valid[0],
      { proof: o1js('square1_dummy_proof.json'), vk: o1js('square1_vk.json') },
      valid[2],
      { proof: o1js('square0_base_proof.json'), vk: o1js('square1_vk.json') },
    ];
    r = run('native', ['verify-batch', writeManifest(dir, mixed), ...srs]);
    assert.equal(r.code, 1);
    assert.equal(r.lines.length, 5);
    assert.deepEqual(r.lines.slice(0, 4).map((l) => [l.index, l.valid]), [[0, true], [1, false], [2, true], [3, false]]);
    assert.equal(typeof r.lines[1].reason, 'string');
    assert.deepEqual(untimed(r.json), { valid: false, proofs: 4 });

    for (const bad of [[], {}, [{ proof: 'missing.json', vk: o1js('square0_vk.json') }], [{ binprot: 7 }], [{ vk: 'x' }]]) {
      r = run('native', ['verify-batch', writeManifest(dir, bad), ...srs]);
      assert.equal(r.code, 2, JSON.stringify(bad));
      assert.equal(r.lines.length, 1);
      assert.equal(typeof r.json.error.code, 'string');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verify-batch: native and WASM agree on a mixed manifest (exit 1)', slow, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mina-batch-'));
  try {
    const manifest = writeManifest(dir, [
      { proof: o1js('square0_base_proof.json'), vk: o1js('square0_vk.json') },
      { proof: o1js('square0_dummy_proof.json'), vk: o1js('square0_vk.json') },
    ]);
    const r = both(['verify-batch', manifest, ...srs]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines.slice(0, 2).map((l) => [l.index, l.valid]), [[0, true], [1, false]]);
    assert.equal(r.json.valid, false);
    assert.equal(r.json.proofs, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
