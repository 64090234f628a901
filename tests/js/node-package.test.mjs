// The light node on the package's own road: createNode({network, peers, verifier, verifierIndex,
// storage}) with the WASM worker pool (createVerifier) verifying blocks and computing state hashes
// — what a browser app would run — against real GraphQL peers on 127.0.0.1, storage in files.
// Skipped when the package's WASM build (dist/) has no verifyBlock yet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { fixtureChain, startFixtureServer } from '../fixtures-server/server.mjs';
import { createVerifier } from '../../js/index.mjs';
import { createNode, PeerStatus } from '../../js/lightnode/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const tipName = readdirSync(join(fixtures, 'mina', 'precomputed')).find((f) => f.startsWith('mainnet-359617-3NL7rFMq'));
const TIP = /-(3N\w+)\.json$/.exec(tipName)[1];
const verifierIndex = readFileSync(join(fixtures, 'mina', 'mainnet_blockchain_verifier_index.json'), 'utf8');

const skip = existsSync(join(root, 'dist', 'node', 'mina-verifier.cjs')) ? false : 'no package build in dist/';

let verifier;
before(() => {
  if (!skip) verifier = createVerifier({ workers: 1 });
});
after(() => verifier?.close());

test('node (package verifier): bootstraps through the WASM pool, bans a tampered-state peer, restarts from files', { skip, timeout: 180_000 }, async (t) => {
  const chain = fixtureChain(fixtures, TIP, 4);
  const honest = await startFixtureServer({ chain });
  const liar = await startFixtureServer({
    chain,
    rewrite: (answer) => {
      answer.data.bestChain.at(-1).protocolState.consensusState.totalCurrency += '0';
      return answer;
    },
  });
  t.after(() => Promise.all([honest.close(), liar.close()]));
  const dir = mkdtempSync(join(tmpdir(), 'mina-node-pkg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  // Probe: an older dist/ without the binding rejects; then there is nothing to test here.
  try {
    await verifier.stateHash(JSON.stringify({ data: { bestChain: [chain[0]] } }));
  } catch (e) {
    t.skip(`package stateHash unavailable: ${e.code}`);
    return;
  }

  const peers = [{ url: liar.url, id: 'a-liar' }, { url: honest.url, id: 'b-honest' }];
  const options = { network: 'mainnet', peers, verifier, verifierIndex, storage: { backend: 'files', dir }, fanout: 2, tickMs: 50 };
  const node = createNode(options);
  const t0 = performance.now();
  await node.start();
  const tip = await node.waitForTip({ timeoutMs: 150_000 });
  t.diagnostic(`bootstrap through the WASM pool (setup included): ${(performance.now() - t0).toFixed(0)} ms`);
  assert.equal(tip.stateHash, TIP);
  while (node.peers().find((p) => p.id === 'a-liar').status !== PeerStatus.BANNED) {
    assert.ok(node.machine.inflight.size > 0, 'the liar was not judged');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(node.peers().find((p) => p.id === 'a-liar').lastError, /^invalid_block:/);
  assert.equal(node.peers().find((p) => p.id === 'b-honest').status, PeerStatus.GOOD);
  await node.close();

  const t1 = performance.now();
  const again = createNode({ ...options, peers: [] });
  const restored = await again.start();
  t.diagnostic(`restart to the stored tip: ${(performance.now() - t1).toFixed(1)} ms`);
  assert.deepEqual(restored, { stateHash: TIP, height: 359617, source: 'storage' });
  await again.close();
});
