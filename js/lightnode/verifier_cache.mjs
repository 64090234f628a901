// The verifier's setup kept in a ChunkStore of its own, so a restarted node's verifier loads its
// SRS and Lagrange bases in milliseconds instead of regenerating them (~5 s for the SRS, ~4 s per
// wrap domain's Lagrange basis). Its own store, not the node's: the cache is ~20 MB that every
// generation of the node's record would otherwise carry and checksum at open, and a damaged
// cache chunk must cost a regeneration, never the stored tip.
//   verifier/srs-pallas, verifier/srs-vesta   (SRS_CACHE)       the pool's exportSetup().srs
//   verifier/lagrange/<log2>                   (LAGRANGE_CACHE)  one per wrap domain
// Every chunk is checksummed by the store; the verifier checks the cache bytes again on load
// (its own checksum and a spot check against regenerated points), so a damaged cache costs a
// regeneration, never a wrong verdict.
import { ChunkKind } from '../storage/format.mjs';
import { createStorage } from '../storage/index.mjs';

const SRS_KEYS = { pallas: 'verifier/srs-pallas', vesta: 'verifier/srs-vesta' };
const LAGRANGE_PREFIX = 'verifier/lagrange/';
// Keys that failed their checksum at load, per store: stored again at the next write.
const damaged = new WeakMap();

// The cache store beside the node's storage options: files in <dir>/verifier-cache, IndexedDB
// database <name>-verifier-cache; none for memory storage or a ChunkStore the app opened itself
// (it passes `verifierCache` then). Undefined when there is none.
export async function openVerifierCacheStore(storageOptions, given) {
  if (given !== undefined) return given && typeof given.commit === 'function' ? given : given ? createStorage(given) : undefined;
  if (!storageOptions || typeof storageOptions.commit === 'function') return undefined;
  if (storageOptions.backend === 'files' && storageOptions.dir)
    return createStorage({ ...storageOptions, dir: `${storageOptions.dir.replace(/[\\/]+$/, '')}/verifier-cache` });
  if (storageOptions.backend === 'indexeddb')
    return createStorage({ ...storageOptions, name: `${storageOptions.name ?? 'mina-webnode'}-verifier-cache` });
  return undefined;
}

// What is stored: {srs: {pallas, vesta, format: 'cache'} | undefined, lagrange: {log2: bytes}} —
// the options createVerifier takes — or undefined when nothing is. A chunk that fails its
// checksum is skipped and reported through `onError` (the verifier then regenerates it).
export async function loadVerifierSetup(store, { onError = () => {} } = {}) {
  const read = async (key) => {
    try {
      return await store.get(key);
    } catch (err) {
      if (!damaged.has(store)) damaged.set(store, new Set());
      damaged.get(store).add(key);
      onError(err);
      return undefined;
    }
  };
  const pallas = await read(SRS_KEYS.pallas);
  const vesta = await read(SRS_KEYS.vesta);
  const lagrange = {};
  for (const { key } of store.list()) {
    if (!key.startsWith(LAGRANGE_PREFIX)) continue;
    const log2 = Number(key.slice(LAGRANGE_PREFIX.length));
    if (!Number.isInteger(log2)) continue;
    const bytes = await read(key);
    if (bytes) lagrange[log2] = bytes;
  }
  const srs = pallas && vesta ? { pallas, vesta, format: 'cache' } : undefined;
  if (!srs && Object.keys(lagrange).length === 0) return undefined;
  return srs ? { srs, lagrange } : { lagrange };
}

// What the store lacks of what the verifier has: {srs: bool, lagrange: [log2]}.
export function missingSetup(store, verifier) {
  const bad = damaged.get(store) ?? new Set();
  const has = new Set(store.list().map((e) => e.key).filter((k) => !bad.has(k)));
  // Asked after every verified tip: the domains only, not a copy of every basis.
  const lagrange = (verifier.lagrangeDomains?.() ?? [])
    .map(Number)
    .filter((log2) => !has.has(`${LAGRANGE_PREFIX}${log2}`));
  return { srs: !(has.has(SRS_KEYS.pallas) && has.has(SRS_KEYS.vesta)), lagrange };
}

// Stages the verifier's setup where the store lacks it; the caller commits (with its own record,
// so one generation carries both). Returns the keys staged.
export async function stageVerifierSetup(store, verifier) {
  const missing = missingSetup(store, verifier);
  const staged = [];
  if (!missing.srs && missing.lagrange.length === 0) return staged;
  const setup = await verifier.exportSetup();
  if (missing.srs && setup.srs?.pallas && setup.srs?.vesta) {
    store.put(SRS_KEYS.pallas, new Uint8Array(setup.srs.pallas), ChunkKind.SRS_CACHE);
    store.put(SRS_KEYS.vesta, new Uint8Array(setup.srs.vesta), ChunkKind.SRS_CACHE);
    staged.push(SRS_KEYS.pallas, SRS_KEYS.vesta);
  }
  for (const log2 of missing.lagrange) {
    const bytes = setup.lagrange?.[log2];
    if (!bytes) continue;
    const key = `${LAGRANGE_PREFIX}${log2}`;
    store.put(key, new Uint8Array(bytes), ChunkKind.LAGRANGE_CACHE);
    staged.push(key);
  }
  for (const key of staged) damaged.get(store)?.delete(key);
  return staged;
}
