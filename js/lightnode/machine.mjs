// The light node's core: a deterministic state machine. It does no I/O and reads no clock:
// `handle(event)` takes an event (with the time in `now`) and returns the actions the driver
// (node.mjs) must perform; the driver feeds their outcomes back as events. Replaying the same
// events gives the same actions, which is what the tests rely on.
//
// Events                                            Actions
//   {type:'start', now}                               {type:'load'}
//   {type:'loaded', now, record|null}                 {type:'fetch', id, peerId, request, timeoutMs}
//   {type:'tick', now}                                {type:'verify', id, peerId, blocks}
//   {type:'answer', id, now, data | error}            {type:'select', id, tip, candidate}
//   {type:'verified', id, now, verdict | error}       {type:'verifyAccount', id, account, ledgerHash}
//   {type:'selected', id, now, take, rule}            {type:'persist', record}
//   {type:'accountVerified', id, now, valid, reason}  {type:'emit', event, data}
//   {type:'getAccount', id, now, publicKey, token}
//   {type:'persisted', now, error?}
//
// What it guarantees: the tip only ever changes to a block whose proof verified on this node's
// network (the verifier's verdict, with the state hash it computed), whose claimed hash is that
// computed hash, and whose window links hash by hash (each block's previous_state_hash is the
// computed hash of the block before it), and only when fork choice prefers it to the current tip.
// A tip restored from storage is trusted as far as its checksum (it was verified before it was
// written). Any peer whose block fails those checks is banned (peer.mjs).
import { NETWORK_IDS } from '../peers/queries.mjs';
import {
  liftExpiredBan,
  makePeer,
  peerFromRecord,
  peerRecord,
  rankPeers,
  recordFailure,
  recordLie,
  recordSuccess,
} from '../peers/peer.mjs';
import { blockSummary } from '../peers/block_form.mjs';

export const RECORD_VERSION = 1;

const DEFAULTS = {
  k: 8, // blocks kept in the window (and asked for in bestChain)
  fanout: 2, // peers asked at once in a sync round
  requestTimeoutMs: 10_000,
  // Local work (verification, fork choice, account checks) gets longer: a block verifies in ~3 s,
  // but a worker may first need its setup. Past it the answer counts as a failure of its peer (a
  // block that cannot be verified in time is as useless as no answer) and the next peer is asked.
  checkTimeoutMs: 180_000,
  pollIntervalMs: 30_000,
  banMs: undefined, // peer.mjs default
};

export class NodeMachine {
  constructor({ network, peers = [], ...options }) {
    if (!NETWORK_IDS[network]) throw new TypeError(`unknown network ${network}`);
    this.network = network;
    this.options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
    this.peers = new Map();
    for (const spec of peers) {
      const p = makePeer(spec);
      this.peers.set(p.id, p);
    }
    this.tip = undefined; // {stateHash, height, block, source}
    this.window = []; // [{stateHash, previousStateHash, height}] oldest first, ends at the tip
    this.inflight = new Map(); // id -> {peerId, purpose, deadline, ...}
    this.round = undefined; // {asked: Set}
    this.judged = new Map(); // chain text -> 'kept' (fork choice kept the tip), bounded
    this.nextPollAt = 0;
    this.started = false;
    this.nextId = 1;
  }

  handle(event) {
    const out = [];
    const handler = HANDLERS[event.type];
    if (!handler) throw new TypeError(`unknown event ${event.type}`);
    handler.call(this, event, out);
    return out;
  }

  // ---- snapshot for the app ----

  peerList() {
    return [...this.peers.values()].map(peerRecord);
  }

  _id(prefix) {
    return `${prefix}${this.nextId++}`;
  }

  _emit(out, event, data) {
    out.push({ type: 'emit', event, data });
  }

  _updatePeer(out, peer) {
    this.peers.set(peer.id, peer);
    this._emit(out, 'peerState', peerRecord(peer));
  }

