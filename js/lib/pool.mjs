// The verifier pool: N workers, each with its own WASM instance and setup; requests queue in
// FIFO order and go to the first idle worker.
//   cancel (AbortSignal): a queued request leaves the queue; a running one is rejected at once
//     and its result discarded when it comes (the worker's setup is worth keeping).
//   timeout (per request, from the moment a worker starts it): the worker is presumed stuck,
//     terminated and replaced.
//   crash (thread died, trap, out of memory): the worker's request fails with a typed error and
//     a fresh worker takes its place; the caller's process keeps running.
//   setup failure (bad SRS bytes, no WASM build): every pending request fails with setup_failed,
//     and so do later ones, instead of respawning workers forever.
import { VerifierError, errorFromRecord } from './errors.mjs';
import { blockArgs, maxProofsVerifiedArg, proofJsonText, vkJson } from './inputs.mjs';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

function srsMessage(srs) {
  if (srs === undefined || srs === 'generate') return { kind: 'generate' };
  if (srs && srs.pallas && srs.vesta) {
    const kind = srs.format === 'cache' ? 'cache' : 'srs';
    return { kind, pallas: new Uint8Array(srs.pallas), vesta: new Uint8Array(srs.vesta) };
  }
  throw new VerifierError('invalid_input', "srs must be 'generate' or {pallas, vesta[, format: 'srs'|'cache']} bytes");
}

function jsonText(x, what) {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') return JSON.stringify(x);
  throw new VerifierError('invalid_input', `${what} must be JSON text or an object`);
}

export class VerifierPool {
  constructor(spawn, options = {}) {
    const { workers = 1, srs, lagrange = {}, timeoutMs = DEFAULT_TIMEOUT_MS, memoryLimitMb = 4096, onProgress } = options;
    if (!Number.isInteger(workers) || workers < 1) throw new VerifierError('invalid_input', 'workers must be a positive integer');
    this._spawn = spawn;
    this._srs = srsMessage(srs);
    this._lagrange = new Map(Object.entries(lagrange).map(([k, v]) => [Number(k), new Uint8Array(v)]));
    this._timeoutMs = timeoutMs;
    this._memoryLimitMb = memoryLimitMb;
    this._listeners = new Map();
    if (onProgress) this.on('progress', onProgress);
    this._queue = [];
    this._workers = [];
    this._nextId = 1;
    this._nextWorkerId = 1;
    this._closed = false;
    this._failure = null;
    this._setupFailuresInARow = 0;
    for (let i = 0; i < workers; ++i) this._workers.push(this._startWorker());
  }

  // ---- events: 'progress', 'ready', 'worker-exit', 'lagrange' ----
  on(event, fn) {
    if (!this._listeners.has(event)) this._listeners.set(event, new Set());
    this._listeners.get(event).add(fn);
    return this;
  }
  off(event, fn) {
    this._listeners.get(event)?.delete(fn);
    return this;
  }
  _emit(event, data) {
    for (const fn of this._listeners.get(event) ?? []) {
      try {
        fn(data);
      } catch {
        // A listener's bug must not break the pool.
      }
    }
  }

  // ---- requests ----
  verifyZkappProof(proof, vk, options = {}) {
    return this._request('verify', () => ({ proof: proofJsonText(proof), vk: vkJson(vk), maxProofsVerified: maxProofsVerifiedArg(options.maxProofsVerified) }), options);
  }

  verifyBatch(entries, options = {}) {
    return this._request('verifyBatch', () => {
      if (!Array.isArray(entries)) throw new VerifierError('invalid_input', 'verifyBatch takes an array of {proof, vk[, maxProofsVerified]}');
      const items = entries.map((e) => {
        if (!e || typeof e !== 'object') throw new VerifierError('invalid_input', 'each batch entry is {proof, vk[, maxProofsVerified]}');
        return { proof: proofJsonText(e.proof), vk: vkJson(e.vk), maxProofsVerified: maxProofsVerifiedArg(e.maxProofsVerified) };
      });
      return { items };
    }, options);
  }

