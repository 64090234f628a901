// The light node's state machine alone (C++ core/node through its WASM module, the way the driver
// runs it: js/lightnode/machine.mjs): events in, actions out, no I/O and no clock, so every rule is
// checked by replaying events. Verdicts here are written by the test (the verifier itself is
// exercised in node.test.mjs). The same rules are replayed natively in tests/unit/node.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { existsSync } from 'node:fs';
import { createNodeMachine, NodeCoreError, RECORD_VERSION } from '../../js/lightnode/machine.mjs';
import { PeerStatus } from '../../js/peers/peer.mjs';

const skip = existsSync(new URL('../../dist/node/mina-node-core.cjs', import.meta.url)) ? false : 'no node core build in dist/ (bash scripts/build.sh)';

const block = (hash, prev, height) => ({ stateHash: hash, protocolState: { previousStateHash: prev, consensusState: { blockchainLength: String(height) } } });
const CHAIN = [block('3Na', '3N0', 10), block('3Nb', '3Na', 11), block('3Nc', '3Nb', 12)];
const verdictFor = (blocks, { valid = true, reason } = {}) => ({
  tip: { valid, reason, stateHash: blocks.at(-1).stateHash, height: Number(blocks.at(-1).protocolState.consensusState.blockchainLength) },
  hashes: blocks.map((b) => ({ stateHash: b.stateHash, previousStateHash: b.protocolState.previousStateHash, height: Number(b.protocolState.consensusState.blockchainLength) })),
});

const of = (actions, type) => actions.filter((a) => a.type === type);
const emitted = (actions, event) => actions.filter((a) => a.type === 'emit' && a.event === event).map((a) => a.data);

async function started(options = {}) {
  const m = await createNodeMachine({ network: 'mainnet', peers: ['http://a', 'http://b'], fanout: 1, requestTimeoutMs: 1000, ...options });
  assert.deepEqual(m.handle({ type: 'start', now: 0 }), [{ type: 'load' }]);
  const actions = m.handle({ type: 'loaded', now: 0, record: options.record ?? null });
  return { m, actions };
}

test('machine: bootstrap asks the first ranked peer, verifies its chain, adopts and persists', { skip }, async () => {
  const { m, actions } = await started();
  const [fetch] = of(actions, 'fetch');
  assert.deepEqual(fetch.request, { kind: 'bestChain', maxLength: 8 });
  assert.equal(fetch.peerId, 'http://a');
  const v = of(m.handle({ type: 'answer', id: fetch.id, now: 40, data: { networkID: 'mina:mainnet', bestChain: CHAIN } }), 'verify');
  assert.equal(v.length, 1);
  assert.equal(m.tip, undefined); // nothing adopted before the verdict
  const out = m.handle({ type: 'verified', id: v[0].id, now: 2000, verdict: verdictFor(CHAIN) });
  assert.deepEqual(emitted(out, 'tipChanged'), [{ stateHash: '3Nc', height: 12, source: 'network', peer: 'http://a', rule: 'first' }]);
  const [persist] = of(out, 'persist');
  assert.equal(persist.record.version, RECORD_VERSION);
  assert.equal(persist.record.tip.stateHash, '3Nc');
  assert.deepEqual(persist.record.window.map((w) => w.stateHash), ['3Na', '3Nb', '3Nc']);
  const peer = m.peers.get('http://a');
  assert.equal(peer.status, PeerStatus.GOOD);
  assert.equal(peer.latencyMs, 40); // the answer's latency, not the verification's
});

test('machine: the same events give the same actions (replay)', { skip }, async () => {
  const run = async () => {
    const { m, actions } = await started();
    const log = [actions];
    const f = of(actions, 'fetch')[0];
    const a = m.handle({ type: 'answer', id: f.id, now: 5, data: { bestChain: CHAIN } });
    log.push(a, m.handle({ type: 'verified', id: of(a, 'verify')[0].id, now: 9, verdict: verdictFor(CHAIN, { valid: false, reason: 'proof' }) }));
    log.push(m.handle({ type: 'tick', now: 5000 }));
    return log;
  };
  assert.deepEqual(await run(), await run());
});

