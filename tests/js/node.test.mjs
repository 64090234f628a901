// The light node end to end in Node.js: real HTTP GraphQL peers on 127.0.0.1 (tests/fixtures-server)
// serve recorded mainnet blocks; the node verifies the tip's proof with the core (the native CLI
// checker: verify-block, state-hash, fork-choice, verify-account), bans lying peers, times out
// stalled ones, prefers server peers, and restarts from its file storage without the network.
//
// The blocks: the mainnet chain 359610…359617 ending at 3NL7rFMq… (its tip keeps its protocol
// state proof), and the competing 359617 block 3NLXcoYj… on the same parent (also with a proof).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { answerQuery, fixtureChain, startFixtureServer } from '../fixtures-server/server.mjs';
import { createNode, PeerStatus } from '../../js/lightnode/index.mjs';
import { cliChecker } from '../../js/lightnode/cli_checker.mjs';
import { ChunkStore, MemoryBackend, StorageError, createStorage } from '../../js/storage/index.mjs';
import { precomputedFromGraphqlBlock as toPrecomputed } from '../../js/peers/block_form.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const precomputedDir = join(fixtures, 'mina', 'precomputed');
const hashOf = (prefix) => {
  const name = readdirSync(precomputedDir).find((f) => f.startsWith(prefix));
  assert.ok(name, `fixture ${prefix}*`);
  return /-(3N\w+)\.json$/.exec(name)[1];
};
const TIP_A = hashOf('mainnet-359617-3NL7rFMq'); // the chain's tip
const TIP_B = hashOf('mainnet-359617-3NLXcoYj'); // competing block, same parent
const WINDOW = 8;

// A native CLI that has verify-block: $MINA_NATIVE_CLI, build/native, or build/node-native.
function findCli() {
  for (const c of [process.env.MINA_NATIVE_CLI, join(root, 'build', 'native', 'mina-webnode'), join(root, 'build', 'node-native', 'mina-webnode')]) {
    if (!c || !existsSync(c)) continue;
    const r = spawnSync(c, ['verify-block'], { encoding: 'utf8' });
    if (!/unknown command/.test(r.stdout)) return c;
  }
  return undefined;
}
const cli = findCli();
const skip = cli ? false : 'no native CLI with verify-block (build build/native)';

// One checker for every test: its SRS cache is filled once (~7 s), then each verification is a
// process with ~0.1 s setup and ~2.5 s of verifying.
const cacheDir = join(tmpdir(), 'mina-node-test-cache');
let checker;
let chainA;
let chainB;
before(() => {
  mkdirSync(cacheDir, { recursive: true });
  if (cli) checker = cliChecker({ cli, network: 'mainnet', cacheDir });
  chainA = fixtureChain(fixtures, TIP_A, WINDOW);
  chainB = [...chainA.slice(0, -1), ...fixtureChain(fixtures, TIP_B, 1)];
});
after(() => checker?.close());