  async vkHash(vk, options = {}) {
    const r = await this._request('vkHash', () => ({ vk: vkJson(vk) }), options);
    return r.hash;
  }

  // The protocol state's hash, computed (never copied from the input): {stateHash,
  // previousStateHash, bodyHash, source, claimedStateHash?, ms}.
  stateHash(block, options = {}) {
    return this._request('stateHash', () => blockArgs(block), options);
  }

  // A block with its protocol-state proof, on `network` ('mainnet' | 'devnet'), against that
  // network's blockchain verifier index (JSON text or object: the package ships no keys).
  verifyBlock(block, options = {}) {
    const { network, verifierIndex } = options;
    return this._request('verifyBlock', () => {
      if (typeof network !== 'string') throw new VerifierError('invalid_input', "verifyBlock needs {network: 'mainnet' | 'devnet'}");
      if (typeof verifierIndex !== 'string' && (typeof verifierIndex !== 'object' || verifierIndex === null))
        throw new VerifierError('invalid_input', "verifyBlock needs {verifierIndex}: the network's blockchain verifier index JSON");
      const index = typeof verifierIndex === 'string' ? verifierIndex : JSON.stringify(verifierIndex);
      return { ...blockArgs(block), network, verifierIndex: index };
    }, options);
  }

  // Mina's fork choice between two blocks (any JSON block shape stateHash takes) on `network`:
  // {take: switch to the candidate, rule: which rule decided}.
  selectChain(tip, candidate, options = {}) {
    const { network } = options;
    return this._request('selectChain', () => {
      if (typeof network !== 'string') throw new VerifierError('invalid_input', "selectChain needs {network: 'mainnet' | 'devnet'}");
      return { tip: jsonText(tip, 'tip'), candidate: jsonText(candidate, 'candidate'), network };
    }, options);
  }

  // A GraphQL `account` answer (with leafHash and merklePath) against a ledger hash ("jx…" or
  // decimal): {valid, reason?}. options.depth: the ledger depth (default Mina's 35).
  verifyAccount(account, ledgerHash, options = {}) {
    return this._request('verifyAccount', () => {
      if (typeof ledgerHash !== 'string') throw new VerifierError('invalid_input', 'verifyAccount needs the ledger hash as a string');
      return { account: jsonText(account, 'account'), ledgerHash, depth: options.depth ?? -1 };
    }, options);
  }

  // A wide query's answer ({firstIndex, height, accounts, merklePath}: an aligned subtree of the
  // ledger with the path of its root) against a ledger hash: {valid, reason?, accounts}.
  verifyAccountSubtree(subtree, ledgerHash, options = {}) {
    return this._request('verifyAccountSubtree', () => {
      if (typeof ledgerHash !== 'string') throw new VerifierError('invalid_input', 'verifyAccountSubtree needs the ledger hash as a string');
      return { subtree: jsonText(subtree, 'subtree'), ledgerHash, depth: options.depth ?? -1 };
    }, options);
  }

  // What each worker is doing and how much WASM memory it holds.
  stats() {
    return {
      queued: this._queue.length,
      workers: this._workers.map((w) => ({ id: w.id, state: w.state, busy: !!w.current, running: !!w.current?.startedAt, memoryBytes: w.memoryBytes, completed: w.completed })),
      lagrangeDomains: [...this._lagrange.keys()].sort(),
    };
  }

