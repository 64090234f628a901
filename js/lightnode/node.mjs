// createNode({network, peers, storage, verifier, verifierIndex}): the light node's driver (Node.js
// and browsers). It owns the I/O the
// state machine (machine.mjs) asks for — GraphQL requests to peers, verification through the
// checker, storage generations — and feeds the outcomes back as events. Everything the node
// decides is decided in the machine.
//
// App events (node.on(name, fn)):
//   tipChanged    {stateHash, height, source: 'storage' | 'network', peer?, rule?}
//   peerState     the peer's record (peer.mjs) after each change of its score or status
//   syncProgress  {phase, tip, inflight, …}: asking, verifying, rejected, synced, kept, no_peers
//   storageError  {code, message}: a write or read failed (quota_exceeded, corrupt_chunk, …);
//                 the node keeps running on what it has in memory
import { graphqlRequest, PeerError } from '../peers/graphql.mjs';
import { queries } from '../peers/queries.mjs';
import { PeerKind } from '../peers/peer.mjs';
import { precomputedFromGraphqlBlock } from '../peers/block_form.mjs';
import { createNodeMachine } from './machine.mjs';
import { Emitter } from './emitter.mjs';
import { loadRecord, saveRecord } from './persist.mjs';
import { loadVerifierSetup, openVerifierCacheStore, stageVerifierSetup } from './verifier_cache.mjs';
import { accountKey, loadAccountRead, stageAccountRead, tipLedgerHash } from './ledger_cache.mjs';
import { verifierChecker } from './checkers.mjs';
import { createStorage } from '../storage/index.mjs';

// The MINA token's id (Mina's default `token` argument).
export const MINA_TOKEN_ID = 'wSHV2S4qX9jFsLjQo8r1BsMLH2ZRKsZx6EJd1sbozGPieEC4Jf';

export class NodeError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'NodeError';
    this.code = code;
  }
}

function requestBody(request) {
  switch (request.kind) {
    case 'bestChain':
      return queries.bestChain(request.maxLength);
    case 'account':
      return queries.account(request.publicKey, request.token);
    case 'accountSubtree':
      return queries.accountSubtree(request.firstIndex, request.height);
    default:
      throw new TypeError(`unknown request ${request.kind}`);
  }
}

export class LightNode extends Emitter {
  constructor(options) {
    super();
    const { network, peers = [], storage, verifier, verifierIndex, transports = {}, clock = () => Date.now(), tickMs = 250, verifierCache, ...rest } = options;
    // The verifier: a pool, or a factory `(setup) => pool` that start() calls with the setup
    // (SRS, Lagrange bases) stored by an earlier run in the verifier cache store (`verifierCache`:
    // a ChunkStore or createStorage options; by default beside `storage`, verifier_cache.mjs), so
    // a restart skips regenerating them.
    if (typeof verifier === 'function') this.verifierFactory = verifier;
    else this.verifier = verifier;
    this.verifierCacheOption = verifierCache;
    // The checker: given, or the package's verifier with the network's blockchain verifier index.
    const checker = options.checker ?? (verifier && verifierIndex ? verifierChecker(() => this.verifier ?? this.verifierMade, { network, verifierIndex }) : undefined);
    delete rest.checker;
    if (!checker)
      throw new NodeError('invalid_argument', 'createNode needs {verifier, verifierIndex} (the package verifier and the network\'s blockchain verifier index) or a {checker}');
    // The machine (C++ core/node in its WASM module) is created by start(), once the module loads.
    this.machineOptions = { network, peers, ...rest };
    this.storage = storage;
    this.checker = checker;
    this.transports = transports;
    this.clock = clock;
    this.tickMs = tickMs;
    this.pending = new Map(); // account read id -> {resolve, reject}
    this.aborts = new Map(); // request id -> AbortController
    this.writing = Promise.resolve();
    this.closed = false;
    this.readId = 1;
  }

