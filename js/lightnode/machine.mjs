// The light node's core: a deterministic state machine written in C++ (core/node, see
// core/node/machine.hpp for its events, actions and guarantees), run here from its own small WASM
// module (dist/{node,web}/mina-node-core.*; no verifier in it, so it fits on the main thread).
// This file only carries JSON across: `handle(event)` takes an event (with the time in `now`) and
// returns the actions the driver (node.mjs) must perform; the driver feeds their outcomes back as
// events. Replaying the same events gives the same actions.
//
// Events                                            Actions
//   {type:'start', now}                               {type:'load'}
//   {type:'loaded', now, record|null}                 {type:'fetch', id, peerId, request, timeoutMs}
//   {type:'tick', now}                                {type:'verify', id, peerId, blocks}
//   {type:'answer', id, now, data | error}            {type:'select', id, tip, candidate}
//   {type:'verified', id, now, verdict | error}       {type:'verifyAccount', id, account, ledgerHash, stateHash}
//   {type:'selected', id, now, take, rule | error}    {type:'persist', record}
//   {type:'accountVerified', id, now, valid, reason}  {type:'emit', event, data}
//   {type:'getAccount', id, now, publicKey, token}
//   {type:'persisted', now, error?}
//
// Options: {network, networkId?, peers, k, fanout, requestTimeoutMs, checkTimeoutMs,
// pollIntervalMs, banMs}; mainnet and devnet know their network id, another network needs
// `networkId` (e.g. {network: 'local', networkId: 'mina:local'}).
export const RECORD_VERSION = 1;

// A refused event or option set: `code` is the core's typed error (invalid_argument,
// malformed_json, limit_exceeded, …). A TypeError, as the JS machine threw for the same misuse.
export class NodeCoreError extends TypeError {
  constructor({ code, message }) {
    super(message);
    this.name = 'NodeCoreError';
    this.code = code;
  }
}

let corePromise;
// The WASM module, loaded once: in Node the CommonJS build with its bytes read from disk (Node
// 20's fetch cannot load a file path), in browsers the ES module build beside the package.
function loadNodeCore() {
  corePromise ??= (globalThis.process?.versions?.node ? loadInNode() : loadInBrowser()).catch((err) => {
    corePromise = undefined; // a later call may try again
    throw err;
  });
  return corePromise;
}

async function loadInNode() {
  const [{ createRequire }, { readFileSync }, { fileURLToPath }] = await Promise.all([import('node:module'), import('node:fs'), import('node:url')]);
  const gluePath = fileURLToPath(new URL('../../dist/node/mina-node-core.cjs', import.meta.url));
  const createMinaNodeCore = createRequire(import.meta.url)(gluePath);
  return createMinaNodeCore({ wasmBinary: readFileSync(gluePath.replace(/\.cjs$/, '.wasm')) });
}

async function loadInBrowser() {
  const { default: createMinaNodeCore } = await import('../../dist/web/mina-node-core.mjs');
  return createMinaNodeCore({ locateFile: (file) => new URL(`../../dist/web/${file}`, import.meta.url).href });
}

// A machine dropped without close() still frees its WASM memory when collected.
const finalizer = new FinalizationRegistry((core) => core.delete());

export async function createNodeMachine(options) {
  const module = await loadNodeCore();
  const core = new module.NodeCore();
  const created = JSON.parse(core.create(JSON.stringify(options ?? {})));
  if (created.error) {
    core.delete();
    throw new NodeCoreError(created.error);
  }
  return new NodeMachine(core, options.network);
}

export class NodeMachine {
  // Use createNodeMachine(options): the core must be loaded first.
  constructor(core, network) {
    this.core = core;
    this.network = network;
    finalizer.register(this, core, this);
  }

  handle(event) {
    const r = JSON.parse(this._core().handle(JSON.stringify(event)));
    if (r.error) throw new NodeCoreError(r.error);
    return r.actions;
  }

  // The verified tip {stateHash, height, block, source} or undefined; the window
  // [{stateHash, previousStateHash, height}] oldest first; fresh copies each time.
  get tip() {
    return (this.core ? JSON.parse(this.core.tip()) : this.last.tip) ?? undefined;
  }
  get window() {
    return this.core ? JSON.parse(this.core.window()) : structuredClone(this.last.window);
  }
  peerList() {
    return this.core ? JSON.parse(this.core.peerList()) : structuredClone(this.last.peers);
  }
  // id → peer record, for the driver (a peer's url and kind) and tests.
  get peers() {
    return new Map(this.peerList().map((p) => [p.id, p]));
  }
  // id → {id, purpose, peerId, deadline}: the requests waiting for their outcome.
  get inflight() {
    return new Map(this.core ? JSON.parse(this.core.inflight()).map((r) => [r.id, r]) : []);
  }
  // The next tick at or after `ms` starts a sync round (when no chain is being checked).
  set nextPollAt(ms) {
    this._core().schedulePoll(ms);
  }
  // What storage keeps: {version, network, tip?, window, peers}.
  record() {
    return this.core ? JSON.parse(this.core.record()) : structuredClone(this.last.record);
  }

  // Frees the WASM side; the last tip, window, peers and record stay readable.
  close() {
    if (!this.core) return;
    this.last = { tip: this.tip, window: this.window, peers: this.peerList(), record: this.record() };
    finalizer.unregister(this);
    this.core.delete();
    this.core = undefined;
  }

  _core() {
    if (!this.core) throw new NodeCoreError({ code: 'closed', message: 'the node machine is closed' });
    return this.core;
  }
}

// The ledger hash accounts are checked against: the verified tip's staged ledger hash (the core
// reads the same field; kept for callers that show it).
export function stagedLedgerHash(block) {
  return block?.protocolState?.blockchainState?.stagedLedgerHash?.nonSnark?.ledgerHash;
}