  // Resolves when every worker has its setup (the first request would wait for it anyway).
  ready() {
    if (this._failure) return Promise.reject(this._failure);
    if (this._workers.every((w) => w.state === 'ready')) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this._failure) return done(reject, this._failure);
        if (this._closed) return done(reject, new VerifierError('closed', 'the verifier was closed'));
        if (this._workers.every((w) => w.state === 'ready')) done(resolve);
      };
      const done = (fn, arg) => {
        this.off('ready', check).off('failed', check).off('closed', check);
        fn(arg);
      };
      this.on('ready', check).on('failed', check).on('closed', check);
    });
  }

  // Setup worth persisting (e.g. in IndexedDB or a file) and passing back to createVerifier:
  // {srs: {pallas, vesta, format: 'cache'}, lagrange: {log2: bytes}}. The cache loads in
  // milliseconds instead of seconds and is still checksummed and spot-checked on load.
  async exportSetup(options = {}) {
    const { srs } = await this._request('exportSetup', () => ({}), options);
    return { srs, lagrange: this.lagrangeBases() };
  }

  // The wrap domains (log2) whose Lagrange bases the pool holds (no copy of the bases).
  lagrangeDomains() {
    return [...this._lagrange.keys()];
  }

  // The Lagrange bases computed so far, per wrap domain (log2).
  lagrangeBases() {
    return Object.fromEntries([...this._lagrange].map(([k, v]) => [k, v.slice()]));
  }

  async close() {
    if (this._closed) return;
    this._closed = true;
    const err = () => new VerifierError('closed', 'the verifier was closed');
    for (const r of this._queue.splice(0)) this._settle(r, err());
    for (const w of this._workers) {
      if (w.current) this._settle(w.current, err());
      w.state = 'closed';
    }
    this._emit('closed');
    await Promise.all(this._workers.map((w) => w.handle.terminate()));
  }

  // Test and diagnostics hook: kill worker `index` abruptly, as a crash would.
  killWorker(index = 0) {
    this._workers[index]?.handle.kill();
  }

  _request(op, makeArgs, { signal, timeoutMs = this._timeoutMs } = {}) {
    return new Promise((resolve, reject) => {
      if (this._closed) return reject(new VerifierError('closed', 'the verifier was closed'));
      if (this._failure) return reject(this._failure);
      if (signal?.aborted) return reject(new VerifierError('cancelled', 'the request was cancelled', { cause: signal.reason }));
      let args;
      try {
        args = makeArgs();
      } catch (e) {
        return reject(e instanceof VerifierError ? e : new VerifierError('invalid_input', String(e?.message ?? e)));
      }
      const r = { id: this._nextId++, op, args, resolve, reject, signal, timeoutMs, queuedAt: performance.now(), settled: false };
      if (signal) {
        r.onAbort = () => this._cancel(r);
        signal.addEventListener('abort', r.onAbort, { once: true });
      }
      this._queue.push(r);
      this._dispatch();
    });
  }

  _settle(r, error, value) {
    if (r.settled) return;
    r.settled = true;
    clearTimeout(r.timer);
    if (r.signal && r.onAbort) r.signal.removeEventListener('abort', r.onAbort);
    if (error) r.reject(error);
    else r.resolve(value);
  }

  _cancel(r) {
    const i = this._queue.indexOf(r);
    if (i >= 0) this._queue.splice(i, 1);
    this._settle(r, new VerifierError('cancelled', 'the request was cancelled', { cause: r.signal?.reason }));
  }

  _dispatch() {
    for (const w of this._workers) {
      if (this._queue.length === 0) return;
      if (w.current || w.state === 'dead' || w.state === 'closed') continue;
      const r = this._queue.shift();
      w.current = r;
      r.worker = w;
      r.dispatchedAt = performance.now();
      w.handle.hold?.(true);
      w.handle.post({ type: 'call', id: r.id, op: r.op, args: r.args });
    }
  }

  _startWorker() {
    const w = { id: this._nextWorkerId++, state: 'starting', current: null, memoryBytes: 0, completed: 0 };
    w.handle = this._spawn({
      onMessage: (msg) => this._onWorkerMessage(w, msg),
      onExit: (reason) => this._onWorkerExit(w, { code: 'worker_crashed', message: reason }),
    });
    w.handle.post({ type: 'init', srs: this._srs, lagrange: [...this._lagrange], memoryLimitMb: this._memoryLimitMb });
    return w;
  }

  _onWorkerMessage(w, msg) {
    if (w.state === 'dead' || w.state === 'closed') return;
    switch (msg.type) {
      case 'progress': {
        const { type, ...event } = msg;
        this._emit('progress', { workerId: w.id, ...event });
        break;
      }
      case 'ready':
        w.state = 'ready';
        w.memoryBytes = msg.memoryBytes;
        if (!w.current) w.handle.hold?.(false);
        this._setupFailuresInARow = 0;
        this._emit('ready', { workerId: w.id, memoryBytes: msg.memoryBytes });
        break;
      case 'fatal':
        this._fail(errorFromRecord({ ...msg.error, code: 'setup_failed', cause: msg.error.code, message: `verifier setup failed: ${msg.error.message}` }));
        break;
      case 'started': {
        const r = w.current;
        if (r && r.id === msg.id && !r.settled) {
          r.startedAt = performance.now();
          r.timer = setTimeout(() => this._timeout(w, r), r.timeoutMs);
        }
        break;
      }
      case 'result': {
        const r = w.current;
        if (!r || r.id !== msg.id) break;
        w.current = null;
        w.completed += 1;
        if (w.state === 'ready') w.handle.hold?.(false);
        if (msg.memoryBytes) w.memoryBytes = msg.memoryBytes;
        if (msg.error) this._settle(r, errorFromRecord(msg.error));
        else {
          const now = performance.now();
          msg.value.ms = { ...msg.value.ms, queue: (r.startedAt ?? now) - r.queuedAt, total: now - r.queuedAt };
          msg.value.workerId = w.id;
          this._settle(r, null, msg.value);
        }
        this._dispatch();
        break;
      }
      case 'lagrange':
        if (!this._lagrange.has(msg.log2)) {
          this._lagrange.set(msg.log2, msg.bytes);
          for (const other of this._workers) {
            if (other !== w && other.state !== 'dead') other.handle.post({ type: 'lagrange', log2: msg.log2, bytes: msg.bytes });
          }
          this._emit('lagrange', { log2: msg.log2, bytes: msg.bytes.length });
        }
        break;
      case 'recycle':
        this._replace(w, msg.error);
        break;
    }
  }

  _timeout(w, r) {
    if (r.settled || w.current !== r) return;
    this._settle(r, new VerifierError('timeout', `verification took longer than ${r.timeoutMs} ms; the worker was replaced`));
    this._replace(w, null);
  }

  _onWorkerExit(w, error) {
    if (w.state === 'dead' || w.state === 'closed') return;
    const beforeReady = w.state === 'starting';
    this._replace(w, error);
    if (beforeReady && ++this._setupFailuresInARow >= 3) {
      this._fail(new VerifierError('setup_failed', `verifier workers keep dying during setup: ${error.message}`));
    }
  }

  // Kills w, fails its request (if still pending) with `error`, starts a fresh worker in its slot.
  _replace(w, error) {
    if (w.state === 'dead' || w.state === 'closed') return;
    w.state = 'dead';
    const r = w.current;
    w.current = null;
    if (r && error) this._settle(r, errorFromRecord(error));
    w.handle.terminate();
    this._emit('worker-exit', { workerId: w.id, error });
    if (this._closed || this._failure) return;
    const i = this._workers.indexOf(w);
    this._workers[i] = this._startWorker();
    this._dispatch();
  }

  _fail(error) {
    if (this._failure) return;
    this._failure = error;
    for (const r of this._queue.splice(0)) this._settle(r, error);
    for (const w of this._workers) {
      if (w.current) this._settle(w.current, error);
      w.current = null;
      w.state = 'closed';
      w.handle.terminate();
    }
    this._emit('failed', error);
  }
}
