// Blocks on the command line, native and WASM: state-hash on every recorded block and protocol
// state, fork-choice on every fork vector; both builds agree, exit codes included, and the
// results equal what the fixtures record (file names), not values computed by this project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const mina = join(fixtures, 'mina');
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');

const runners = {
  native: (args) => spawnSync(nativeCli, args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};

function run(kind, args) {
  const r = runners[kind](args);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `${kind}: one JSON line expected, got: ${r.stdout} ${r.stderr}`);
  return { code: r.status, json: JSON.parse(lines[0]) };
}

function both(args) {
  const n = run('native', args);
  const w = run('wasm', args);
  assert.deepEqual(w, n, `native and WASM disagree on ${args.join(' ')}`);
  return n;
}

const scratch = mkdtempSync(join(tmpdir(), 'mina-block-test-'));
function scratchFile(name, text) {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return p;
}

test('state-hash: every post-fork precomputed mainnet block hashes to the hash in its file name', () => {
  const files = readdirSync(join(mina, 'precomputed')).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 30);
  let hashed = 0;
  for (const f of files) {
    const [, height, hash] = f.replace(/\.json$/, '').split('-');
    const doc = JSON.parse(readFileSync(join(mina, 'precomputed', f), 'utf8'));
    const r = both(['state-hash', join(mina, 'precomputed', f)]);
    if (!('version' in doc)) {
      // Mina 1.x (pre-fork) states: recognised, refused with a typed code.
      assert.equal(r.code, 2, f);
      assert.equal(r.json.error.code, 'unsupported', f);
    } else if (doc.data.protocol_state.body.blockchain_state.staged_ledger_hash.non_snark.aux_hash.startsWith('STAGED')) {
      // The indexer's genesis block carries placeholder text instead of aux hashes.
      assert.equal(r.code, 2, f);
      assert.equal(r.json.error.code, 'invalid_encoding', f);
    } else {
      assert.equal(r.code, 0, f);
      assert.deepEqual(r.json, { stateHash: hash, height: Number(height) }, f);
      hashed++;
    }
  }
  assert.equal(hashed, files.length - 4);
});

test('state-hash: OpenMina best tip, fork vectors, block-prover inputs', () => {
  const tip = both(['state-hash', join(mina, 'mainnet_best_tip_with_proof_359606.json')]);
  assert.equal(tip.code, 0);
  assert.equal(tip.json.height, 359606);
  // It is one of the two recorded precomputed blocks at that height.
  const at606 = readdirSync(join(mina, 'precomputed')).filter((f) => f.startsWith('mainnet-359606-'));
  assert.ok(at606.some((f) => f.includes(tip.json.stateHash)));
  for (const f of readdirSync(join(mina, 'forks'))) {
    const parts = f.split('-');
    const r = both(['state-hash', join(mina, 'forks', f)]);
    assert.equal(r.code, 0, f);
    // The two numbers in the name are the states' global slots; the hashes follow them.
    assert.equal(r.json.stateHash, f.endsWith('-tip.json') ? parts[5] : parts[6], f);
  }
  const heights = {};
  for (const f of readdirSync(mina).filter((f) => /^block_input-.*\.bin$/.test(f))) {
    const r = both(['state-hash', join(mina, f)]);
    assert.equal(r.code, 0, f);
    assert.match(r.json.stateHash, /^3N/);
    // The .sexp beside it records next_state's length.
    const sexp = readFileSync(join(mina, f.replace(/\.bin$/, '.sexp')), 'utf8');
    const lengths = [...sexp.matchAll(/\(blockchain_length (\d+)\)/g)].map((m) => Number(m[1]));
    assert.equal(r.json.height, lengths[1], f);
    heights[f] = r.json;
  }
  assert.equal(Object.keys(heights).length, 4);
});

