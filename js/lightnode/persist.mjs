// The node's record in a ChunkStore (js/storage): three chunks written together as one
// generation, so a restart sees a tip, its window and the peers as they were at one moment —
// never a tip from one write and a window from another (a crash mid-write leaves the previous
// generation current; see js/storage/store.mjs).
//   node/tip     (TIP)           {version, network, tip: {stateHash, height, block}}
//   node/window  (CHAIN_WINDOW)  [{stateHash, previousStateHash, height}] oldest first
//   node/peers   (PEERS)         [peer records]
import { ChunkKind } from '../storage/format.mjs';

const KEYS = { tip: 'node/tip', window: 'node/window', peers: 'node/peers' };
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

const encode = (value) => utf8.encode(JSON.stringify(value));
const decode = (bytes) => JSON.parse(fromUtf8.decode(bytes));

export async function saveRecord(store, record) {
  store.put(KEYS.tip, encode({ version: record.version, network: record.network, tip: record.tip }), ChunkKind.TIP);
  store.put(KEYS.window, encode(record.window), ChunkKind.CHAIN_WINDOW);
  store.put(KEYS.peers, encode(record.peers), ChunkKind.PEERS);
  return store.commit();
}

// The stored record, or null when nothing was stored. A chunk that fails its checksum throws
// StorageError('corrupt_chunk') (the store never returns it).
export async function loadRecord(store) {
  const tipBytes = await store.get(KEYS.tip);
  if (!tipBytes) return null;
  const head = decode(tipBytes);
  const windowBytes = await store.get(KEYS.window);
  const peerBytes = await store.get(KEYS.peers);
  return {
    ...head,
    window: windowBytes ? decode(windowBytes) : [],
    peers: peerBytes ? decode(peerBytes) : [],
  };
}