  // The verified tip: {stateHash, height, source} or undefined.
  get tip() {
    const t = this.machine?.tip;
    return t && { stateHash: t.stateHash, height: t.height, source: t.source };
  }
  get window() {
    return this.machine ? this.machine.window : [];
  }
  peers() {
    return this.machine ? this.machine.peerList() : [];
  }

  async start() {
    this.machine ??= await createNodeMachine(this.machineOptions);
    // Storage: a ChunkStore, or createStorage's options ({backend: 'files', dir} | …).
    const storageOptions = this.storage;
    if (this.storage && typeof this.storage.commit !== 'function') {
      this.storage = await createStorage(this.storage);
      this.ownsStorage = true;
    }
    // The verifier is made from the stored setup while the stored tip loads: the tip is on
    // screen before the (larger) cache is read and checksummed.
    if (this.verifierFactory && !this.verifier && !this.verifierMade)
      this.verifierMade = this._makeVerifier(storageOptions).then((v) => (this.verifier = v));
    this._dispatch({ type: 'start', now: this.clock() });
    this.timer = setInterval(() => this._dispatch({ type: 'tick', now: this.clock() }), this.tickMs);
    this.timer.unref?.();
    await this.loading;
    return this.tip;
  }

  // The verifier from the factory, fed the setup stored in the verifier cache store.
  async _makeVerifier(storageOptions) {
    try {
      this.cacheStore = await openVerifierCacheStore(storageOptions, this.verifierCacheOption);
    } catch (err) {
      this._storageError(err); // no cache: the verifier generates its setup
    }
    const cache = this.cacheStore;
    if (cache?.openReport?.skipped?.length)
      this._storageError({ code: 'corrupt_chunk', message: `verifier cache: ${cache.openReport.skipped.join('; ')}` });
    const setup = cache ? await loadVerifierSetup(cache, { onError: (err) => this._storageError(err) }) : undefined;
    const verifier = this.verifierFactory(setup ?? {});
    this.ownsVerifier = true;
    this.setupSource = setup?.srs ? 'storage' : 'fresh';
    return verifier;
  }

