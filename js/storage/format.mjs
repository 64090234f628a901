// The chunk record and generation manifest formats of core/store (chunk.hpp, manifest.hpp),
// byte for byte, in JS. Written in JS rather than called through the WASM core so that storage
// works (and can be checked) before and without the verifier module: opening the store on a
// restart must show the last tip at once, and the only cryptography needed is SHA-256, which
// both platforms ship (WebCrypto in browsers and in Node 20). tests/js/storage.test.mjs checks
// that records written by the C++ core decode here and the other way round.
//
// Record, integers little-endian:
//   "MWCK" | version 1 | kind u8 | key length u8 (1..255) | 0 | generation u64 | payload length u32
//   | key | payload | SHA-256 of everything before
// Manifest: a record of kind MANIFEST, key "manifest", whose payload is
//   u32 N | N x { kind u8, key length u8, key, generation u64, payload bytes u32, checksum[32] }
import { StorageError } from './errors.mjs';

export const MAGIC = Uint8Array.of(0x4d, 0x57, 0x43, 0x4b); // "MWCK"
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 20;
export const CHECKSUM_BYTES = 32;
export const MAX_KEY_BYTES = 255;
export const MAX_PAYLOAD = 64 * 1024 * 1024;
export const MAX_MANIFEST_ENTRIES = 1 << 20;
export const MANIFEST_KEY = 'manifest';

// Values are part of the format (core/store/chunk.hpp ChunkKind).
export const ChunkKind = Object.freeze({
  MANIFEST: 1,
  TIP: 2,
  CHAIN_WINDOW: 3,
  LEDGER: 4,
  SRS_CACHE: 5,
  LAGRANGE_CACHE: 6,
  PEERS: 7,
});
const isKnownKind = (k) => Number.isInteger(k) && k >= ChunkKind.MANIFEST && k <= ChunkKind.PEERS;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: false });

