// verify-block through the command line, native and WASM: real mainnet blocks verify against the
// mainnet blockchain verifier index and not against devnet's; a changed protocol-state field
// changes the state hash, so the proof no longer verifies; garbage is a typed error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');
const srs = ['--srs-dir', join(fixtures, 'srs')];
const mina = (f) => join(fixtures, 'mina', f);
const precomputed = (prefix) => {
  const name = readdirSync(join(fixtures, 'mina', 'precomputed')).find((f) => f.startsWith(prefix));
  assert.ok(name, `fixture ${prefix}*`);
  return join(fixtures, 'mina', 'precomputed', name);
};

const opts = { encoding: 'utf8', maxBuffer: 16 << 20 };
const runners = {
  native: (args) => spawnSync(nativeCli, args, opts),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], opts),
};
function run(kind, args) {
  const r = runners[kind](args);
  assert.ok(r.status !== null, `${kind} ${args.join(' ')} died: ${r.signal} ${r.stderr}`);
  const json = JSON.parse(r.stdout.trim().split('\n').pop());
  delete json.ms;
  return { code: r.status, json };
}
function both(args) {
  const n = run('native', args);
  const w = run('wasm', args);
  assert.deepEqual(w.json, n.json, `native and WASM disagree on ${args.join(' ')}`);
  assert.equal(w.code, n.code);
  return n;
}
const slow = { timeout: 15 * 60 * 1000 };
const work = mkdtempSync(join(tmpdir(), 'mina-verify-block-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const blocks = [
  { file: precomputed('mainnet-359617-3NL7rFMq'), hash: '3NL7rFMq', height: 359617 },
  { file: precomputed('mainnet-359617-3NLXcoYj'), hash: '3NLXcoYj', height: 359617 },
  { file: mina('mainnet_best_tip_with_proof_359606.json'), height: 359606 },
];

test('verify-block: real mainnet blocks verify on mainnet (native = WASM)', slow, () => {
  for (const b of blocks) {
    const r = both(['verify-block', '--network', 'mainnet', b.file, ...srs]);
    assert.equal(r.code, 0, JSON.stringify(r.json));
    assert.equal(r.json.valid, true);
    assert.equal(r.json.checks.proof, true);
    assert.equal(r.json.height, b.height);
    if (b.hash) assert.ok(r.json.stateHash.startsWith(b.hash), `${r.json.stateHash} vs file name`);
  }
});

test('verify-block: a mainnet block is not a devnet block (index and genesis)', slow, () => {
  const r = both(['verify-block', '--network', 'devnet', blocks[0].file, ...srs]);
  assert.equal(r.code, 1);
  assert.equal(r.json.valid, false);
  assert.equal(r.json.checks.proof, false, 'the mainnet proof must not verify against the devnet index');
  assert.equal(r.json.checks.network, false);
  // The devnet index forced on a mainnet profile: the proof check alone fails.
  const forced = run('native', ['verify-block', '--network', 'mainnet', '--index', mina('devnet_blockchain_verifier_index.json'), blocks[0].file, ...srs]);
  assert.equal(forced.code, 1);
  assert.equal(forced.json.checks.proof, false);
  assert.equal(forced.json.checks.network, true);
});

test('verify-block: changing a protocol-state field makes the block invalid', slow, () => {
  const original = JSON.parse(readFileSync(blocks[0].file, 'utf8'));
  const edits = {
    height: (s) => { s.body.consensus_state.blockchain_length = String(Number(s.body.consensus_state.blockchain_length) + 1); },
    timestamp: (s) => { s.body.blockchain_state.timestamp = String(BigInt(s.body.blockchain_state.timestamp) + 1n); },
    ledger_hash: (s) => { s.body.blockchain_state.staged_ledger_hash.non_snark.ledger_hash = s.body.blockchain_state.genesis_ledger_hash; },
    previous_state_hash: (s) => { s.previous_state_hash = s.body.genesis_state_hash; },
  };
  for (const [what, edit] of Object.entries(edits)) {
    const block = structuredClone(original);
    edit(block.data.protocol_state);
    const file = join(work, `${what}.json`);
    writeFileSync(file, JSON.stringify(block));
    const kinds = what === 'height' ? ['native', 'wasm'] : ['native'];
    for (const kind of kinds) {
      const r = run(kind, ['verify-block', '--network', 'mainnet', file, ...srs]);
      assert.equal(r.code, 1, `${kind} ${what}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.valid, false);
      assert.equal(r.json.checks.proof, false, `${what}: the proof must not verify for another state`);
      assert.notEqual(r.json.stateHash.slice(0, 8), blocks[0].hash);
    }
  }
});

test('verify-block: garbage, truncation and usage errors are typed (exit 2)', slow, () => {
  const text = readFileSync(blocks[0].file, 'utf8');
  const cases = {
    'not json': 'hello',
    truncated: text.slice(0, Math.floor(text.length / 2)),
    'no proof': JSON.stringify({ ...JSON.parse(text), data: { ...JSON.parse(text).data, protocol_state_proof: undefined } }),
  };
  for (const [what, body] of Object.entries(cases)) {
    const file = join(work, `bad-${what.replace(/ /g, '-')}.json`);
    writeFileSync(file, body);
    const r = both(['verify-block', '--network', 'mainnet', file, ...srs]);
    assert.equal(r.code, 2, `${what}: ${JSON.stringify(r.json)}`);
    assert.equal(typeof r.json.error.code, 'string');
  }
  const unknown = run('native', ['verify-block', '--network', 'testnet-of-nowhere', blocks[0].file]);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.json.error.code, 'invalid_argument');
});

test('verify-block: devnet block-prover inputs (a devnet-circuit test chain) verify against the devnet index', slow, () => {
  for (const name of ['block_input-2483246-1.bin', 'block_input-2483248-1.bin']) {
    const r = both(['verify-block', '--network', 'devnet', '--genesis', 'any', mina(name), ...srs]);
    assert.equal(r.code, 0, `${name}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.checks.proof, true);
    // The test chain shares devnet's circuits and constants, not its genesis.
    const strict = run('native', ['verify-block', '--network', 'devnet', mina(name), ...srs]);
    assert.equal(strict.code, 1);
    assert.equal(strict.json.checks.proof, true);
    assert.equal(strict.json.checks.network, false);
    const mainnet = run('native', ['verify-block', '--network', 'mainnet', '--genesis', 'any', '--index', mina('mainnet_blockchain_verifier_index.json'), mina(name), ...srs]);
    assert.equal(mainnet.json.checks.proof, false, `${name} must not verify against the mainnet index`);
  }
  // The first input of each chain carries a proof Mina never checks (its chain starts at a genesis
  // state): it does not verify.
  const genesisInput = run('native', ['verify-block', '--network', 'devnet', '--genesis', 'any', mina('block_input-2483246-0.bin'), ...srs]);
  assert.equal(genesisInput.code, 1);
  assert.equal(genesisInput.json.checks.proof, false);
});
