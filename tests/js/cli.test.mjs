// The command line, native and WASM: same JSON, same exit codes, o1js/mina-signer verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const vectors = JSON.parse(readFileSync(join(fixtures, 'o1js', 'vectors.json'), 'utf8'));

const runners = {
  native: (args) => spawnSync(join(root, 'build', 'native', 'mina-webnode'), args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};

function run(kind, args) {
  const r = runners[kind](args);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one JSON line expected, got: ${r.stdout} ${r.stderr}`);
  return { code: r.status, json: JSON.parse(lines[0]) };
}

// Runs both builds and checks they agree before returning the (shared) result.
function both(args) {
  const n = run('native', args);
  const w = run('wasm', args);
  assert.deepEqual(w, n, `native and WASM disagree on ${args.join(' ')}`);
  return n;
}

test('poseidon: o1js Poseidon.hash vectors', () => {
  for (const v of vectors.poseidon.vectors) {
    const r = both(['poseidon', ...v.input]);
    assert.equal(r.code, 0);
    assert.equal(r.json.hash, v.output);
  }
});

test('poseidon: o1js hashWithPrefix vectors', () => {
  for (const v of vectors.poseidonWithPrefix.vectors) {
    const r = both(['poseidon', '--prefix', v.prefix, ...v.input]);
    assert.equal(r.code, 0);
    assert.equal(r.json.hash, v.output);
  }
});

test('poseidon: malformed input is a typed usage error (exit 2)', () => {
  const p = vectors.meta.Fp_pallas_base_field_order;
  const cases = [
    [['poseidon', p], 'non_canonical_field'],
    [['poseidon', '12x'], 'malformed_number'],
    [['poseidon', '--field', 'fr', '1'], 'invalid_argument'],
    [['poseidon', '--bogus', '1'], 'invalid_argument'],
    [['poseidon', '--prefix', 'x'.repeat(21), '1'], 'invalid_argument'],
    [['no-such-command'], 'invalid_argument'],
    [[], 'invalid_argument'],
  ];
  for (const [args, code] of cases) {
    const r = both(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.json.error.code, code, args.join(' '));
    assert.equal(typeof r.json.error.message, 'string');
  }
});

test('verify-signature: mina-signer network-specific vectors, and the other network rejects', () => {
  for (const v of vectors.signFieldsNetwork.vectors) {
    const args = ['--pubkey', v.publicKey, '--signature', v.signatureBase58, ...v.fields];
    const ok = both(['verify-signature', '--network', v.network, ...args]);
    assert.equal(ok.code, v.verify ? 0 : 1);
    assert.equal(ok.json.valid, v.verify);
    const other = v.network === 'mainnet' ? 'testnet' : 'mainnet';
    const wrong = both(['verify-signature', '--network', other, ...args]);
    assert.equal(wrong.json.valid, v.verify_other_network);
    assert.equal(wrong.code, v.verify_other_network ? 0 : 1);
  }
});

test('verify-signature: devnet is testnet; a changed message is invalid (exit 1)', () => {
  for (const v of vectors.signFields.vectors) {
    const args = ['--pubkey', v.publicKey, '--signature', v.signature];
    const ok = both(['verify-signature', '--network', 'devnet', ...args, ...v.fields]);
    assert.equal(ok.json.valid, true);
    const tampered = v.fields.map((f, i) => (i === 0 ? (BigInt(f) + 1n).toString() : f));
    const bad = both(['verify-signature', '--network', 'devnet', ...args, ...tampered]);
    assert.deepEqual(bad, { code: 1, json: { valid: false } });
  }
});

test('verify-signature: bad base58, checksum, version byte and network are typed errors', () => {
  const v = vectors.signFieldsNetwork.vectors[0];
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
  const cases = [
    [['--network', 'testnet', '--pubkey', flip(v.publicKey, 10), '--signature', v.signatureBase58, '1'], 'bad_checksum'],
    [['--network', 'testnet', '--pubkey', v.publicKey, '--signature', v.publicKey, '1'], 'wrong_version_byte'],
    [['--network', 'testnet', '--pubkey', v.publicKey + '0', '--signature', v.signatureBase58, '1'], 'invalid_encoding'],
    [['--network', 'moonnet', '--pubkey', v.publicKey, '--signature', v.signatureBase58, '1'], 'invalid_argument'],
    [['--network', 'testnet', '--pubkey', v.publicKey, '1'], 'invalid_argument'],
  ];
  for (const [args, code] of cases) {
    const r = both(['verify-signature', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.json.error.code, code, args.join(' '));
  }
});
