// The light node's state machine alone (js/lightnode/machine.mjs): events in, actions out, no I/O
// and no clock, so every rule is checked by replaying events. Verdicts here are written by the
// test (the verifier itself is exercised in node.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { NodeMachine, RECORD_VERSION } from '../../js/lightnode/machine.mjs';
import { PeerStatus, rankPeers, makePeer, recordFailure, recordLie } from '../../js/peers/peer.mjs';

const block = (hash, prev, height) => ({ stateHash: hash, protocolState: { previousStateHash: prev, consensusState: { blockchainLength: String(height) } } });
const CHAIN = [block('3Na', '3N0', 10), block('3Nb', '3Na', 11), block('3Nc', '3Nb', 12)];
const verdictFor = (blocks, { valid = true, reason } = {}) => ({
  tip: { valid, reason, stateHash: blocks.at(-1).stateHash, height: Number(blocks.at(-1).protocolState.consensusState.blockchainLength) },
  hashes: blocks.map((b) => ({ stateHash: b.stateHash, previousStateHash: b.protocolState.previousStateHash, height: Number(b.protocolState.consensusState.blockchainLength) })),
});

const of = (actions, type) => actions.filter((a) => a.type === type);
const emitted = (actions, event) => actions.filter((a) => a.type === 'emit' && a.event === event).map((a) => a.data);

function started(options = {}) {
  const m = new NodeMachine({ network: 'mainnet', peers: ['http://a', 'http://b'], fanout: 1, requestTimeoutMs: 1000, ...options });
  assert.deepEqual(m.handle({ type: 'start', now: 0 }), [{ type: 'load' }]);
  const actions = m.handle({ type: 'loaded', now: 0, record: options.record ?? null });
  return { m, actions };
}

test('machine: bootstrap asks the first ranked peer, verifies its chain, adopts and persists', () => {
  const { m, actions } = started();
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

test('machine: the same events give the same actions (replay)', () => {
  const run = () => {
    const { m, actions } = started();
    const log = [actions];
    const f = of(actions, 'fetch')[0];
    const a = m.handle({ type: 'answer', id: f.id, now: 5, data: { bestChain: CHAIN } });
    log.push(a, m.handle({ type: 'verified', id: of(a, 'verify')[0].id, now: 9, verdict: verdictFor(CHAIN, { valid: false, reason: 'proof' }) }));
    log.push(m.handle({ type: 'tick', now: 5000 }));
    return log;
  };
  assert.deepEqual(run(), run());
});

test('machine: an invalid verdict, a hash that is not the claimed one, a broken link: never adopted, peer banned, next peer asked', () => {
  const cases = [
    ['invalid_block:proof', CHAIN, verdictFor(CHAIN, { valid: false, reason: 'proof' })],
    ['invalid_block:network', CHAIN, verdictFor(CHAIN, { valid: false, reason: 'network' })],
    ['claimed_hash', CHAIN, (() => { const v = verdictFor(CHAIN); v.hashes[0].stateHash = '3Nx'; return v; })()],
    ['invalid_block:tip_hash', CHAIN, (() => { const v = verdictFor(CHAIN); v.tip.stateHash = '3Nz'; return v; })()],
    ['broken_chain', [CHAIN[0], block('3Nb', '3Nq', 11), CHAIN[2]], null],
  ];
  for (const [reason, blocks, verdict] of cases) {
    const { m, actions } = started();
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

test('machine: an unreadable block is a failure, not a lie; a wrong networkID is a lie before any verification', () => {
  let { m, actions } = started();
  let [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  m.handle({ type: 'verified', id: v.id, now: 2, error: { code: 'malformed_json' } });
  assert.equal(m.peers.get('http://a').lies, 0);
  assert.equal(m.peers.get('http://a').failures, 1);

  ({ m, actions } = started());
  const out = m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { networkID: 'mina:devnet', bestChain: CHAIN } });
  assert.equal(of(out, 'verify').length, 0);
  assert.equal(m.peers.get('http://a').status, PeerStatus.BANNED);
  assert.equal(m.peers.get('http://a').lastError, 'wrong_network');
});

test('machine: a request past its deadline fails on tick, the next peer is asked, the late answer is ignored', () => {
  const { m, actions } = started();
  const f = of(actions, 'fetch')[0];
  assert.equal(of(m.handle({ type: 'tick', now: 999 }), 'fetch').length, 0);
  const out = m.handle({ type: 'tick', now: 1000 });
  assert.equal(m.peers.get('http://a').lastError, 'timeout');
  assert.deepEqual(of(out, 'fetch').map((x) => x.peerId), ['http://b']);
  assert.deepEqual(m.handle({ type: 'answer', id: f.id, now: 1500, data: { bestChain: CHAIN } }), []);
});

test('machine: a stored tip is shown at once; a new verified chain replaces it only through fork choice', () => {
  const record = { version: RECORD_VERSION, network: 'mainnet', tip: { stateHash: '3Nb', height: 11, block: CHAIN[1] }, window: verdictFor(CHAIN.slice(0, 2)).hashes, peers: [] };
  const { m, actions } = started({ record });
  assert.deepEqual(emitted(actions, 'tipChanged'), [{ stateHash: '3Nb', height: 11, source: 'storage' }]);
  assert.equal(actions[0].type, 'emit'); // before any request
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  const out = m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdictFor(CHAIN) });
  assert.equal(m.tip.stateHash, '3Nb');
  const [select] = of(out, 'select');
  assert.equal(select.tip, CHAIN[1]);
  assert.equal(select.candidate, CHAIN[2]);
  // Kept: nothing changes.
  const kept = m.handle({ type: 'selected', id: select.id, now: 3, take: false, rule: 'short_range_vrf' });
  assert.equal(emitted(kept, 'tipChanged').length, 0);
  assert.equal(m.tip.stateHash, '3Nb');
});

test('machine: fork choice taken extends the window; a stored record of another network is ignored', () => {
  const record = { version: RECORD_VERSION, network: 'mainnet', tip: { stateHash: '3Nb', height: 11, block: CHAIN[1] }, window: verdictFor(CHAIN.slice(0, 2)).hashes, peers: [] };
  const { m, actions } = started({ record, k: 3 });
  const next = [block('3Nc', '3Nb', 12), block('3Nd', '3Nc', 13)];
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 1, data: { bestChain: next } }), 'verify');
  const [select] = of(m.handle({ type: 'verified', id: v.id, now: 2, verdict: verdictFor(next) }), 'select');
  const out = m.handle({ type: 'selected', id: select.id, now: 3, take: true, rule: 'short_range_length' });
  assert.equal(m.tip.stateHash, '3Nd');
  assert.deepEqual(m.window.map((w) => w.stateHash), ['3Nb', '3Nc', '3Nd']); // joined, cut to k
  assert.equal(of(out, 'persist').length, 1);

  const other = started({ record: { ...record, network: 'devnet' } });
  assert.equal(other.m.tip, undefined);
  assert.equal(emitted(other.actions, 'tipChanged').length, 0);
});