  _progress(out, phase, extra = {}) {
    this._emit(out, 'syncProgress', {
      phase,
      tip: this.tip ? { stateHash: this.tip.stateHash, height: this.tip.height } : null,
      inflight: this.inflight.size,
      ...extra,
    });
  }

  // ---- sync rounds: ask the best-ranked peers for their best chain ----

  _startRound(out, now) {
    this.round = { asked: new Set() };
    this.nextPollAt = now + this.options.pollIntervalMs;
    for (let i = 0; i < this.options.fanout; i++) if (!this._askNext(out, now)) break;
    if (this.round.asked.size === 0) this._progress(out, 'no_peers');
    else this._progress(out, 'asking', { peers: [...this.round.asked] });
  }

  // Asks the best usable peer not yet asked this round; false when none is left.
  _askNext(out, now) {
    if (!this.round) return false;
    const peer = rankPeers([...this.peers.values()], now).find((p) => !this.round.asked.has(p.id));
    if (!peer) return false;
    this.round.asked.add(peer.id);
    const id = this._id('f');
    const request = { kind: 'bestChain', maxLength: this.options.k };
    this.inflight.set(id, { peerId: peer.id, purpose: 'bestChain', sentAt: now, deadline: now + this.options.requestTimeoutMs });
    out.push({ type: 'fetch', id, peerId: peer.id, request, timeoutMs: this.options.requestTimeoutMs });
    return true;
  }

  _fail(out, peerId, reason, now) {
    const peer = this.peers.get(peerId);
    if (peer) this._updatePeer(out, recordFailure(peer, reason));
  }

  _lie(out, peerId, reason, now) {
    const peer = this.peers.get(peerId);
    if (peer) this._updatePeer(out, recordLie(peer, reason, now, this.options.banMs));
  }

  _succeed(out, peerId, latencyMs) {
    const peer = this.peers.get(peerId);
    if (peer) this._updatePeer(out, recordSuccess(peer, Math.max(0, latencyMs)));
  }

  // ---- best-chain answers ----

