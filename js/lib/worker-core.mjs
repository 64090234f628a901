// The verifier worker's side of the pool protocol, shared by the Node and browser workers.
// One WASM instance per worker; messages are handled one at a time, in order.
//
// pool → worker
//   {type: 'init', srs, lagrange: [[log2, bytes]…], memoryLimitMb}
//   {type: 'call', id, op: 'verify'|'verifyBatch'|'vkHash'|'exportSetup'|'stateHash'|'verifyBlock'|'selectChain'|'verifyAccount'|'verifyAccountSubtree', args}
//   {type: 'lagrange', log2, bytes}            a basis another worker computed
// worker → pool
//   {type: 'progress', phase: 'module'|'srs'|'lagrange', state: 'start'|'done', log2?, ms?}
//   {type: 'ready', memoryBytes} | {type: 'fatal', error}
//   {type: 'started', id}                       the call is running (its timeout starts)
//   {type: 'result', id, value | error, memoryBytes}
//   {type: 'lagrange', log2, bytes}             a basis this worker computed, for the others
//   {type: 'recycle', error}                    the instance is unusable (OOM, trap): replace me
const PAGE = 65536;
const INITIAL_PAGES = 512; // -sINITIAL_MEMORY=32 MiB in wasm/CMakeLists.txt

function seed() {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

// Binding answers are {error: {code, message}} or the value itself.
class BindingError extends Error {
  constructor(record) {
    super(record.message);
    this.record = record;
  }
}
function unwrap(answer) {
  if (answer && answer.error) throw new BindingError(answer.error);
  return answer;
}

export function startWorker({ post, loadModule }) {
  let mod = null;
  const domains = new Set();
  let chain = Promise.resolve();

  const progress = (phase, state, extra = {}) => post({ type: 'progress', phase, state, ...extra });
  const memoryBytes = () => (mod ? mod.setupInfo().memoryBytes : 0);

  async function init({ srs, lagrange = [], memoryLimitMb = 4096 }) {
    progress('module', 'start');
    const maximum = Math.min(65536, Math.max(INITIAL_PAGES, Math.floor((memoryLimitMb * 1024 * 1024) / PAGE)));
    const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum });
    mod = await loadModule(memory);
    progress('module', 'done');

    progress('srs', 'start', { source: srs?.kind ?? 'generate' });
    let answer;
    if (!srs || srs.kind === 'generate') answer = mod.setupGenerate();
    else if (srs.kind === 'srs') answer = mod.setupFromSrs(srs.pallas, srs.vesta);
    else if (srs.kind === 'cache') answer = mod.setupFromCache(srs.pallas, srs.vesta);
    else answer = { error: { code: 'invalid_argument', message: `unknown srs kind ${srs.kind}` } };
    const { ms } = unwrap(answer);
    progress('srs', 'done', { ms });
    for (const [log2, bytes] of lagrange) importLagrange(log2, bytes);
  }

  function importLagrange(log2, bytes) {
    if (domains.has(log2)) return;
    // A basis that does not import (other SRS, damaged) is simply recomputed when needed.
    if (!mod.importLagrange(log2, bytes).error) domains.add(log2);
  }

  // A wrap domain's 40 Lagrange commitments cost 40 MSMs (seconds in WASM); without them each
  // proof commits to its public input directly (one MSM). The first proof of a domain goes the
  // direct way and answers fast; the second builds the basis (reported as progress), which every
  // later proof of the domain then uses, and hands it to the pool for the other workers.
  const uses = new Map();
  function noteDomain(log2) {
    if (domains.has(log2)) return 0;
    const n = (uses.get(log2) ?? 0) + 1;
    uses.set(log2, n);
    if (n < 2) return 0;
    progress('lagrange', 'start', { log2 });
    const { ms } = unwrap(mod.prepareLagrange(log2));
    domains.add(log2);
    progress('lagrange', 'done', { log2, ms });
    const exported = mod.exportLagrange(log2);
    if (!exported.error) post({ type: 'lagrange', log2, bytes: exported.bytes }, [exported.bytes.buffer]);
    return ms;
  }

  function vkInfo(vk) {
    const info = unwrap(mod.vkInfo(vk.text));
    if (vk.hashGiven && !info.hashMatches) {
      throw new BindingError({ code: 'vk_hash_mismatch', message: `verification key hash does not match its data (computed ${info.hash})` });
    }
    return info;
  }

  function verifyOne({ proof, vk, maxProofsVerified }) {
    const info = vkInfo(vk);
    const lagrangeMs = noteDomain(info.wrapDomainLog2);
    const r = unwrap(mod.verifyZkapp(proof, vk.text, maxProofsVerified, seed()));
    const out = { valid: r.valid, vkHash: info.hash, ms: { ...r.ms, lagrange: lagrangeMs } };
    if (!r.valid) out.reason = r.reason;
    return out;
  }

  // All entries in one batch; when it fails, each alone to say which. A malformed entry gets its
  // own error and does not stop the others.
  function verifyBatch({ items }) {
    const results = items.map(() => null);
    let pending = [];
    items.forEach((item, i) => {
      try {
        const info = vkInfo(item.vk);
        noteDomain(info.wrapDomainLog2);
        pending.push(i);
      } catch (e) {
        if (!(e instanceof BindingError)) throw e;
        results[i] = { valid: false, error: e.record };
      }
    });
    let batchMs = 0;
    while (pending.length > 0) {
      const entries = pending.map((i) => ({ proof: items[i].proof, vk: items[i].vk.text, maxProofsVerified: items[i].maxProofsVerified }));
      const answer = mod.verifyBatch(entries, seed());
      if (answer.error && answer.error.index !== undefined) {
        const bad = pending[answer.error.index];
        const { index, ...record } = answer.error;
        results[bad] = { valid: false, error: record };
        pending = pending.filter((i) => i !== bad);
        continue;
      }
      if (!answer.error) batchMs = answer.ms.verify;
      if (!answer.error && answer.valid) {
        for (const i of pending) results[i] = { valid: true };
      } else {
        for (const i of pending) {
          try {
            const r = verifyOne(items[i]);
            results[i] = r.valid ? { valid: true } : { valid: false, reason: r.reason };
          } catch (e) {
            if (!(e instanceof BindingError)) throw e;
            results[i] = { valid: false, error: e.record };
          }
        }
      }
      break;
    }
    return { valid: results.every((r) => r.valid), results, ms: { batch: batchMs } };
  }

  // The SRS in the fast cache format (commitment/srs_cache.hpp), for setup({format: 'cache'}).
  function exportSetup() {
    const { pallas, vesta } = unwrap(mod.exportSrsCache());
    return { srs: { pallas, vesta, format: 'cache' } };
  }

  // The blockchain SNARK's wrap domain is 2^14 (pickles/verifier_index_json.hpp).
  function verifyBlock({ text, bytes, network, verifierIndex }) {
    const lagrangeMs = noteDomain(14);
    const block = bytes ?? new TextEncoder().encode(text);
    const r = unwrap(mod.verifyBlock(block, network, verifierIndex, seed()));
    r.ms = { ...r.ms, lagrange: lagrangeMs };
    return r;
  }

  function call(op, args) {
    if (op === 'verify') return verifyOne(args);
    if (op === 'verifyBatch') return verifyBatch(args);
    if (op === 'vkHash') return { hash: vkInfo(args.vk).hash };
    if (op === 'exportSetup') return exportSetup();
    if (op === 'stateHash') return unwrap(args.bytes ? mod.stateHashBytes(args.bytes) : mod.stateHash(args.text));
    if (op === 'verifyBlock') return verifyBlock(args);
    if (op === 'selectChain') return unwrap(mod.selectChain(args.tip, args.candidate, args.network));
    if (op === 'verifyAccount') return unwrap(mod.verifyAccount(args.account, args.ledgerHash, args.depth ?? -1));
    if (op === 'verifyAccountSubtree') {
      if (!mod.verifyAccountSubtree) throw new BindingError({ code: 'unsupported', message: 'this WASM build has no verifyAccountSubtree' });
      return unwrap(mod.verifyAccountSubtree(args.subtree, args.ledgerHash, args.depth ?? -1));
    }
    throw new BindingError({ code: 'invalid_argument', message: `unknown operation ${op}` });
  }

  async function handle(msg) {
    if (msg.type === 'init') {
      try {
        await init(msg);
        post({ type: 'ready', memoryBytes: memoryBytes() });
      } catch (e) {
        post({ type: 'fatal', error: e instanceof BindingError ? e.record : { code: 'internal', message: String(e?.message ?? e) } });
      }
      return;
    }
    if (msg.type === 'lagrange') {
      if (mod) importLagrange(msg.log2, msg.bytes);
      return;
    }
    if (msg.type !== 'call') return;
    post({ type: 'started', id: msg.id });
    const t0 = performance.now();
    try {
      const value = call(msg.op, msg.args);
      value.ms = { ...value.ms, worker: performance.now() - t0 };
      post({ type: 'result', id: msg.id, value, memoryBytes: memoryBytes() });
    } catch (e) {
      if (e instanceof BindingError) {
        post({ type: 'result', id: msg.id, error: e.record, memoryBytes: memoryBytes() });
        // After an allocation failure the heap may be half-updated: start afresh.
        if (e.record.code === 'out_of_memory') post({ type: 'recycle', error: e.record });
        return;
      }
      // A trap or abort inside WASM: this instance cannot be trusted any more.
      const record = { code: 'worker_crashed', message: `verifier instance failed: ${e?.message ?? e}` };
      post({ type: 'result', id: msg.id, error: record });
      post({ type: 'recycle', error: record });
    }
  }

  return (msg) => {
    chain = chain.then(() => handle(msg));
  };
}
