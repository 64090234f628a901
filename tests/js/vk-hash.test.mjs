// vk-hash, native and WASM: the same JSON and exit codes, and o1js' own vk.hash for every key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
// MINA_NATIVE_CLI / MINA_WASM_CLI (read by js/cli.mjs) point at other build directories.
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');

const runners = {
  native: (args) => spawnSync(nativeCli, args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};

function run(kind, args) {
  const r = runners[kind](args);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one JSON line expected, got: ${r.stdout} ${r.stderr}`);
  return { code: r.status, json: JSON.parse(lines[0]) };
}

function both(args) {
  const n = run('native', args);
  const w = run('wasm', args);
  assert.deepEqual(w, n, `native and WASM disagree on ${args.join(' ')}`);
  return n;
}

const keys = ['square0_vk', 'square1_vk', 'zkapp_vk', 'zkapp_proofsdisabled_onchain_vk'];

test('vk-hash: equals o1js vk.hash for every o1js verification key', () => {
  for (const name of keys) {
    const file = join(fixtures, 'o1js', `${name}.json`);
    const expected = JSON.parse(readFileSync(file, 'utf8')).hash;
    const r = both(['vk-hash', file]);
    assert.equal(r.code, 0, name);
    assert.deepEqual(r.json, { hash: expected }, name);
  }
});

test('vk-hash: the hash comes from data, not from the file\'s hash field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vk-hash-'));
  try {
    const vk = JSON.parse(readFileSync(join(fixtures, 'o1js', 'square1_vk.json'), 'utf8'));
    const file = join(dir, 'vk.json');
    writeFileSync(file, JSON.stringify({ data: vk.data, hash: '1' }));
    const r = both(['vk-hash', file]);
    assert.equal(r.code, 0);
    assert.equal(r.json.hash, vk.hash);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('vk-hash: missing files and malformed keys are typed errors (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vk-hash-'));
  try {
    const vk = JSON.parse(readFileSync(join(fixtures, 'o1js', 'square0_vk.json'), 'utf8'));
    const raw = Buffer.from(vk.data, 'base64');
    const write = (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const offCurve = Buffer.from(raw);
    offCurve[2 + 40] ^= 1;
    const cases = [
      [['vk-hash', join(dir, 'does-not-exist.json')], 'invalid_argument'],
      [['vk-hash'], 'invalid_argument'],
      [['vk-hash', 'a', 'b'], 'invalid_argument'],
      [['vk-hash', write('garbage.json', '{"data":')], 'malformed_json'],
      [['vk-hash', write('nodata.json', '{"hash":"1"}')], 'malformed_json'],
      [['vk-hash', write('b64.json', JSON.stringify({ data: '!!!!', hash: '1' }))], 'invalid_encoding'],
      [['vk-hash', write('short.json', JSON.stringify({ data: raw.subarray(0, 1000).toString('base64'), hash: '1' }))], 'truncated'],
      [['vk-hash', write('offcurve.json', JSON.stringify({ data: offCurve.toString('base64'), hash: '1' }))], 'invalid_point'],
    ];
    for (const [args, code] of cases) {
      const r = both(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.json.error.code, code, args.join(' '));
      assert.equal(typeof r.json.error.message, 'string');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