  _onBestChain(out, req, event) {
    const { now } = event;
    if (event.error) {
      this._fail(out, req.peerId, event.error.code ?? 'error', now);
      this._askNext(out, now);
      return;
    }
    const data = event.data ?? {};
    if (data.networkID !== undefined && data.networkID !== NETWORK_IDS[this.network]) {
      this._lie(out, req.peerId, 'wrong_network', now);
      this._askNext(out, now);
      return;
    }
    const blocks = data.bestChain;
    if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > this.options.k) {
      this._fail(out, req.peerId, 'malformed', now);
      this._askNext(out, now);
      return;
    }
    const claimed = blockSummary(blocks[blocks.length - 1]);
    if (this.tip && claimed.stateHash === this.tip.stateHash) {
      this._succeed(out, req.peerId, now - req.sentAt); // agrees with what we verified
      return;
    }
    // The very same chain already under verification for another peer: share that verdict. Only
    // identical answers share (a liar may claim an honest peer's hash for a different state).
    const text = JSON.stringify(blocks);
    // A chain verified before and not taken by fork choice is not verified again each poll.
    if (this.judged.has(text)) {
      this._succeed(out, req.peerId, now - req.sentAt);
      return;
    }
    for (const v of this.inflight.values())
      if (v.purpose === 'verify' && v.text === text) {
        v.alsoFrom.push({ peerId: req.peerId, latencyMs: now - req.sentAt });
        return;
      }
    const id = this._id('v');
    this.inflight.set(id, { purpose: 'verify', peerId: req.peerId, latencyMs: now - req.sentAt, blocks, text, claimedTip: claimed.stateHash, alsoFrom: [], deadline: now + this.options.checkTimeoutMs });
    out.push({ type: 'verify', id, peerId: req.peerId, blocks });
    this._progress(out, 'verifying', { stateHash: claimed.stateHash, height: claimed.height, peer: req.peerId });
  }

  // Why a verified chain must still be refused (a lie), or undefined. `verdict`:
  // {tip: {valid, reason, stateHash, height}, hashes: [{stateHash, previousStateHash, height}]}
  // with every hash computed by the verifier, in the order of `blocks`.
  _chainLie(blocks, verdict) {
    const { tip, hashes } = verdict;
    if (!tip?.valid) return `invalid_block:${tip?.reason ?? 'unknown'}`;
    if (!Array.isArray(hashes) || hashes.length !== blocks.length) return 'invalid_block:hashes';
    const last = hashes[hashes.length - 1];
    if (last.stateHash !== tip.stateHash) return 'invalid_block:tip_hash';
    for (let i = 0; i < blocks.length; i++) if (blocks[i].stateHash !== hashes[i].stateHash) return 'claimed_hash';
    for (let i = 1; i < hashes.length; i++) if (hashes[i].previousStateHash !== hashes[i - 1].stateHash) return 'broken_chain';
    return undefined;
  }

  _onVerified(out, req, event) {
    const { now } = event;
    const peers = [{ peerId: req.peerId, latencyMs: req.latencyMs }, ...req.alsoFrom];
    if (event.error) {
      // The verifier could not read the block: the answer is malformed (or our verifier broke);
      // not proven a lie, so a failure.
      for (const p of peers) this._fail(out, p.peerId, `unreadable_block:${event.error.code ?? 'error'}`, now);
      for (const _ of peers) this._askNext(out, now);
      return;
    }
    const lie = this._chainLie(req.blocks, event.verdict);
    if (lie) {
      for (const p of peers) this._lie(out, p.peerId, lie, now);
      for (const _ of peers) this._askNext(out, now);
      this._progress(out, 'rejected', { stateHash: req.claimedTip, reason: lie });
      return;
    }
    for (const p of peers) this._succeed(out, p.peerId, p.latencyMs);
    const candidate = {
      stateHash: event.verdict.tip.stateHash,
      height: event.verdict.tip.height ?? event.verdict.hashes.at(-1).height,
      block: req.blocks[req.blocks.length - 1],
      window: event.verdict.hashes.map(({ stateHash, previousStateHash, height }) => ({ stateHash, previousStateHash, height })),
      peerId: req.peerId,
      text: req.text,
    };
    if (!this.tip) return this._adopt(out, candidate, 'first');
    if (candidate.stateHash === this.tip.stateHash) return;
    const id = this._id('s');
    this.inflight.set(id, { purpose: 'select', candidate, tipStateHash: this.tip.stateHash, deadline: event.now + this.options.checkTimeoutMs });
    out.push({ type: 'select', id, tip: this.tip.block, candidate: candidate.block });
  }

  _onSelected(out, req, event) {
    if (event.error) {
      this._progress(out, 'select_failed', { stateHash: req.candidate.stateHash, reason: event.error.code });
      return;
    }
    // The tip may have moved while fork choice ran: then ask again against the new tip.
    if (this.tip && req.tipStateHash !== this.tip.stateHash) {
      if (req.candidate.stateHash === this.tip.stateHash) return;
      const id = this._id('s');
      this.inflight.set(id, { ...req, tipStateHash: this.tip.stateHash, deadline: event.now + this.options.checkTimeoutMs });
      out.push({ type: 'select', id, tip: this.tip.block, candidate: req.candidate.block });
      return;
    }
    if (event.take) this._adopt(out, req.candidate, event.rule);
    else {
      this._remember(req.candidate.text);
      this._progress(out, 'kept', { stateHash: req.candidate.stateHash, rule: event.rule });
    }
  }

  _adopt(out, candidate, rule) {
    // The window continues the old one when the new chain extends it.
    let window = candidate.window;
    const joinAt = this.window.findIndex((w) => w.stateHash === window[0].previousStateHash);
    if (joinAt >= 0) window = [...this.window.slice(0, joinAt + 1), ...window];
    this.window = window.slice(-this.options.k);
    this.tip = { stateHash: candidate.stateHash, height: candidate.height, block: candidate.block, source: 'network' };
    this._emit(out, 'tipChanged', { stateHash: this.tip.stateHash, height: this.tip.height, source: 'network', peer: candidate.peerId, rule });
    out.push({ type: 'persist', record: this.record() });
    this._progress(out, 'synced');
  }

  _remember(text) {
    this.judged.set(text, 'kept');
    if (this.judged.size > 16) this.judged.delete(this.judged.keys().next().value);
  }

  // What storage keeps: the verified tip (with its block, for fork choice after a restart),
  // the window, and the peers' records.
  record() {
    return {
      version: RECORD_VERSION,
      network: this.network,
      tip: this.tip && { stateHash: this.tip.stateHash, height: this.tip.height, block: this.tip.block },
      window: this.window,
      peers: this.peerList(),
    };
  }

  // ---- verified account reads ----

  _askAccount(out, read, now) {
    const peer = rankPeers([...this.peers.values()], now).find((p) => !read.asked.has(p.id));
    if (!peer) {
      this._emit(out, 'accountResult', { id: read.id, error: { code: 'no_peer', message: `no peer gave a verifiable account (${read.reasons.join(', ') || 'none asked'})` } });
      return;
    }
    read.asked.add(peer.id);
    const id = this._id('a');
    this.inflight.set(id, { purpose: 'account', peerId: peer.id, sentAt: now, deadline: now + this.options.requestTimeoutMs, read });
    out.push({ type: 'fetch', id, peerId: peer.id, request: { kind: 'account', publicKey: read.publicKey, token: read.token }, timeoutMs: this.options.requestTimeoutMs });
  }

  _onAccountAnswer(out, req, event) {
    const { now, read } = { now: event.now, read: req.read };
    if (event.error || !event.data?.account || typeof event.data.account !== 'object') {
      const reason = event.error?.code ?? (event.data?.account === null ? 'no_account' : 'malformed');
      this._fail(out, req.peerId, reason, now);
      read.reasons.push(`${req.peerId}: ${reason}`);
      return this._askAccount(out, read, now);
    }
    const id = this._id('c');
    this.inflight.set(id, { purpose: 'checkAccount', peerId: req.peerId, latencyMs: event.now - req.sentAt, read, account: event.data.account, deadline: event.now + this.options.checkTimeoutMs });
    out.push({ type: 'verifyAccount', id, account: event.data.account, ledgerHash: read.ledgerHash, stateHash: read.stateHash });
  }

  _onAccountVerified(out, req, event) {
    const { now } = event;
    const { read } = req;
    if (event.valid) {
      this._succeed(out, req.peerId, req.latencyMs);
      this._emit(out, 'accountResult', { id: read.id, account: req.account, ledgerHash: read.ledgerHash, stateHash: read.stateHash, peer: req.peerId });
      return;
    }
    const reason = event.error ? `unreadable_account:${event.error.code}` : `bad_path:${event.reason ?? 'invalid'}`;
    if (event.error) this._fail(out, req.peerId, reason, now);
    else this._lie(out, req.peerId, reason, now);
    read.reasons.push(`${req.peerId}: ${reason}`);
    this._askAccount(out, read, now);
  }
}