const tempDir = (t) => {
  const d = mkdtempSync(join(tmpdir(), 'mina-node-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
};

async function server(t, options) {
  const s = await startFixtureServer({ chain: chainA, ...options });
  t.after(() => s.close());
  return s;
}

function node(t, options) {
  const n = createNode({ network: 'mainnet', checker, requestTimeoutMs: 20_000, tickMs: 50, ...options });
  const log = { tips: [], peers: [], progress: [] };
  n.on('tipChanged', (e) => log.tips.push(e));
  n.on('peerState', (e) => log.peers.push(e));
  n.on('syncProgress', (e) => log.progress.push(e));
  t.after(() => n.close());
  return { node: n, log };
}

const peerById = (n, id) => n.peers().find((p) => p.id === id);

test('node: bootstraps from a server peer to the verified tip, with the hash-linked window', { skip }, async (t) => {
  const s = await server(t);
  const { node: n, log } = node(t, { peers: [s.url] });
  const t0 = performance.now();
  await n.start();
  const tip = await n.waitForTip({ timeoutMs: 60_000 });
  const ms = performance.now() - t0;
  t.diagnostic(`bootstrap to a verified tip: ${ms.toFixed(0)} ms`);
  assert.equal(tip.stateHash, TIP_A);
  assert.equal(tip.height, 359617);
  assert.equal(tip.source, 'network');
  assert.deepEqual(log.tips.map((e) => e.stateHash), [TIP_A]);
  // The window: every block's computed hash is the fixture's name, linked to its parent.
  const w = n.window;
  assert.equal(w.length, WINDOW);
  assert.deepEqual(w.map((b) => b.stateHash), chainA.map((b) => b.stateHash));
  for (let i = 1; i < w.length; i++) {
    assert.equal(w[i].previousStateHash, w[i - 1].stateHash);
    assert.equal(w[i].height, w[i - 1].height + 1);
  }
  const peer = peerById(n, s.url);
  assert.equal(peer.status, PeerStatus.GOOD);
  assert.equal(peer.lies, 0);
  assert.ok(log.progress.some((p) => p.phase === 'verifying') && log.progress.some((p) => p.phase === 'synced'));
});

// A liar and an honest peer asked together; the liar's block must be rejected, the liar banned.
async function liarTest(t, rewrite, expectReason) {
  const liar = await server(t, { rewrite });
  const honest = await server(t);
  const { node: n, log } = node(t, { peers: [{ url: liar.url, id: 'a-liar' }, { url: honest.url, id: 'b-honest' }], fanout: 2 });
  await n.start();
  const tip = await n.waitForTip({ timeoutMs: 60_000 });
  // Wait until the liar's answer has been judged too.
  while (peerById(n, 'a-liar').status !== PeerStatus.BANNED) {
    assert.ok(n.machine.inflight.size > 0, `the liar was not banned: ${JSON.stringify(peerById(n, 'a-liar'))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(tip.stateHash, TIP_A);
  assert.deepEqual(log.tips.map((e) => [e.stateHash, e.peer]), [[TIP_A, 'b-honest']]);
  const l = peerById(n, 'a-liar');
  assert.equal(l.lies, 1);
  assert.match(l.lastError, expectReason);
  assert.ok(l.bannedUntil > Date.now());
  assert.equal(peerById(n, 'b-honest').status, PeerStatus.GOOD);
  // A banned peer is not asked again in the next round.
  const before = liar.requests;
  n.machine.nextPollAt = 0;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(liar.requests, before);
  return n;
}

test('node: a peer serving a tampered protocol state (same claimed hash) is banned; the honest tip is adopted', { skip }, async (t) => {
  await liarTest(
    t,
    (answer) => {
      const tip = answer.data.bestChain.at(-1);
      tip.protocolState.blockchainState.timestamp = String(BigInt(tip.protocolState.blockchainState.timestamp) + 1n);
      return answer;
    },
    /^invalid_block:/,
  );
});

test('node: a peer serving another block\'s proof with the tip\'s state is banned', { skip }, async (t) => {
  const otherProof = chainB.at(-1).protocolStateProof;
  assert.notDeepEqual(otherProof, chainA.at(-1).protocolStateProof);
  await liarTest(
    t,
    (answer) => {
      answer.data.bestChain.at(-1).protocolStateProof = otherProof;
      return answer;
    },
    /^invalid_block:/,
  );
});

test('node: a peer on another network (networkID) is banned without verifying anything', { skip }, async (t) => {
  await liarTest(t, (answer) => ({ data: { ...answer.data, networkID: 'mina:devnet' } }), /^wrong_network$/);
});

test('node: a devnet node refuses mainnet blocks from a peer claiming devnet (genesis, constants, key) and bans it', { skip }, async (t) => {
  const s = await server(t, { networkID: 'mina:devnet' });
  const devnet = cliChecker({ cli, network: 'devnet', cacheDir });
  t.after(() => devnet.close());
  const { node: n, log } = node(t, { network: 'devnet', checker: devnet, peers: [s.url] });
  const banned = new Promise((r) => n.on('peerState', (p) => p.status === PeerStatus.BANNED && r(p)));
  await n.start();
  const p = await banned;
  assert.match(p.lastError, /^invalid_block:/);
  assert.equal(n.tip, undefined);
  assert.deepEqual(log.tips, []);
});

test('node: a peer whose window does not hash-link to the verified tip is banned', { skip }, async (t) => {
  await liarTest(
    t,
    (answer) => {
      // A parent block from elsewhere in the chain, still claiming its real hash.
      const chain = answer.data.bestChain;
      [chain[2], chain[3]] = [chain[3], chain[2]];
      return answer;
    },
    /^broken_chain$/,
  );
});

test('node: a stalled peer times out and the next peer is asked', { skip }, async (t) => {
  const stalled = await server(t, { delayMs: 30_000 });
  const honest = await server(t);
  const { node: n } = node(t, { peers: [{ url: stalled.url, id: 'a-stalled' }, { url: honest.url, id: 'b-honest' }], fanout: 1, requestTimeoutMs: 400 });
  const t0 = performance.now();
  await n.start();
  const tip = await n.waitForTip({ timeoutMs: 60_000 });
  assert.equal(tip.stateHash, TIP_A);
  assert.equal(stalled.requests, 1);
  const s = peerById(n, 'a-stalled');
  assert.equal(s.failures, 1);
  assert.equal(s.lastError, 'timeout');
  assert.equal(s.lies, 0); // slow is not dishonest
  assert.ok(s.score < peerById(n, 'b-honest').score);
  t.diagnostic(`tip after one 400 ms timeout: ${(performance.now() - t0).toFixed(0)} ms`);
});

test('node: with only webnode-kind peers it still syncs; with both kinds server peers are asked first', { skip }, async (t) => {
  const calls = [];
  const webnode = (peer, body) => {
    calls.push(peer.id);
    return Promise.resolve(answerQuery(body, { chain: chainA }).data);
  };
  const only = node(t, { peers: [{ id: 'w1', kind: 'webnode' }, { id: 'w2', kind: 'webnode' }], transports: { webnode }, fanout: 1 });
  await only.node.start();
  assert.equal((await only.node.waitForTip({ timeoutMs: 60_000 })).stateHash, TIP_A);
  assert.deepEqual(calls, ['w1']);

  calls.length = 0;
  const s = await server(t);
  const both = node(t, { peers: [{ id: 'w1', kind: 'webnode' }, { url: s.url, id: 'z-server' }], transports: { webnode }, fanout: 1 });
  await both.node.start();
  const tip = await both.node.waitForTip({ timeoutMs: 60_000 });
  assert.equal(tip.stateHash, TIP_A);
  assert.equal(s.requests, 1);
  assert.deepEqual(calls, []); // the server peer answered; the webnode was never needed
  assert.equal(both.log.tips[0].peer, 'z-server');
});

test('node: two honest peers with competing tips end on the core fork choice\'s pick, whichever comes first', { skip }, async (t) => {
  const a = await server(t);
  const b = await server(t, { chain: chainB });
  // What the core's fork choice prefers, asked directly.
  const pick = (await checker.selectChain(...[chainA, chainB].map((c) => toPrecomputed(c.at(-1))))).take ? TIP_B : TIP_A;
  const { node: n, log } = node(t, { peers: [{ url: a.url, id: 'a' }, { url: b.url, id: 'b' }], fanout: 2 });
  await n.start();
  await n.waitForTip({ stateHash: pick, timeoutMs: 60_000 });
  while (n.machine.inflight.size > 0) await new Promise((r) => setTimeout(r, 50));
  assert.equal(n.tip.stateHash, pick);
  assert.equal(log.tips.at(-1).stateHash, pick);
  assert.equal(peerById(n, 'a').lies + peerById(n, 'b').lies, 0);
  // The window ends at the pick and shares the parent.
  assert.equal(n.window.at(-1).stateHash, pick);
  assert.equal(n.window.at(-2).stateHash, chainA.at(-2).stateHash);
});

test('node: restart from file storage shows the stored verified tip at once, without the network', { skip }, async (t) => {
  const dir = tempDir(t);
  const s = await server(t);
  {
    const storage = await createStorage({ backend: 'files', dir });
    const { node: n } = node(t, { peers: [s.url], storage });
    const persisted = new Promise((r) => n.once('persisted', r));
    await n.start();
    await n.waitForTip({ timeoutMs: 60_000 });
    const p = await persisted;
    assert.equal(p.stateHash, TIP_A);
    await n.close();
    await storage.close();
  }
  await s.close(); // no network from here on
  const t0 = performance.now();
  const storage = await createStorage({ backend: 'files', dir });
  const { node: n, log } = node(t, { peers: [s.url], storage });
  const tip = await n.start();
  const ms = performance.now() - t0;
  t.diagnostic(`restart to the stored verified tip: ${ms.toFixed(1)} ms`);
  assert.deepEqual(tip, { stateHash: TIP_A, height: 359617, source: 'storage' });
  assert.deepEqual(log.tips, [{ stateHash: TIP_A, height: 359617, source: 'storage' }]);
  assert.equal(n.window.length, WINDOW);
  assert.equal(n.window.at(-1).stateHash, TIP_A);
  assert.equal(peerById(n, s.url).successes, 1); // the peer's record came back too
  assert.ok(ms < 1000, `restart took ${ms} ms`);
  // The unreachable peer is a failure, not a lie, and the stored tip stays.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(peerById(n, s.url).lies, 0);
  assert.equal(n.tip.stateHash, TIP_A);
  await n.close();
  await storage.close();
});

test('node: follows its peer to a better tip on the next poll; a flipped byte in the newest stored tip falls back to the one before', { skip }, async (t) => {
  const dir = tempDir(t);
  const options = { chain: chainA }; // mutable: the server reads options.chain on each request
  const s = await startFixtureServer(options);
  t.after(() => s.close());
  // What the core's fork choice says about B against A (the poll must follow it).
  const takeB = (await checker.selectChain(toPrecomputed(chainA.at(-1)), toPrecomputed(chainB.at(-1)))).take;
  const [first, second] = takeB ? [TIP_A, TIP_B] : [TIP_B, TIP_A];
  options.chain = first === TIP_A ? chainA : chainB;
  const storage = await createStorage({ backend: 'files', dir });
  const { node: n, log } = node(t, { peers: [s.url], storage, pollIntervalMs: 200 });
  await n.start();
  await n.waitForTip({ stateHash: first, timeoutMs: 60_000 });
  options.chain = second === TIP_A ? chainA : chainB; // the peer's best chain moves
  await n.waitForTip({ stateHash: second, timeoutMs: 60_000 });
  assert.deepEqual(log.tips.map((e) => e.stateHash), [first, second]);
  assert.match(log.tips[1].rule, /^short_range_/);
  await n.close();
  await storage.close();

  // Flip one byte of the newest generation's tip chunk.
  const chunks = join(dir, 'chunks');
  const tipFiles = readdirSync(chunks).filter((f) => f.startsWith('node%2Ftip@')).sort((a, b) => Number(/@(\d+)/.exec(b)[1]) - Number(/@(\d+)/.exec(a)[1]));
  assert.ok(tipFiles.length >= 2, `two generations kept: ${tipFiles}`);
  const newest = join(chunks, tipFiles[0]);
  const bytes = readFileSync(newest);
  bytes[bytes.length >> 1] ^= 0x01;
  writeFileSync(newest, bytes);

  const again = await createStorage({ backend: 'files', dir });
  t.after(() => again.close());
  assert.ok(again.openReport.skipped.length >= 1, 'the damaged generation was passed over');
  const { node: m } = node(t, { peers: [], storage: again });
  const tip = await m.start();
  assert.deepEqual(tip, { stateHash: first, height: 359617, source: 'storage' });
});

test('node: a storage quota error is reported and the node keeps its verified tip', { skip }, async (t) => {
  const s = await server(t);
  const backend = await MemoryBackend.create();
  backend.commit = async () => {
    throw new StorageError('quota_exceeded', 'no room');
  };
  const storage = await ChunkStore.open(backend);
  const { node: n } = node(t, { peers: [s.url], storage });
  const reported = new Promise((r) => n.once('storageError', r));
  await n.start();
  const tip = await n.waitForTip({ timeoutMs: 60_000 });
  assert.deepEqual(await reported, { code: 'quota_exceeded', message: 'no room' });
  assert.equal(tip.stateHash, TIP_A);
  assert.equal(n.tip.stateHash, TIP_A);
});