test('machine: an invalid verdict, a hash that is not the claimed one, a broken link: never adopted, peer banned, next peer asked', { skip }, async () => {
  const cases = [
    ['invalid_block:proof', CHAIN, verdictFor(CHAIN, { valid: false, reason: 'proof' })],
    ['invalid_block:network', CHAIN, verdictFor(CHAIN, { valid: false, reason: 'network' })],
    ['claimed_hash', CHAIN, (() => { const v = verdictFor(CHAIN); v.hashes[0].stateHash = '3Nx'; return v; })()],
    ['invalid_block:tip_hash', CHAIN, (() => { const v = verdictFor(CHAIN); v.tip.stateHash = '3Nz'; return v; })()],
    ['broken_chain', [CHAIN[0], block('3Nb', '3Nq', 11), CHAIN[2]], null],
  ];
  for (const [reason, blocks, verdict] of cases) {
    const { m, actions } = await started();
    const f = of(actions, 'fetch')[0];
    const [v] = of(m.handle({ type: 'answer', id: f.id, now: 1, data: { bestChain: blocks } }), 'verify');
    const out = m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdict ?? verdictFor(blocks) });
    assert.equal(m.tip, undefined, reason);
    assert.equal(of(out, 'persist').length, 0, reason);
    const a = m.peers.get('http://a');
    assert.equal(a.status, PeerStatus.BANNED, reason);
    assert.equal(a.lastError, reason);
    assert.deepEqual(of(out, 'fetch').map((x) => x.peerId), ['http://b'], reason);
  }
});

test('machine: an unreadable block is a failure, not a lie; a wrong networkID is a lie before any verification', { skip }, async () => {
  let { m, actions } = await started();
  let [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  m.handle({ type: 'verified', id: v.id, now: 2, error: { code: 'malformed_json' } });
  assert.equal(m.peers.get('http://a').lies, 0);
  assert.equal(m.peers.get('http://a').failures, 1);

  ({ m, actions } = await started());
  const out = m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { networkID: 'mina:devnet', bestChain: CHAIN } });
  assert.equal(of(out, 'verify').length, 0);
  assert.equal(m.peers.get('http://a').status, PeerStatus.BANNED);
  assert.equal(m.peers.get('http://a').lastError, 'wrong_network');
});

test('machine: a request past its deadline fails on tick, the next peer is asked, the late answer is ignored', { skip }, async () => {
  const { m, actions } = await started();
  const f = of(actions, 'fetch')[0];
  assert.equal(of(m.handle({ type: 'tick', now: 999 }), 'fetch').length, 0);
  const out = m.handle({ type: 'tick', now: 1000 });
  assert.equal(m.peers.get('http://a').lastError, 'timeout');
  assert.deepEqual(of(out, 'fetch').map((x) => x.peerId), ['http://b']);
  assert.deepEqual(m.handle({ type: 'answer', id: f.id, now: 1500, data: { bestChain: CHAIN } }), []);
});

test('machine: a stored tip is shown at once; a new verified chain replaces it only through fork choice', { skip }, async () => {
  const record = { version: RECORD_VERSION, network: 'mainnet', tip: { stateHash: '3Nb', height: 11, block: CHAIN[1] }, window: verdictFor(CHAIN.slice(0, 2)).hashes, peers: [] };
  const { m, actions } = await started({ record });
  assert.deepEqual(emitted(actions, 'tipChanged'), [{ stateHash: '3Nb', height: 11, source: 'storage' }]);
  assert.equal(actions[0].type, 'emit'); // before any request
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  const out = m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdictFor(CHAIN) });
  assert.equal(m.tip.stateHash, '3Nb');
  const [select] = of(out, 'select');
  assert.deepEqual(select.tip, CHAIN[1]);
  assert.deepEqual(select.candidate, CHAIN[2]);
  // Kept: nothing changes.
  const kept = m.handle({ type: 'selected', id: select.id, now: 3, take: false, rule: 'short_range_vrf' });
  assert.equal(emitted(kept, 'tipChanged').length, 0);
  assert.equal(m.tip.stateHash, '3Nb');
});