test('fork-choice: every OpenMina fork vector gives the outcome and rule its name states', () => {
  const tips = readdirSync(join(mina, 'forks')).filter((f) => f.endsWith('-tip.json'));
  assert.equal(tips.length, 5);
  for (const f of tips) {
    const [range, outcome, rule] = f.split('-');
    const tip = join(mina, 'forks', f);
    const cnd = tip.replace(/-tip\.json$/, '-cnd.json');
    const r = both(['fork-choice', '--network', 'mainnet', tip, cnd]);
    assert.equal(r.code, 0, f);
    assert.deepEqual(r.json, { take: outcome === 'take', rule: `${range}_range_${rule}` }, f);
    const back = both(['fork-choice', '--network', 'devnet', cnd, tip]);
    assert.equal(back.json.take, outcome !== 'take', f);
  }
});

test('state-hash: a GraphQL bestChain answer built from a fixture; a wrong claimed hash exits 1', () => {
  const name = readdirSync(join(mina, 'precomputed')).find((f) => f.startsWith('mainnet-359611-'));
  const hash = name.replace(/\.json$/, '').split('-')[2];
  const ps = JSON.parse(readFileSync(join(mina, 'precomputed', name), 'utf8')).data.protocol_state;
  const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  const camelKeys = (v) =>
    Array.isArray(v) ? v.map(camelKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelKeys(x)])) : v;
  const protocolState = { previousStateHash: ps.previous_state_hash, ...camelKeys(ps.body) };
  const ok = scratchFile('gql.json', JSON.stringify({ data: { bestChain: [{ stateHash: hash, protocolState }] } }));
  assert.deepEqual(both(['state-hash', ok]), { code: 0, json: { stateHash: hash, height: 359611 } });
  const lie = scratchFile('gql-lie.json', JSON.stringify({ data: { block: { stateHash: ps.previous_state_hash, protocolState } } }));
  const r = both(['state-hash', lie]);
  assert.equal(r.code, 1);
  assert.equal(r.json.stateHash, hash);
  assert.equal(r.json.claimedStateHash, ps.previous_state_hash);
});

test('state-hash / fork-choice: malformed input is a typed error (exit 2)', () => {
  const best = readFileSync(join(mina, 'mainnet_best_tip_with_proof_359606.json'), 'utf8');
  const tip = join(mina, 'forks', readdirSync(join(mina, 'forks')).find((f) => f.endsWith('-tip.json')));
  const cases = [
    [['state-hash'], 'invalid_argument'],
    [['state-hash', join(scratch, 'missing.json')], 'invalid_argument'],
    [['state-hash', scratchFile('truncated.json', best.slice(0, best.length / 2))], 'malformed_json'],
    [['state-hash', scratchFile('empty.json', '{}')], 'unsupported'],
    [['state-hash', scratchFile('garbage.bin', 'hello')], 'truncated'],
    [['state-hash', scratchFile('deep.json', '['.repeat(100000))], 'limit_exceeded'],
    [['state-hash', scratchFile('badvrf.json', best.replace('"45MQItEEPNLqb5qS9vtZS4DEuvPpP_x4MzaRW_G2AAA="', '"45MQItEEPNLqb5qS9vtZS4DEuvPpP_x4MzaRW_G2AOA="'))], 'invalid_encoding'],
    [['state-hash', scratchFile('badhash.json', best.replace('3NK4BpDSekaqsG6tx8Nse2zJchRft2JpnbvMiog55WCr5xJZaKeP', '3NK4BpDSekaqsG6tx8Nse2zJchRft2JpnbvMiog55WCr5xJZaKeQ'))], 'bad_checksum'],
    [['fork-choice', tip, tip], 'invalid_argument'],
    [['fork-choice', '--network', 'berkeley', tip, tip], 'invalid_argument'],
    [['fork-choice', '--network', 'mainnet', tip, scratchFile('x.json', '{"previous_state_hash": 1}')], 'unsupported'],
  ];
  for (const [args, code] of cases) {
    const r = both(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.json.error.code, code, args.join(' '));
  }
});
