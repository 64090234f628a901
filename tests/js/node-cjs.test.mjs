// createNode from the CommonJS entry: the facade waits for the ES module node, listeners added
// before it loaded still fire, and the node syncs from a real GraphQL peer. Block verification is
// stubbed here (the node's checks are tested in node.test.mjs); this is about the entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { fixtureChain, startFixtureServer } from '../fixtures-server/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const require = createRequire(import.meta.url);

test('CommonJS entry: createNode syncs through the facade; early listeners fire; bad options reject start()', async (t) => {
  const mw = require(join(root, 'js', 'index.cjs'));
  assert.equal(typeof mw.createNode, 'function');
  assert.equal(typeof mw.createVerifier, 'function');
  const chain = fixtureChain(fixtures, '3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc', 3);
  const s = await startFixtureServer({ chain });
  t.after(() => s.close());
  const tip = chain.at(-1);
  const checker = {
    name: 'stub',
    verifyBlock: async () => ({ valid: true, stateHash: tip.stateHash, height: 359617 }),
    stateHash: async (b) => ({ stateHash: chain.find((c) => c.protocolState.previousStateHash === b.data.protocol_state.previous_state_hash).stateHash }),
    selectChain: async () => ({ take: false, rule: 'stub' }),
  };
  const node = mw.createNode({ network: 'mainnet', peers: [s.url], checker, tickMs: 50 });
  const seen = [];
  node.on('tipChanged', (e) => seen.push(e.stateHash));
  assert.equal(node.tip, undefined);
  await node.start();
  const got = await node.waitForTip({ timeoutMs: 10_000 });
  assert.equal(got.stateHash, tip.stateHash);
  assert.deepEqual(seen, [tip.stateHash]);
  assert.equal(node.tip.stateHash, tip.stateHash);
  assert.equal(node.window.length, 3);
  await node.close();

  const bad = mw.createNode({ network: 'mainnet' });
  await assert.rejects(bad.start(), (e) => e.code === 'invalid_argument');
});