  // Resolves with the first tip at or above `height` (any tip when omitted).
  waitForTip({ height = 0, stateHash, timeoutMs = 60_000 } = {}) {
    const ok = (t) => t && t.height >= height && (!stateHash || t.stateHash === stateHash);
    if (ok(this.tip)) return Promise.resolve(this.tip);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('tipChanged', on);
        reject(new NodeError('timeout', `no verified tip within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = () => {
        if (!ok(this.tip)) return;
        clearTimeout(timer);
        this.off('tipChanged', on);
        resolve(this.tip);
      };
      this.on('tipChanged', on);
    });
  }

  // A verified account read: the account and its Merkle path from the best peer, checked against
  // the verified tip's staged ledger hash; peers whose path does not reach it are banned and the
  // next one is asked.
  getAccount(publicKey, tokenId = MINA_TOKEN_ID, { fresh = false } = {}) {
    if (!this.checker.verifyAccount)
      return Promise.reject(new NodeError('unsupported', `the ${this.checker.name} checker cannot verify accounts yet`));
    if (!this.machine) return Promise.reject(new NodeError('no_tip', 'no verified tip yet (the node has not started)'));
    const id = `r${this.readId++}`;
    // A read verified against this very ledger before (this run or an earlier one) comes from
    // storage (ledger_cache.mjs), unless `fresh` asks the network again.
    const key = accountKey(tipLedgerHash(this.machine.tip?.block), publicKey, tokenId);
    const stored = fresh || !this.storage ? Promise.resolve(undefined) : loadAccountRead(this.storage, key, { onError: (err) => this._storageError(err) });
    return stored.then((read) => {
      if (read) return { account: read.account, ledgerHash: read.ledgerHash, stateHash: read.stateHash, source: 'storage' };
      return new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject, key, publicKey, tokenId });
        this._dispatch({ type: 'getAccount', id, now: this.clock(), publicKey, token: tokenId });
      });
    });
  }

  // A wide read: the 2^height ledger slots from firstIndex (aligned; height <= 12) in one answer
  // from a server peer that has the ledger, every account re-hashed and the subtree checked at
  // once with its one path against the verified tip's staged ledger hash. Resolves with
  // {subtree: {firstIndex, height, accounts, merklePath}, ledgerHash, stateHash, peer}.
  getAccountSubtree(firstIndex, height) {
    if (!this.checker.verifyAccountSubtree)
      return Promise.reject(new NodeError('unsupported', `the ${this.checker.name} checker cannot verify subtrees`));
    if (!this.machine) return Promise.reject(new NodeError('no_tip', 'no verified tip yet (the node has not started)'));
    const id = `r${this.readId++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this._dispatch({ type: 'getAccountSubtree', id, now: this.clock(), firstIndex, height });
      } catch (err) {
        this.pending.delete(id);
        reject(new NodeError(err.code ?? 'invalid_argument', err.message));
      }
    });
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const c of this.aborts.values()) c.abort(new NodeError('closed', 'node closed'));
    for (const p of this.pending.values()) p.reject(new NodeError('closed', 'node closed'));
    this.pending.clear();
    await this.writing;
    if (this.verifierMade) await this.verifierMade.catch(() => {});
    if (this.ownsVerifier) await this.verifier?.close();
    if (this.cacheStore && !this.verifierCacheOption?.commit) await this.cacheStore.close();
    if (this.ownsStorage) await this.storage.close();
    this.machine?.close();
  }

  // ---- the event loop ----

  _dispatch(event) {
    if (this.closed || !this.machine) return;
    const actions = this.machine.handle(event);
    for (const a of actions) this._perform(a);
  }

  _perform(action) {
    switch (action.type) {
      case 'load':
        this.loading = this._load();
        return;
      case 'fetch':
        this._fetch(action);
        return;
      case 'verify':
        this._verify(action);
        return;
      case 'select':
        this._select(action);
        return;
      case 'verifyAccount':
        this._verifyAccount(action);
        return;
      case 'verifyAccountSubtree':
        this._verifyAccount(action);
        return;
      case 'persist':
        this._persist(action.record);
        return;
      case 'emit':
        if (action.event === 'accountResult') return this._settleRead(action.data);
        this.emit(action.event, action.data);
        return;
      default:
        throw new TypeError(`unknown action ${action.type}`);
    }
  }

  async _load() {
    let record = null;
    if (this.storage) {
      try {
        record = await loadRecord(this.storage);
      } catch (err) {
        this._storageError(err);
      }
    }
    this._dispatch({ type: 'loaded', now: this.clock(), record });
  }

  async _fetch({ id, peerId, request, timeoutMs }) {
    const peer = this.machine.peers.get(peerId);
    const controller = new AbortController();
    this.aborts.set(id, controller);
    let event;
    try {
      const body = requestBody(request);
      let data;
      if (peer.kind === PeerKind.SERVER) data = await graphqlRequest(peer.url, body, { timeoutMs, signal: controller.signal });
      else {
        const transport = this.transports[peer.kind];
        if (!transport) throw new PeerError('no_transport', `no transport for ${peer.kind} peers yet`);
        data = await transport(peer, body, { timeoutMs, signal: controller.signal });
      }
      event = { type: 'answer', id, data };
    } catch (err) {
      event = { type: 'answer', id, error: { code: err.code ?? 'error', message: err.message } };
    } finally {
      this.aborts.delete(id);
    }
    this._dispatch({ ...event, now: this.clock() });
  }

  async _verify({ id, blocks }) {
    let event;
    try {
      const forms = blocks.map(precomputedFromGraphqlBlock);
      const tip = await this.checker.verifyBlock(forms[forms.length - 1]);
      // The ancestors are authenticated by the hash links up to the verified tip: only their
      // hashes are computed (cheap), never their proofs verified.
      const hashes = [];
      for (let i = 0; i < forms.length; i++) {
        const h = i === forms.length - 1 ? { stateHash: tip.stateHash } : await this.checker.stateHash(forms[i]);
        hashes.push({ stateHash: h.stateHash, previousStateHash: forms[i].data.protocol_state.previous_state_hash, height: blockHeight(forms[i]) });
      }
      event = { type: 'verified', id, verdict: { tip, hashes } };
    } catch (err) {
      event = { type: 'verified', id, error: { code: err.code ?? 'malformed', message: err.message } };
    }
    this._dispatch({ ...event, now: this.clock() });
  }

  async _select({ id, tip, candidate }) {
    let event;
    try {
      const r = await this.checker.selectChain(precomputedFromGraphqlBlock(tip), precomputedFromGraphqlBlock(candidate), {
        tipHeight: blockHeight(precomputedFromGraphqlBlock(tip)),
        candidateHeight: blockHeight(precomputedFromGraphqlBlock(candidate)),
      });
      event = { type: 'selected', id, take: r.take, rule: r.rule };
    } catch (err) {
      event = { type: 'selected', id, error: { code: err.code ?? 'error', message: err.message } };
    }
    this._dispatch({ ...event, now: this.clock() });
  }

  async _verifyAccount({ id, account, subtree, ledgerHash }) {
    let event;
    try {
      if (subtree && !this.checker.verifyAccountSubtree)
        throw new NodeError('unsupported', `the ${this.checker.name} checker cannot verify subtrees`);
      const r = subtree ? await this.checker.verifyAccountSubtree(subtree, ledgerHash) : await this.checker.verifyAccount(account, ledgerHash);
      event = { type: 'accountVerified', id, valid: r.valid, reason: r.reason };
    } catch (err) {
      event = { type: 'accountVerified', id, valid: false, error: { code: err.code ?? 'error', message: err.message } };
    }
    this._dispatch({ ...event, now: this.clock() });
  }

  _storageError(err) {
    this.emit('storageError', { code: err.code ?? 'io_error', message: err.message });
  }

  _settleRead(result) {
    const p = this.pending.get(result.id);
    if (!p) return;
    this.pending.delete(result.id);
    if (result.error) return p.reject(new NodeError(result.error.code, result.error.message));
    if (result.subtree) return p.resolve({ subtree: result.subtree, ledgerHash: result.ledgerHash, stateHash: result.stateHash, peer: result.peer, source: 'network' });
    // (The machine has checked that this is the account asked for: key and token.)
    const read = { account: result.account, ledgerHash: result.ledgerHash, stateHash: result.stateHash };
    p.resolve({ ...read, peer: result.peer, source: 'network' });
    // Kept as a ledger chunk when it was read against the tip's ledger (the key's).
    if (this.storage && p.key && p.key === accountKey(result.ledgerHash, p.publicKey, p.tokenId))
      this.writing = this.writing.then(async () => {
        try {
          stageAccountRead(this.storage, p.key, read);
          await this.storage.commit();
        } catch (err) {
          this._storageError(err);
        }
      });
  }

  // One write at a time, in order; a failed write is reported and the next tip writes again.
  _persist(record) {
    if (!this.storage) return;
    this.writing = this.writing.then(async () => {
      let error;
      try {
        await saveRecord(this.storage, record);
      } catch (err) {
        error = { code: err.code ?? 'io_error', message: err.message };
      }
      // After a verified tip the verifier has what a restart needs (SRS, the wrap domain's
      // Lagrange basis): stored once, in its own store.
      if (this.cacheStore && this.verifier && record.tip) {
        try {
          if ((await stageVerifierSetup(this.cacheStore, this.verifier)).length) await this.cacheStore.commit();
        } catch (err) {
          this._storageError(err);
        }
      }
      this._dispatch({ type: 'persisted', now: this.clock(), error });
      if (!error) this.emit('persisted', { stateHash: record.tip?.stateHash, generation: this.storage.generation });
    });
  }
}

function blockHeight(precomputed) {
  const n = Number(precomputed?.data?.protocol_state?.body?.consensus_state?.blockchain_length);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function createNode(options) {
  return new LightNode(options);
}