// The ledger hash accounts are checked against: the verified tip's staged ledger hash (the
// ledger after the tip's transactions, what a daemon's `account` query reads).
export function stagedLedgerHash(block) {
  return block?.protocolState?.blockchainState?.stagedLedgerHash?.nonSnark?.ledgerHash;
}

const HANDLERS = {
  start(event, out) {
    this.started = true;
    out.push({ type: 'load' });
  },

  loaded(event, out) {
    const r = event.record;
    if (r && r.version === RECORD_VERSION && r.network === this.network && r.tip?.stateHash) {
      this.tip = { stateHash: r.tip.stateHash, height: r.tip.height, block: r.tip.block, source: 'storage' };
      this.window = Array.isArray(r.window) ? r.window.slice(-this.options.k) : [];
      // Stored scores and bans carry over for the peers still configured; the app's list decides
      // who is a peer.
      for (const rec of Array.isArray(r.peers) ? r.peers : []) {
        const cur = this.peers.get(rec.id);
        if (cur) this.peers.set(rec.id, { ...peerFromRecord(rec), url: cur.url, kind: cur.kind });
      }
      this._emit(out, 'tipChanged', { stateHash: this.tip.stateHash, height: this.tip.height, source: 'storage' });
    }
    this._startRound(out, event.now);
  },

  tick(event, out) {
    const { now } = event;
    for (const [id, p] of this.peers) {
      const lifted = liftExpiredBan(p, now);
      if (lifted !== p) this._updatePeer(out, lifted);
    }
    // Requests past their deadline are failures of their peer (the driver's own timeout should
    // have fired first; this is the machine's guarantee that nothing waits forever).
    const expire = {
      bestChain: (id) => HANDLERS.answer.call(this, { type: 'answer', id, now, error: { code: 'timeout' } }, out),
      account: (id) => HANDLERS.answer.call(this, { type: 'answer', id, now, error: { code: 'timeout' } }, out),
      verify: (id) => HANDLERS.verified.call(this, { type: 'verified', id, now, error: { code: 'timeout' } }, out),
      select: (id) => HANDLERS.selected.call(this, { type: 'selected', id, now, error: { code: 'timeout' } }, out),
      checkAccount: (id) => HANDLERS.accountVerified.call(this, { type: 'accountVerified', id, now, valid: false, error: { code: 'timeout' } }, out),
    };
    for (const [id, req] of [...this.inflight]) {
      if (req.deadline === undefined || now < req.deadline) continue;
      expire[req.purpose](id);
    }
    if (this.started && now >= this.nextPollAt && ![...this.inflight.values()].some((r) => r.purpose === 'bestChain' || r.purpose === 'verify' || r.purpose === 'select'))
      this._startRound(out, now);
  },

  answer(event, out) {
    const req = this.inflight.get(event.id);
    if (!req) return; // late answer to a request already timed out or retried
    this.inflight.delete(event.id);
    if (req.purpose === 'bestChain') this._onBestChain(out, req, event);
    else if (req.purpose === 'account') this._onAccountAnswer(out, req, event);
  },

  verified(event, out) {
    const req = this.inflight.get(event.id);
    if (!req || req.purpose !== 'verify') return;
    this.inflight.delete(event.id);
    this._onVerified(out, req, event);
  },

  selected(event, out) {
    const req = this.inflight.get(event.id);
    if (!req || req.purpose !== 'select') return;
    this.inflight.delete(event.id);
    this._onSelected(out, req, event);
  },

  getAccount(event, out) {
    const ledgerHash = stagedLedgerHash(this.tip?.block);
    if (!this.tip || !ledgerHash) {
      this._emit(out, 'accountResult', { id: event.id, error: { code: 'no_tip', message: 'no verified tip yet' } });
      return;
    }
    const read = { id: event.id, publicKey: event.publicKey, token: event.token, ledgerHash, stateHash: this.tip.stateHash, asked: new Set(), reasons: [] };
    this._askAccount(out, read, event.now);
  },

  accountVerified(event, out) {
    const req = this.inflight.get(event.id);
    if (!req || req.purpose !== 'checkAccount') return;
    this.inflight.delete(event.id);
    this._onAccountVerified(out, req, event);
  },

  persisted(event, out) {
    if (event.error) this._emit(out, 'storageError', { code: event.error.code ?? 'io_error', message: event.error.message });
  },
};