test('machine: two peers with the identical chain share one verification; different chains claiming one hash do not', () => {
  const { m, actions } = started({ fanout: 2 });
  const [fa, fb] = of(actions, 'fetch');
  const va = of(m.handle({ type: 'answer', id: fa.id, now: 1, data: { bestChain: CHAIN } }), 'verify');
  const vb = of(m.handle({ type: 'answer', id: fb.id, now: 2, data: { bestChain: structuredClone(CHAIN) } }), 'verify');
  assert.equal(va.length, 1);
  assert.equal(vb.length, 0);
  m.handle({ type: 'verified', id: va[0].id, now: 3, verdict: verdictFor(CHAIN) });
  assert.equal(m.peers.get('http://b').status, PeerStatus.GOOD);

  const second = started({ fanout: 2 });
  const [ga, gb] = of(second.actions, 'fetch');
  const forged = structuredClone(CHAIN);
  forged[2].protocolState.consensusState.blockchainLength = '99';
  assert.equal(of(second.m.handle({ type: 'answer', id: ga.id, now: 1, data: { bestChain: CHAIN } }), 'verify').length, 1);
  assert.equal(of(second.m.handle({ type: 'answer', id: gb.id, now: 1, data: { bestChain: forged } }), 'verify').length, 1);
});

test('peers: server before webnode, demoted after good, banned left out until the ban ends', () => {
  let peers = [makePeer({ id: 'w', kind: 'webnode' }), makePeer('http://s1'), makePeer('http://s2'), makePeer('http://s3')];
  assert.deepEqual(rankPeers(peers, 0).map((p) => p.id), ['http://s1', 'http://s2', 'http://s3', 'w']);
  peers[1] = recordFailure(recordFailure(peers[1], 'timeout'), 'timeout');
  assert.equal(peers[1].status, PeerStatus.DEMOTED);
  peers[2] = recordLie(peers[2], 'invalid_block:proof', 0, 1000);
  assert.deepEqual(rankPeers(peers, 10).map((p) => p.id), ['http://s3', 'http://s1', 'w']);
  // Once the ban has run out the peer is ranked as demoted (score 0 beats s1's two failures).
  assert.deepEqual(rankPeers(peers, 1000).map((p) => p.id), ['http://s3', 'http://s2', 'http://s1', 'w']);
  // The machine lifts an ended ban on tick (the peer comes back demoted).
  const m = new NodeMachine({ network: 'mainnet', peers: ['http://x'], banMs: 100 });
  m.peers.set('http://x', recordLie(m.peers.get('http://x'), 'wrong_network', 0, 100));
  m.handle({ type: 'tick', now: 50 });
  assert.equal(m.peers.get('http://x').status, PeerStatus.BANNED);
  m.handle({ type: 'tick', now: 100 });
  assert.equal(m.peers.get('http://x').status, PeerStatus.DEMOTED);
});

test('machine: a chain fork choice kept is not verified again on the next poll; no round starts while fork choice runs', () => {
  const record = { version: RECORD_VERSION, network: 'mainnet', tip: { stateHash: '3Nb', height: 11, block: CHAIN[1] }, window: [], peers: [] };
  const { m, actions } = started({ record, pollIntervalMs: 100 });
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

test('machine: a verification that never ends expires on tick as the peer\'s failure; the next peer is asked; the late verdict is ignored', () => {
  const { m, actions } = started({ checkTimeoutMs: 5000 });
  const [v] = of(m.handle({ type: 'answer', id: of(actions, 'fetch')[0].id, now: 10, data: { bestChain: CHAIN } }), 'verify');
  assert.equal(of(m.handle({ type: 'tick', now: 5009 }), 'fetch').length, 0);
  const out = m.handle({ type: 'tick', now: 5010 });
  assert.equal(m.peers.get('http://a').lastError, 'unreadable_block:timeout');
  assert.equal(m.peers.get('http://a').lies, 0);
  assert.deepEqual(of(out, 'fetch').map((x) => x.peerId), ['http://b']);
  assert.deepEqual(m.handle({ type: 'verified', id: v.id, now: 6000, verdict: verdictFor(CHAIN) }), []);
  assert.equal(m.tip, undefined);
});