export async function sha256(bytes) {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

function fail(code, message) {
  throw new StorageError(code, message);
}

function keyBytes(key) {
  const k = typeof key === 'string' ? utf8.encode(key) : key;
  if (!(k instanceof Uint8Array) || k.length === 0 || k.length > MAX_KEY_BYTES)
    fail('invalid_length', `chunk key must be 1..${MAX_KEY_BYTES} bytes`);
  return k;
}

function toBigGeneration(g) {
  const v = typeof g === 'bigint' ? g : BigInt(g);
  if (v < 0n || v > 0xffffffffffffffffn) fail('invalid_argument', 'generation must be a u64');
  return v;
}

export const equalBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// chunk: {kind, key (string), generation (number|bigint), payload (Uint8Array)} -> record bytes.
export async function encodeChunk({ kind, key, generation, payload }) {
  if (!isKnownKind(kind)) fail('unsupported', `unknown chunk kind ${kind}`);
  const k = keyBytes(key);
  if (!(payload instanceof Uint8Array)) fail('invalid_argument', 'payload must be a Uint8Array');
  if (payload.length > MAX_PAYLOAD) fail('limit_exceeded', `chunk payload above ${MAX_PAYLOAD} bytes`);
  const body = HEADER_BYTES + k.length + payload.length;
  const out = new Uint8Array(body + CHECKSUM_BYTES);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = FORMAT_VERSION;
  out[5] = kind;
  out[6] = k.length;
  out[7] = 0;
  dv.setBigUint64(8, toBigGeneration(generation), true);
  dv.setUint32(16, payload.length, true);
  out.set(k, HEADER_BYTES);
  out.set(payload, HEADER_BYTES + k.length);
  out.set(await sha256(out.subarray(0, body)), body);
  return out;
}

// record bytes -> {kind, key, generation (bigint), payload, checksum}; StorageError otherwise,
// checks in core/store's order.
export async function decodeChunk(record) {
  const r = record instanceof Uint8Array ? record : new Uint8Array(record);
  if (r.length < HEADER_BYTES + CHECKSUM_BYTES) fail('truncated', 'chunk shorter than its header and checksum');
  if (!equalBytes(r.subarray(0, 4), MAGIC)) fail('invalid_encoding', 'not a chunk record (bad magic)');
  if (r[4] !== FORMAT_VERSION) fail('unsupported', `chunk format version ${r[4]}`);
  const dv = new DataView(r.buffer, r.byteOffset, r.byteLength);
  const keyLen = r[6];
  const payloadLen = dv.getUint32(16, true);
  if (payloadLen > MAX_PAYLOAD) fail('limit_exceeded', 'chunk payload length above the limit');
  const body = HEADER_BYTES + keyLen + payloadLen;
  if (r.length < body + CHECKSUM_BYTES) fail('truncated', 'chunk record is torn (shorter than declared)');
  if (r.length > body + CHECKSUM_BYTES) fail('trailing_bytes', 'chunk record longer than declared');
  const digest = await sha256(r.subarray(0, body));
  if (!equalBytes(digest, r.subarray(body))) fail('bad_checksum', 'chunk checksum mismatch (corrupt chunk)');
  if (r[7] !== 0) fail('invalid_encoding', 'chunk reserved byte is not 0');
  if (!isKnownKind(r[5])) fail('unsupported', `unknown chunk kind ${r[5]}`);
  if (keyLen === 0) fail('invalid_length', 'chunk key is empty');
  return {
    kind: r[5],
    key: fromUtf8.decode(r.subarray(HEADER_BYTES, HEADER_BYTES + keyLen)),
    generation: dv.getBigUint64(8, true),
    payload: r.slice(HEADER_BYTES + keyLen, body),
    checksum: digest,
  };
}

// What a manifest lists about a decoded chunk.
export const entryFor = (d) => ({
  kind: d.kind,
  key: d.key,
  generation: BigInt(d.generation),
  payloadBytes: d.payload.length,
  checksum: d.checksum,
});

export const sameEntry = (a, b) =>
  a.kind === b.kind && a.key === b.key && BigInt(a.generation) === BigInt(b.generation) &&
  a.payloadBytes === b.payloadBytes && equalBytes(a.checksum, b.checksum);

function checkEntries(generation, entries) {
  if (entries.length > MAX_MANIFEST_ENTRIES) fail('limit_exceeded', 'manifest has too many entries');
  const keys = new Set();
  for (const e of entries) {
    keyBytes(e.key);
    if (!isKnownKind(e.kind)) fail('unsupported', 'manifest entry of unknown kind');
    if (BigInt(e.generation) > generation) fail('invalid_argument', `manifest entry "${e.key}" is newer than the manifest`);
    if (keys.has(e.key)) fail('invalid_argument', `manifest lists "${e.key}" twice`);
    keys.add(e.key);
  }
}

// manifest: {generation, entries: [{kind, key, generation, payloadBytes, checksum}]} -> record.
export async function encodeManifest({ generation, entries }) {
  const g = toBigGeneration(generation);
  checkEntries(g, entries);
  const parts = [];
  let size = 4;
  for (const e of entries) {
    const k = keyBytes(e.key);
    const p = new Uint8Array(2 + k.length + 8 + 4 + CHECKSUM_BYTES);
    const dv = new DataView(p.buffer);
    p[0] = e.kind;
    p[1] = k.length;
    p.set(k, 2);
    dv.setBigUint64(2 + k.length, toBigGeneration(e.generation), true);
    dv.setUint32(10 + k.length, e.payloadBytes, true);
    if (!(e.checksum instanceof Uint8Array) || e.checksum.length !== CHECKSUM_BYTES) fail('invalid_length', 'checksum must be 32 bytes');
    p.set(e.checksum, 14 + k.length);
    parts.push(p);
    size += p.length;
  }
  const body = new Uint8Array(size);
  new DataView(body.buffer).setUint32(0, entries.length, true);
  let off = 4;
  for (const p of parts) {
    body.set(p, off);
    off += p.length;
  }
  return encodeChunk({ kind: ChunkKind.MANIFEST, key: MANIFEST_KEY, generation: g, payload: body });
}

export async function decodeManifest(record) {
  const d = await decodeChunk(record);
  if (d.kind !== ChunkKind.MANIFEST || d.key !== MANIFEST_KEY) fail('invalid_argument', 'chunk is not a manifest');
  const b = d.payload;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 0;
  const need = (n) => {
    if (b.length - pos < n) fail('truncated', 'manifest body ends early');
  };
  need(4);
  const count = dv.getUint32(0, true);
  pos = 4;
  if (count > MAX_MANIFEST_ENTRIES) fail('limit_exceeded', 'manifest has too many entries');
  const entries = [];
  for (let i = 0; i < count; i++) {
    need(2);
    const kind = b[pos];
    const keyLen = b[pos + 1];
    pos += 2;
    need(keyLen + 8 + 4 + CHECKSUM_BYTES);
    if (!isKnownKind(kind)) fail('unsupported', 'manifest entry of unknown kind');
    const key = fromUtf8.decode(b.subarray(pos, pos + keyLen));
    pos += keyLen;
    const generation = dv.getBigUint64(pos, true);
    const payloadBytes = dv.getUint32(pos + 8, true);
    const checksum = b.slice(pos + 12, pos + 12 + CHECKSUM_BYTES);
    pos += 12 + CHECKSUM_BYTES;
    entries.push({ kind, key, generation, payloadBytes, checksum });
  }
  if (pos !== b.length) fail('trailing_bytes', 'manifest body continues after its entries');
  checkEntries(d.generation, entries);
  return { generation: d.generation, entries };
}

// core/store choose_generation: the newest manifest whose every entry `isAvailable(entry)`
// (async) confirms; {manifest, index, skipped}. Undecodable manifests are skipped with reasons.
export async function chooseGeneration(manifestRecords, isAvailable) {
  const skipped = [];
  const candidates = [];
  for (let i = 0; i < manifestRecords.length; i++) {
    try {
      candidates.push({ manifest: await decodeManifest(manifestRecords[i]), index: i });
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
      skipped.push(`manifest record ${i}: ${e.message}`);
    }
  }
  candidates.sort((a, b) => (a.manifest.generation > b.manifest.generation ? -1 : a.manifest.generation < b.manifest.generation ? 1 : a.index - b.index));
  for (const c of candidates) {
    let missing;
    for (const e of c.manifest.entries) {
      if (!(await isAvailable(e))) {
        missing = e;
        break;
      }
    }
    if (!missing) return { manifest: c.manifest, index: c.index, skipped };
    skipped.push(`generation ${c.manifest.generation}: chunk "${missing.key}"@${missing.generation} missing or different`);
  }
  return { manifest: undefined, index: -1, skipped };
}
