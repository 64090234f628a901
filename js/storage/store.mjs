// ChunkStore: get / put / delete / list of byte chunks by key, made durable one generation at a
// time, over any backend (memory.mjs, node-files.mjs, indexeddb.mjs).
//
// Reads see the current generation; put/delete are staged and become visible together when
// commit() has written a new generation (its new chunk records first, its manifest last, see
// core/store/manifest.hpp). open() picks the newest generation whose manifest decodes and whose
// every chunk is present with the listed checksum, so a crash during a commit leaves the previous
// generation current, and a damaged chunk makes the store fall back to an older complete one.
// get() re-checks the chunk it returns: a chunk that rotted after open() is reported as
// StorageError('corrupt_chunk') and never returned. Unchanged chunks are shared between
// generations; commit() keeps the previous generation's records (the fallback) and deletes older
// ones. One writer at a time.
//
// Backend contract (all async; `generation` is a bigint):
//   listManifests() -> bigint[]            readManifest(g) -> Uint8Array | undefined
//   listChunks() -> [{key, generation}]    readChunk(key, g) -> Uint8Array | undefined
//   commit(g, [{key, generation, bytes}], manifestBytes)  durable chunks, then the manifest
//   deleteChunks([{key, generation}])      deleteManifests([g])          close()
// Backends throw StorageError only (quota_exceeded, io_error).
import { StorageError } from './errors.mjs';
import { ChunkKind, chooseGeneration, decodeChunk, encodeChunk, encodeManifest, entryFor, sameEntry } from './format.mjs';

const DEFAULT_KIND = ChunkKind.LEDGER;

export class ChunkStore {
  #backend;
  #current = { generation: 0n, entries: [] };
  #previous = undefined;
  #staged = new Map(); // key -> {kind, payload} | null (delete)
  #highest = 0n; // the highest generation any manifest on record claims, valid or not
  #closed = false;
  #openReport = { skipped: [] };

  constructor(backend) {
    this.#backend = backend;
  }

  // Opens the store on `backend`: the newest complete generation becomes current.
  static async open(backend) {
    const store = new ChunkStore(backend);
    await store.#load();
    return store;
  }

  get generation() {
    return this.#current.generation;
  }
  // Why newer generations were passed over at open (torn manifests, missing / corrupt chunks).
  get openReport() {
    return this.#openReport;
  }

  async #load() {
    const generations = (await this.#backend.listManifests()).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    if (generations.length) this.#highest = generations[0];
    const records = [];
    for (const g of generations) {
      const r = await this.#backend.readManifest(g);
      if (r) records.push(r);
    }
    const isAvailable = async (e) => {
      const bytes = await this.#backend.readChunk(e.key, e.generation);
      if (!bytes) return false;
      try {
        return sameEntry(entryFor(await decodeChunk(bytes)), e);
      } catch (err) {
        if (err instanceof StorageError) return false;
        throw err;
      }
    };
    const choice = await chooseGeneration(records, isAvailable);
    this.#openReport = { skipped: choice.skipped };
    if (!choice.manifest) return;
    this.#current = choice.manifest;
    // The next older complete generation stays as the fallback.
    const older = await chooseGeneration(records.filter((_, i) => i !== choice.index), isAvailable);
    if (older.manifest && older.manifest.generation < choice.manifest.generation) this.#previous = older.manifest;
  }

  #check() {
    if (this.#closed) throw new StorageError('closed', 'the store is closed');
  }

  // Keys of the current generation, with their kinds and sizes.
  list() {
    this.#check();
    return this.#current.entries.map((e) => ({ key: e.key, kind: e.kind, size: e.payloadBytes }));
  }

  has(key) {
    return this.#current.entries.some((e) => e.key === key);
  }

  // The payload stored under `key` in the current generation, or undefined when there is none.
  async get(key) {
    this.#check();
    const entry = this.#current.entries.find((e) => e.key === key);
    if (!entry) return undefined;
    const bytes = await this.#backend.readChunk(entry.key, entry.generation);
    if (!bytes) throw new StorageError('corrupt_chunk', `chunk "${key}" is missing`, { key });
    let decoded;
    try {
      decoded = await decodeChunk(bytes);
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      throw new StorageError('corrupt_chunk', `chunk "${key}" is corrupt: ${err.message}`, { key, cause: err });
    }
    if (!sameEntry(entryFor(decoded), entry))
      throw new StorageError('corrupt_chunk', `chunk "${key}" is not the one the manifest lists`, { key });
    return decoded.payload;
  }

  put(key, payload, kind = DEFAULT_KIND) {
    this.#check();
    if (!(payload instanceof Uint8Array)) throw new StorageError('invalid_argument', 'payload must be a Uint8Array');
    this.#staged.set(key, { kind, payload });
  }

  delete(key) {
    this.#check();
    this.#staged.set(key, null);
  }

  get pending() {
    return this.#staged.size;
  }

  // Writes the staged changes as a new generation; resolves to its number. On failure (e.g.
  // StorageError('quota_exceeded')) nothing changes: the current generation stays, the changes
  // stay staged.
  async commit() {
    this.#check();
    // Never reuse the number of a generation that was passed over (torn or damaged): its stale
    // manifest must not be mistaken for this one's.
    const generation = (this.#highest > this.#current.generation ? this.#highest : this.#current.generation) + 1n;
    const records = [];
    const entries = [];
    for (const e of this.#current.entries) if (!this.#staged.has(e.key)) entries.push(e);
    for (const [key, change] of this.#staged) {
      if (change === null) continue;
      const bytes = await encodeChunk({ kind: change.kind, key, generation, payload: change.payload });
      records.push({ key, generation, bytes });
      entries.push(entryFor(await decodeChunk(bytes)));
    }
    const manifest = { generation, entries };
    const manifestBytes = await encodeManifest(manifest);
    await this.#backend.commit(generation, records, manifestBytes);
    this.#highest = generation;
    this.#previous = this.#current.generation > 0n ? this.#current : undefined;
    this.#current = manifest;
    this.#staged.clear();
    await this.#collect();
    return generation;
  }

  // Deletes records no longer reachable from the current or the previous generation. Best
  // effort: a failure leaves garbage, never damage.
  async #collect() {
    const keep = new Set();
    for (const m of [this.#current, this.#previous]) if (m) for (const e of m.entries) keep.add(`${e.key}@${e.generation}`);
    const keepGenerations = new Set([this.#current.generation, this.#previous?.generation].filter((g) => g !== undefined));
    try {
      const chunks = await this.#backend.listChunks();
      await this.#backend.deleteChunks(chunks.filter((c) => !keep.has(`${c.key}@${c.generation}`)));
      const manifests = await this.#backend.listManifests();
      await this.#backend.deleteManifests(manifests.filter((g) => !keepGenerations.has(g)));
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
    }
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    await this.#backend.close?.();
  }
}