test('machine: fork choice taken extends the window; a stored record of another network is ignored', { skip }, async () => {
  const record = { version: RECORD_VERSION, network: 'mainnet', tip: { stateHash: '3Nb', height: 11, block: CHAIN[1] }, window: verdictFor(CHAIN.slice(0, 2)).hashes, peers: [] };
  const { m, actions } = await started({ record, k: 3 });
  const next = [block('3Nc', '3Nb', 12), block('3Nd', '3Nc', 13)];
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: next } }), 'verify');
  const [select] = of(m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdictFor(next) }), 'select');
  const out = m.handle({ type: 'selected', id: select.id, now: 3, take: true, rule: 'short_range_length' });
  assert.equal(m.tip.stateHash, '3Nd');
  assert.deepEqual(m.window.map((w) => w.stateHash), ['3Nb', '3Nc', '3Nd']); // joined, cut to k
  assert.equal(of(out, 'persist').length, 1);

  const other = await started({ record: { ...record, network: 'devnet' } });
  assert.equal(other.m.tip, undefined);
  assert.equal(emitted(other.actions, 'tipChanged').length, 0);
});

test('machine: two peers with the identical chain share one verification; different chains claiming one hash do not', { skip }, async () => {
  const { m, actions } = await started({ fanout: 2 });
  const [fa, fb] = of(actions, 'fetch');
  const va = of(m.handle({ type: 'answer', id: fa.id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  const vb = of(m.handle({ type: 'answer', id: fb.id, now: 2, data: { bestChain: structuredClone(CHAIN) } }), 'verify');
  assert.equal(va.length, 1);
  assert.equal(vb.length, 0);
  m.handle({ type: 'verified', id: va[0].id, now: 3, verdict: verdictFor(CHAIN) });
  assert.equal(m.peers.get('http://b').status, PeerStatus.GOOD);

  const second = await started({ fanout: 2 });
  const [ga, gb] = of(second.actions, 'fetch');
  const forged = structuredClone(CHAIN);
  forged[2].protocolState.consensusState.blockchainLength = '99';
  assert.equal(of(second.m.handle({ type: 'answer', id: ga.id, now: 1, data: { bestChain: CHAIN } }), 'verify').length, 1);
  assert.equal(of(second.m.handle({ type: 'answer', id: gb.id, now: 1, data: { bestChain: forged } }), 'verify').length, 1);
});

test('peers: server before webnode, demoted after two failures, banned left out until the ban ends (on tick)', { skip }, async () => {
  const peers = [{ id: 'w', kind: 'webnode' }, 'http://s1', 'http://s2', 'http://s3'];
  const { m, actions } = await started({ peers, fanout: 4, banMs: 1000 });
  const fetches = of(actions, 'fetch');
  assert.deepEqual(fetches.map((f) => f.peerId), ['http://s1', 'http://s2', 'http://s3', 'w']);
  // s1 fails twice (demoted), s2 lies (banned for 1000 ms), s3 agrees.
  m.handle({ type: 'answer', id: fetches[0].id, now: 1, error: { code: 'timeout' } });
  assert.equal(m.peers.get('http://s1').status, PeerStatus.UNKNOWN);
  m.handle({ type: 'answer', id: fetches[1].id, now: 2, data: { networkID: 'mina:devnet' } });
  assert.equal(m.peers.get('http://s2').status, PeerStatus.BANNED);
  assert.equal(m.peers.get('http://s2').bannedUntil, 1002);
  const [v] = of(m.handle({ type: 'answer', id: fetches[2].id, now: 3, data: { bestChain: CHAIN } }), 'verify');
  m.handle({ type: 'verified', id: v.id, now: 4, verdict: verdictFor(CHAIN) });
  m.handle({ type: 'answer', id: fetches[3].id, now: 5, data: { bestChain: CHAIN } }); // w agrees
  assert.equal(m.inflight.size, 0);
  const round = (now) => {
    m.nextPollAt = 0;
    return of(m.handle({ type: 'tick', now }), 'fetch').map((f) => f.peerId);
  };
  const second = round(10);
  assert.deepEqual(second, ['http://s3', 'http://s1', 'w']);
  // s1 times out again: demoted.
  const ids = [...m.inflight.values()].filter((r) => r.peerId === 'http://s1').map((r) => r.id);
  m.handle({ type: 'answer', id: ids[0], now: 11, error: { code: 'http_status' } });
  assert.equal(m.peers.get('http://s1').status, PeerStatus.DEMOTED);
  for (const r of m.inflight.values()) m.handle({ type: 'answer', id: r.id, now: 12, data: { bestChain: CHAIN } });
  // The ban still runs at 1001; at 1002 the tick lifts it and s2 comes back demoted, ranked
  // after s3 (good) but before s1 (demoted with a lower score).
  m.handle({ type: 'tick', now: 1001 });
  assert.equal(m.peers.get('http://s2').status, PeerStatus.BANNED);
  assert.deepEqual(round(1002), ['http://s3', 'http://s2', 'http://s1', 'w']);
  assert.equal(m.peers.get('http://s2').status, PeerStatus.DEMOTED);
});

test('peers: stored records carry scores and bans over a restart, for configured peers only, under their configured kind', { skip }, async () => {
  const first = await started({ peers: ['http://a', 'http://b'], fanout: 2 });
  const [fa, fb] = of(first.actions, 'fetch');
  first.m.handle({ type: 'answer', id: fb.id, now: 1000, data: { networkID: 'mina:devnet' } });
  const [v] = of(first.m.handle({ type: 'answer', id: fa.id, now: 12, data: { bestChain: CHAIN } }), 'verify');
  const [persist] = of(first.m.handle({ type: 'verified', id: v.id, now: 20, verdict: verdictFor(CHAIN) }), 'persist');
  const record = JSON.parse(JSON.stringify(persist.record));
  record.peers.push({ id: 'http://gone', status: 'good', score: 99 });
  record.peers[0].kind = 'webnode';
  const again = await started({ peers: ['http://a', 'http://b'], fanout: 2, record });
  assert.deepEqual(again.m.peerList(), first.m.peerList());
  assert.equal(again.m.peers.get('http://b').bannedUntil, 1000 + 24 * 3600 * 1000);
  assert.deepEqual(of(again.actions, 'fetch').map((f) => f.peerId), ['http://a']); // b still banned
  // An unknown stored status is reset.
  record.peers[0].status = 'trusted-forever';
  const third = await started({ record });
  assert.equal(third.m.peers.get('http://a').status, PeerStatus.UNKNOWN);
});

test('machine: a chain fork choice kept is not verified again on the next poll; no round starts while fork choice runs', { skip }, async () => {
  const record = { version: RECORD_VERSION, network: 'mainnet', tip: { stateHash: '3Nb', height: 11, block: CHAIN[1] }, window: [], peers: [] };
  const { m, actions } = await started({ record, pollIntervalMs: 100 });
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  const [select] = of(m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdictFor(CHAIN) }), 'select');
  assert.equal(of(m.handle({ type: 'tick', now: 500 }), 'fetch').length, 0); // fork choice pending
  m.handle({ type: 'selected', id: select.id, now: 501, take: false, rule: 'short_range_vrf' });
  const [again] = of(m.handle({ type: 'tick', now: 502 }), 'fetch');
  assert.ok(again);
  const out = m.handle({ type: 'answer', id: again.id, now: 510, data: { bestChain: structuredClone(CHAIN) } });
  assert.equal(of(out, 'verify').length, 0);
  assert.equal(m.tip.stateHash, '3Nb');
});

test('machine: a verification that never ends expires on tick as the peer\'s failure; the next peer is asked; the late verdict is ignored', { skip }, async () => {
  const { m, actions } = await started({ checkTimeoutMs: 5000 });
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 10, data: { bestChain: CHAIN } }), 'verify');
  assert.equal(of(m.handle({ type: 'tick', now: 5009 }), 'fetch').length, 0);
  const out = m.handle({ type: 'tick', now: 5010 });
  assert.equal(m.peers.get('http://a').lastError, 'unreadable_block:timeout');
  assert.equal(m.peers.get('http://a').lies, 0);
  assert.deepEqual(of(out, 'fetch').map((x) => x.peerId), ['http://b']);
  assert.deepEqual(m.handle({ type: 'verified', id: v.id, now: 6000, verdict: verdictFor(CHAIN) }), []);
  assert.equal(m.tip, undefined);
});

