// The npm package's verifier pool, for real: worker_threads, the WASM build in dist/ (built by
// scripts/build.sh or `make mina_verifier_node`), the shared o1js fixtures, judged by o1js'
// own verdicts (fixtures/README.md). Setup is paid once (SRS from the fixture .srs files) and
// handed to later pools through exportSetup(), as an application would persist it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVerifier, VerifierError } from '../../js/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const text = (name) => readFileSync(join(fixtures, 'o1js', name), 'utf8');
const json = (name) => JSON.parse(text(name));
const srsFiles = () => ({
  pallas: readFileSync(join(fixtures, 'srs', 'pallas.srs')),
  vesta: readFileSync(join(fixtures, 'srs', 'vesta.srs')),
});

const slow = { timeout: 10 * 60 * 1000 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const open = [];
after(() => Promise.all(open.map((v) => v.close())));

function verifier(options) {
  const v = createVerifier(options);
  open.push(v);
  return v;
}

// The first pool's setup, exported, seeds every later pool (SRS cache + Lagrange bases).
let savedSetup = null;
function warmVerifier(options = {}) {
  assert.ok(savedSetup, 'the fixture test runs first and exports its setup');
  return verifier({ srs: savedSetup.srs, lagrange: savedSetup.lagrange, ...options });
}

const zkapp = json('zkapp_update_proof.json');
const valid = [
  ['square0 base', json('square0_base_proof.json'), json('square0_vk.json')],
  ['square1 base', json('square1_base_proof.json'), json('square1_vk.json')],
  ['square1 step', json('square1_step_proof.json'), json('square1_vk.json')],
  ['zkapp update (proof.toJSON())', zkapp.proof_toJSON, json('zkapp_vk.json')],
];
const invalid = [
  ['square0 dummy', json('square0_dummy_proof.json'), json('square0_vk.json')],
  ['square1 dummy', json('square1_dummy_proof.json'), json('square1_vk.json')],
  ['Pickles dummy mpv0 against square0', json('dummy_proof_mpv0.json'), json('square0_vk.json')],
  ['Pickles dummy mpv1 against square1', json('dummy_proof_mpv1.json'), json('square1_vk.json')],
];

test('package: the o1js fixtures verify in a worker as o1js judges them, with timings and progress', slow, async () => {
  const progress = [];
  const v = verifier({ workers: 1, srs: srsFiles(), onProgress: (e) => progress.push(e) });
  for (const [name, proof, vk] of valid) {
    const r = await v.verifyZkappProof(proof, vk);
    assert.equal(r.valid, true, `${name}: ${r.reason}`);
    assert.equal(r.vkHash, vk.hash, `${name}: vk hash`);
    assert.ok(r.ms.verify > 0 && r.ms.total >= r.ms.worker, `${name}: timings ${JSON.stringify(r.ms)}`);
  }
  // The zkApp transaction form (authorization.proof) reads as maxProofsVerified 2.
  const txForm = { publicInput: zkapp.proof_toJSON.publicInput, publicOutput: [], maxProofsVerified: 2, proof: zkapp.authorization_proof_base64 };
  assert.equal((await v.verifyZkappProof(JSON.stringify(txForm), JSON.stringify(json('zkapp_vk.json')))).valid, true);
  for (const [name, proof, vk] of invalid) {
    const r = await v.verifyZkappProof(proof, vk);
    assert.equal(r.valid, false, name);
    assert.equal(typeof r.reason, 'string');
    assert.ok(r.reason.length > 0);
  }
  // Setup progress: the SRS once, then the Lagrange basis of a domain in repeated use.
  const phases = progress.map((e) => `${e.phase}:${e.state}`);
  assert.deepEqual(phases.slice(0, 4), ['module:start', 'module:done', 'srs:start', 'srs:done']);
  assert.equal(phases.filter((p) => p === 'srs:done').length, 1);
  assert.ok(phases.includes('lagrange:done'), phases.join(' '));
  const stats = v.stats();
  assert.equal(stats.workers[0].completed, valid.length + 1 + invalid.length);
  assert.ok(stats.workers[0].memoryBytes > 32 << 20, `memory ${stats.workers[0].memoryBytes}`);
  assert.ok(stats.lagrangeDomains.length >= 1);
  savedSetup = await v.exportSetup();
  assert.ok(savedSetup.srs.pallas.length > 2_000_000 && savedSetup.srs.vesta.length > 4_000_000);
});

test('package: o1js objects go in as they are (a ZkProgram Proof, a VerificationKey with a Field hash)', slow, async () => {
  const { Field, VerificationKey, ZkProgram } = await import('o1js');
  const Square0 = ZkProgram({
    name: 'square0',
    publicInput: Field,
    methods: { base: { privateInputs: [Field], async method(y, x) { x.mul(x).assertEquals(y); } } },
  });
  class Square0Proof extends ZkProgram.Proof(Square0) {}
  const proof = await Square0Proof.fromJSON(json('square0_base_proof.json'));
  const dummy = await Square0Proof.fromJSON(json('square0_dummy_proof.json'));
  const raw = json('square0_vk.json');
  const vk = new VerificationKey({ data: raw.data, hash: Field(raw.hash) });
  const v = warmVerifier();
  assert.equal(await v.vkHash(vk), raw.hash);
  assert.equal((await v.verifyZkappProof(proof, vk)).valid, true);
  assert.equal((await v.verifyZkappProof(dummy, vk)).valid, false);
});

test('package: vkHash computes o1js hashes; a key whose hash is off is refused', slow, async () => {
  const v = warmVerifier();
  for (const name of ['square0_vk.json', 'square1_vk.json', 'zkapp_vk.json', 'zkapp_proofsdisabled_onchain_vk.json']) {
    const vk = json(name);
    assert.equal(await v.vkHash(vk), vk.hash, name);
    assert.equal(await v.vkHash(vk.data), vk.hash, `${name} (data only)`);
    assert.equal(await v.vkHash({ data: vk.data, hash: BigInt(vk.hash) }), vk.hash, `${name} (bigint hash)`);
  }
  const vk = json('square0_vk.json');
  const wrongHash = { data: vk.data, hash: json('square1_vk.json').hash };
  await assert.rejects(v.verifyZkappProof(json('square0_base_proof.json'), wrongHash), { code: 'vk_hash_mismatch' });
  // Without a hash the key is taken as its data says.
  assert.equal((await v.verifyZkappProof(json('square0_base_proof.json'), vk.data)).valid, true);
});

test('package: malformed inputs are typed errors and never take the pool down', slow, async () => {
  const v = warmVerifier();
  const vk = json('square0_vk.json');
  const proof = json('square0_base_proof.json');
  const cases = [
    ['not JSON', '{"proof": ', vk, 'malformed_json'],
    ['missing fields', { x: 1 }, vk, 'malformed_json'],
    ['garbage proof bytes', { ...proof, proof: 'KChub3QgYSBwcm9vZikp' }, vk, null],
    ['garbage vk data', proof, { data: 'AAAA', hash: '1' }, null],
    ['vk not base64', proof, { data: '!!!', hash: '1' }, null],
    ['non-canonical public input', { ...proof, publicInput: ['1'.repeat(80)] }, vk, null],
    ['number as proof', 42, vk, 'invalid_input'],
    ['null vk', proof, null, 'invalid_input'],
  ];
  for (const [name, p, k, code] of cases) {
    const err = await v.verifyZkappProof(p, k).then(() => null, (e) => e);
    assert.ok(err instanceof VerifierError, `${name}: ${err}`);
    assert.equal(typeof err.code, 'string');
    assert.ok(!['internal', 'worker_crashed', 'timeout'].includes(err.code), `${name}: ${err.code} ${err.message}`);
    if (code) assert.equal(err.code, code, `${name}: ${err.message}`);
  }
  await assert.rejects(v.verifyZkappProof(proof, vk, { maxProofsVerified: 7 }), { code: 'invalid_input' });
  assert.equal((await v.verifyZkappProof(proof, vk)).valid, true);
  assert.equal(v.stats().workers[0].id, 1, 'the same worker served every request');
});

test('package: stateHash of real mainnet blocks equals the hash Mina recorded', slow, async () => {
  const v = warmVerifier();
  const dir = join(fixtures, 'mina', 'precomputed');
  // Post-fork precomputed blocks ({version, data}); their file name ends in the state hash. The
  // post-fork genesis block of this set has placeholder aux hashes (indexer test data): typed.
  const files = readdirSync(dir).filter((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).version !== undefined).slice(0, 8);
  const hashedFiles = [];
  for (const f of files) {
    const expected = f.replace(/\.json$/, '').split('-')[2];
    const blockText = readFileSync(join(dir, f), 'utf8');
    const r = await v.stateHash(blockText).catch((e) => e);
    if (r instanceof VerifierError) {
      assert.equal(r.code, 'invalid_encoding', `${f}: ${r.message}`);
      continue;
    }
    hashedFiles.push(f);
    assert.equal(r.stateHash, expected, f);
    assert.equal(r.source, 'precomputed');
    assert.match(r.previousStateHash, /^3N/);
    // The object form and the bare protocol state give the same hash.
    const block = JSON.parse(blockText);
    assert.equal((await v.stateHash(block)).stateHash, expected);
    assert.equal((await v.stateHash(block.data.protocol_state)).stateHash, expected);
  }
  assert.ok(hashedFiles.length >= 6, `hashed ${hashedFiles.length} of ${files.length}`);
  const tampered = JSON.parse(readFileSync(join(dir, hashedFiles[0]), 'utf8'));
  tampered.data.protocol_state.body.consensus_state.blockchain_length = '1';
  assert.notEqual((await v.stateHash(tampered)).stateHash, hashedFiles[0].replace(/\.json$/, '').split('-')[2]);
  await assert.rejects(v.stateHash('{"data": 1}'), (e) => e instanceof VerifierError && !['internal', 'worker_crashed'].includes(e.code));
  await assert.rejects(v.stateHash(new Uint8Array([1, 2, 3])), (e) => e instanceof VerifierError && !['internal', 'worker_crashed'].includes(e.code));
  await assert.rejects(v.stateHash(17), { code: 'invalid_input' });
});

test('package: verifyBlock — real mainnet blocks verify on mainnet, not on devnet, not once a state field changes', slow, async () => {
  const v = warmVerifier();
  const mina = (f) => join(fixtures, 'mina', f);
  const mainnetIndex = readFileSync(mina('mainnet_blockchain_verifier_index.json'), 'utf8');
  const devnetIndex = JSON.parse(readFileSync(mina('devnet_blockchain_verifier_index.json'), 'utf8'));
  const precomputed = readdirSync(join(fixtures, 'mina', 'precomputed'));
  // The two competing blocks at 359617 that keep their proofs (fixtures/README.md), and the best tip.
  const blocks = ['3NL7rFMq', '3NLXcoYj'].map((prefix) => {
    const f = precomputed.find((n) => n.startsWith(`mainnet-359617-${prefix}`));
    return { name: f, text: readFileSync(join(fixtures, 'mina', 'precomputed', f), 'utf8'), hash: f.replace(/\.json$/, '').split('-')[2], height: 359617 };
  });
  blocks.push({ name: 'best tip', text: readFileSync(mina('mainnet_best_tip_with_proof_359606.json')), height: 359606 });
  for (const b of blocks) {
    const r = await v.verifyBlock(b.text, { network: 'mainnet', verifierIndex: mainnetIndex });
    assert.equal(r.valid, true, `${b.name}: ${r.reason}`);
    assert.equal(r.checks.proof, true);
    assert.equal(r.checks.network, true);
    assert.equal(r.height, b.height);
    if (b.hash) assert.equal(r.stateHash, b.hash);
    assert.ok(r.ms.verify > 0);
  }
  const onDevnet = await v.verifyBlock(blocks[0].text, { network: 'devnet', verifierIndex: devnetIndex });
  assert.equal(onDevnet.valid, false);
  assert.deepEqual([onDevnet.checks.network, onDevnet.checks.proof], [false, false]);
  const tampered = JSON.parse(blocks[0].text);
  tampered.data.protocol_state.body.consensus_state.blockchain_length = '359618';
  const t = await v.verifyBlock(tampered, { network: 'mainnet', verifierIndex: mainnetIndex });
  assert.equal(t.valid, false);
  assert.equal(t.checks.proof, false, 'the proof must not verify for another state');
  assert.notEqual(t.stateHash, blocks[0].hash);
  // Typed refusals: no proof, no index, an unknown network, garbage.
  const stripped = JSON.parse(blocks[0].text);
  delete stripped.data.protocol_state_proof;
  await assert.rejects(v.verifyBlock(stripped, { network: 'mainnet', verifierIndex: mainnetIndex }), { code: 'malformed_json' });
  await assert.rejects(v.verifyBlock(blocks[0].text, { network: 'mainnet' }), { code: 'invalid_input' });
  await assert.rejects(v.verifyBlock(blocks[0].text, { network: 'berkeley', verifierIndex: mainnetIndex }), { code: 'invalid_argument' });
  await assert.rejects(v.verifyBlock(new Uint8Array([9, 9, 9]), { network: 'mainnet', verifierIndex: mainnetIndex }),
    (e) => e instanceof VerifierError && !['internal', 'worker_crashed'].includes(e.code));
  assert.equal(v.stats().workers[0].id, 1);
});

test('package: verifyBatch says which entries fail and why', slow, async () => {
  const v = warmVerifier();
  const good = valid.map(([, proof, vk]) => ({ proof, vk }));
  const all = await v.verifyBatch(good);
  assert.equal(all.valid, true);
  assert.deepEqual(all.results.map((r) => r.valid), good.map(() => true));
  const mixed = await v.verifyBatch([good[0], { proof: invalid[0][1], vk: invalid[0][2] }, { proof: '{}', vk: good[1].vk }, good[2]]);
  assert.equal(mixed.valid, false);
  assert.deepEqual(mixed.results.map((r) => r.valid), [true, false, false, true]);
  assert.equal(typeof mixed.results[1].reason, 'string');
  assert.equal(mixed.results[2].error.code, 'malformed_json');
});

test('package: two workers verify side by side and share a Lagrange basis one of them built', slow, async () => {
  const v = warmVerifier({ workers: 2, lagrange: {} });
  const progress = [];
  v.on('progress', (e) => progress.push(e));
  await v.ready();
  const [proof, vk] = valid[0].slice(1);
  // Two at once: one per worker.
  const pair = await Promise.all([v.verifyZkappProof(proof, vk), v.verifyZkappProof(proof, vk)]);
  assert.deepEqual(pair.map((r) => r.valid), [true, true]);
  assert.deepEqual(pair.map((r) => r.workerId).sort(), [1, 2]);
  // Each worker's second proof of the domain would build the basis; the first to do so shares it.
  const built = await v.verifyZkappProof(proof, vk);
  assert.ok(built.ms.lagrange > 0, 'the second use of the domain builds its basis');
  const domain = progress.find((e) => e.phase === 'lagrange' && e.state === 'done').log2;
  while (!v.stats().lagrangeDomains.includes(domain)) await sleep(5);
  const others = await Promise.all([v.verifyZkappProof(proof, vk), v.verifyZkappProof(proof, vk)]);
  assert.deepEqual(others.map((r) => r.valid), [true, true]);
  assert.deepEqual(others.map((r) => r.ms.lagrange), [0, 0], 'neither worker recomputed the basis');
  assert.equal(progress.filter((e) => e.phase === 'lagrange' && e.state === 'start').length, 1);
});

test('package: a worker killed mid-verification fails its request with worker_crashed; the next succeeds', slow, async () => {
  const v = warmVerifier();
  const exits = [];
  v.on('worker-exit', (e) => exits.push(e));
  await v.ready();
  const pending = v.verifyZkappProof(...valid[2].slice(1));
  while (!v.stats().workers[0].running) await sleep(5);
  await sleep(50);
  v.killWorker(0);
  await assert.rejects(pending, (e) => e instanceof VerifierError && e.code === 'worker_crashed');
  assert.equal(exits.length, 1);
  assert.equal(exits[0].error.code, 'worker_crashed');
  const r = await v.verifyZkappProof(...valid[0].slice(1));
  assert.equal(r.valid, true);
  assert.equal(r.workerId, 2, 'a fresh worker took the dead one\'s place');
});

test('package: a request over its timeout fails with timeout and the worker is replaced', slow, async () => {
  const v = warmVerifier();
  await v.ready();
  await assert.rejects(v.verifyZkappProof(...valid[0].slice(1), { timeoutMs: 20 }), { code: 'timeout' });
  const r = await v.verifyZkappProof(...valid[0].slice(1));
  assert.equal(r.valid, true);
  assert.equal(r.workerId, 2);
});

test('package: cancellation (AbortSignal) of queued, running and already-aborted requests', slow, async () => {
  const v = warmVerifier({ workers: 1 });
  await v.ready();
  const already = new AbortController();
  already.abort();
  await assert.rejects(v.verifyZkappProof(...valid[0].slice(1), { signal: already.signal }), { code: 'cancelled' });

  const first = v.verifyZkappProof(...valid[0].slice(1));
  const queued = new AbortController();
  const second = v.verifyZkappProof(...valid[1].slice(1), { signal: queued.signal });
  assert.equal(v.stats().queued, 1);
  queued.abort();
  await assert.rejects(second, { code: 'cancelled' });
  assert.equal(v.stats().queued, 0);
  assert.equal((await first).valid, true);

  const running = new AbortController();
  const third = v.verifyZkappProof(...valid[2].slice(1), { signal: running.signal });
  while (!v.stats().workers[0].running) await sleep(5);
  const t0 = performance.now();
  running.abort();
  await assert.rejects(third, { code: 'cancelled' });
  assert.ok(performance.now() - t0 < 100, 'a running request is rejected at once');
  assert.equal((await v.verifyZkappProof(...invalid[0].slice(1))).valid, false);
  assert.equal(v.stats().workers[0].id, 1, 'cancelling keeps the worker and its setup');
});

test('package: memoryLimitMb bounds a worker; running out fails with out_of_memory and the worker is replaced', slow, async () => {
  const v = warmVerifier({ memoryLimitMb: 40, lagrange: {} });
  const exits = [];
  v.on('worker-exit', (e) => exits.push(e));
  await assert.rejects(v.verifyZkappProof(...valid[0].slice(1)), { code: 'out_of_memory' });
  assert.ok(v.stats().workers[0].memoryBytes <= 40 << 20);
  while (exits.length === 0) await sleep(5);
  assert.equal(exits[0].error.code, 'out_of_memory');
});

test('package: a setup that cannot be made fails every request with setup_failed', slow, async () => {
  const v = verifier({ srs: { pallas: new Uint8Array([1, 2, 3]), vesta: new Uint8Array([4]) } });
  const err = await v.verifyZkappProof(...valid[0].slice(1)).then(() => null, (e) => e);
  assert.equal(err?.code, 'setup_failed');
  assert.equal(typeof err.cause, 'string');
  await assert.rejects(v.vkHash(json('square0_vk.json')), { code: 'setup_failed' });
  await assert.rejects(v.ready(), { code: 'setup_failed' });
});

test('package: close() rejects pending requests with closed', slow, async () => {
  const v = warmVerifier();
  const pending = assert.rejects(v.verifyZkappProof(...valid[0].slice(1)), { code: 'closed' });
  await v.close();
  await pending;
  await assert.rejects(v.vkHash(json('square0_vk.json')), { code: 'closed' });
});

test('package: the CommonJS entry verifies too and shares the error type', slow, async () => {
  const require = createRequire(import.meta.url);
  const cjs = require('../../js/index.cjs');
  const v = cjs.createVerifier({ srs: savedSetup.srs, lagrange: savedSetup.lagrange });
  open.push(v);
  const r = await v.verifyZkappProof(text('square1_step_proof.json'), text('square1_vk.json'));
  assert.equal(r.valid, true);
  const err = await v.verifyZkappProof('{}', text('square1_vk.json')).then(() => null, (e) => e);
  assert.ok(err instanceof cjs.VerifierError && err instanceof VerifierError);
  assert.equal(err.code, 'malformed_json');
});
