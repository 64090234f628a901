// The verifier's setup (SRS, Lagrange bases) persisted in the node's ChunkStore: a node created
// with a verifier factory stores the setup next to its first verified tip, and a restarted node
// hands it to the new pool, which then loads it instead of regenerating it. A damaged cache chunk
// is detected (checksum), not used, and stored again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { fixtureChain, startFixtureServer } from '../fixtures-server/server.mjs';
import { createVerifier } from '../../js/index.mjs';
import { createNode } from '../../js/lightnode/index.mjs';
import { createStorage } from '../../js/storage/index.mjs';
import { loadVerifierSetup, missingSetup } from '../../js/lightnode/verifier_cache.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const tipName = readdirSync(join(fixtures, 'mina', 'precomputed')).find((f) => f.startsWith('mainnet-359617-3NL7rFMq'));
const TIP = /-(3N\w+)\.json$/.exec(tipName)[1];
const verifierIndex = readFileSync(join(fixtures, 'mina', 'mainnet_blockchain_verifier_index.json'), 'utf8');

const skip = existsSync(join(root, 'dist', 'node', 'mina-verifier.cjs')) ? false : 'no package build in dist/';

// The two recorded blocks that keep their proofs: siblings at 359617, and Mina's fork choice
// prefers 3NLXcoYj… to 3NL7rFMq… (state-hash tie-break), so a node holding the first takes the
// second: each run below verifies one block.
const TIPS = ['mainnet-359617-3NL7rFMq', 'mainnet-359617-3NLXcoYj'].map((p) => {
  const name = readdirSync(join(fixtures, 'mina', 'precomputed')).find((f) => f.startsWith(p));
  return /-(3N\w+)\.json$/.exec(name)[1];
});

// Runs one node until `expect` is its verified tip and persisted; returns what its factory got.
async function runNode(options, expect) {
  const given = [];
  const node = createNode({
    ...options,
    verifier: (setup) => {
      given.push(setup);
      return createVerifier({ workers: 1, ...setup });
    },
  });
  const errors = [];
  node.on('storageError', (e) => errors.push(e));
  const persisted = new Promise((resolve) => node.on('persisted', (p) => p.stateHash === expect && resolve()));
  await node.start();
  const tip = await node.waitForTip({ stateHash: expect, timeoutMs: 150_000 });
  await persisted;
  const source = node.setupSource;
  await node.close();
  return { given, errors, source, tip };
}

test('node: the verifier setup is stored with the first tip and reused after a restart', { skip, timeout: 400_000 }, async (t) => {
  const peers = await Promise.all(TIPS.map((h) => startFixtureServer({ chain: fixtureChain(fixtures, h, 2) })));
  t.after(() => Promise.all(peers.map((p) => p.close())));
  const dir = mkdtempSync(join(tmpdir(), 'mina-node-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const base = { network: 'mainnet', verifierIndex, storage: { backend: 'files', dir }, tickMs: 50 };
  const run = (i) => runNode({ ...base, peers: [{ url: peers[i].url, id: `peer-${i}` }] }, TIPS[i]);

  const t0 = performance.now();
  const first = await run(0);
  const coldMs = performance.now() - t0;
  assert.equal(first.source, 'fresh');
  assert.deepEqual(first.given, [{}], 'nothing stored yet: the factory gets an empty setup');
  assert.equal(first.tip.stateHash, TIPS[0]);

  const cacheDir = join(dir, 'verifier-cache');
  let store = await createStorage({ backend: 'files', dir: cacheDir });
  const stored = await loadVerifierSetup(store);
  assert.ok(stored?.srs, 'the SRS cache is stored');
  assert.equal(stored.srs.format, 'cache');
  assert.ok(stored.srs.pallas.length > 1 << 20 && stored.srs.vesta.length > 1 << 20);
  // Lagrange bases only when the verifier built one: block proofs commit their public input
  // directly (one small MSM), so a node that verified only blocks stores none.
  const domains = Object.keys(stored.lagrange);
  await store.close();

  // A restart: the tip from storage, the verifier from the stored setup, and the next block
  // verified with it.
  const t1 = performance.now();
  const second = await run(1);
  const warmMs = performance.now() - t1;
  assert.equal(second.source, 'storage');
  assert.equal(second.given.length, 1);
  assert.equal(second.given[0].srs.format, 'cache');
  assert.deepEqual(Object.keys(second.given[0].lagrange), domains);
  assert.equal(second.tip.stateHash, TIPS[1]);
  t.diagnostic(`first start to a persisted verified tip: ${coldMs.toFixed(0)} ms; restart + next block with the stored setup: ${warmMs.toFixed(0)} ms`);

  // Flip a byte in the stored Pallas SRS chunk: detected at load, not handed to the verifier,
  // and stored again after the next verified tip.
  const file = readdirSync(cacheDir, { recursive: true }).map(String).find((f) => f.includes('srs-pallas'));
  assert.ok(file, 'the SRS chunk is a file of the store');
  const path = join(cacheDir, file);
  const bytes = readFileSync(path);
  bytes[bytes.length >> 1] ^= 0x40;
  writeFileSync(path, bytes);
  // Forget the tip (not the setup), so the node verifies again.
  store = await createStorage({ backend: 'files', dir });
  store.delete('node/tip');
  store.delete('node/window');
  await store.commit();
  await store.close();
  const third = await run(1);
  assert.equal(third.source, 'fresh', 'a damaged SRS chunk is not used');
  assert.equal(third.given[0].srs, undefined);
  assert.ok(third.errors.some((e) => e.code === 'corrupt_chunk'), 'the damage is reported');

  store = await createStorage({ backend: 'files', dir: cacheDir });
  const healed = await loadVerifierSetup(store);
  assert.ok(healed?.srs, 'the SRS was stored again');
  assert.equal(Buffer.compare(Buffer.from(healed.srs.pallas), Buffer.from(stored.srs.pallas)), 0);
  await store.close();
});

test('verifier cache: missingSetup names what a store lacks', async () => {
  const store = await createStorage({ backend: 'memory' });
  const verifier = { lagrangeDomains: () => [14, 15] };
  assert.deepEqual(missingSetup(store, verifier), { srs: true, lagrange: [14, 15] });
  store.put('verifier/srs-pallas', new Uint8Array(1));
  store.put('verifier/srs-vesta', new Uint8Array(1));
  store.put('verifier/lagrange/14', new Uint8Array(1));
  await store.commit();
  assert.deepEqual(missingSetup(store, verifier), { srs: false, lagrange: [15] });
  assert.equal(await loadVerifierSetup(await createStorage({ backend: 'memory' })), undefined);
});