test('machine: malformed events and options are typed errors (NodeCoreError, a TypeError) and change nothing', { skip }, async () => {
  const { m, actions } = await started();
  const before = m.record();
  const refused = (event, code) => assert.throws(() => m.handle(event), (err) => err instanceof NodeCoreError && err instanceof TypeError && err.code === code);
  refused({ type: 'launch', now: 1 }, 'invalid_argument');
  refused({ type: 'tick' }, 'invalid_argument');
  refused({ type: 'answer', id: 3, now: 1 }, 'invalid_argument');
  refused({ type: 'verified', id: 'v1', now: 1 }, 'invalid_argument');
  refused({ type: 'getAccount', id: 'r1', now: 1 }, 'invalid_argument');
  refused('[]', 'invalid_argument');
  assert.deepEqual(m.record(), before);
  assert.equal(of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 2, data: { bestChain: CHAIN } }), 'verify').length, 1);

  const options = (o, code) => assert.rejects(createNodeMachine(o), (err) => err instanceof NodeCoreError && err.code === code);
  await options({ network: 'testworld' }, 'invalid_argument');
  await options({ network: 'mainnet', networkId: 'mina:devnet' }, 'invalid_argument');
  await options({ network: 'mainnet', peers: [{ id: 'x', kind: 'satellite' }] }, 'invalid_argument');
  await options({ network: 'mainnet', peers: [{}] }, 'invalid_argument');
  await options({ network: 'mainnet', k: 0 }, 'invalid_argument');
});

test('machine: another network is accepted with its networkId, which judges the peers', { skip }, async () => {
  const { m, actions } = await started({ network: 'local', networkId: 'mina:local', fanout: 2 });
  const [fa, fb] = of(actions, 'fetch');
  assert.equal(of(m.handle({ type: 'answer', id: fa.id, now: 1, data: { networkID: 'mina:local', bestChain: CHAIN } }), 'verify').length, 1);
  m.handle({ type: 'answer', id: fb.id, now: 1, data: { networkID: 'mina:mainnet', bestChain: CHAIN } });
  assert.equal(m.peers.get('http://b').lastError, 'wrong_network');
  assert.equal(m.record().network, 'local');
});

test('machine: close frees the core; the last tip and peers stay readable, events are refused', { skip }, async () => {
  const { m, actions } = await started();
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdictFor(CHAIN) });
  m.close();
  assert.equal(m.tip.stateHash, '3Nc');
  assert.equal(m.peerList().length, 2);
  assert.equal(m.window.length, 3);
  assert.throws(() => m.handle({ type: 'tick', now: 3 }), (err) => err.code === 'closed');
  m.close(); // twice is fine
});
