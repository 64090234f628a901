// IndexedDB in browsers: one database per store, schema version 1.
//
//   object store "chunks"     key "<key>@<generation>"  value {key, generation (decimal string), bytes}
//   object store "manifests"  key generation as 20 decimal digits  value {generation, bytes}
// commit() puts a generation's chunk records and its manifest in ONE readwrite transaction, so
// IndexedDB makes the generation appear whole or not at all (a tab closed mid-commit aborts the
// transaction). The records still carry their own checksums: storage can rot, and a reader
// must never trust bytes it did not check. QuotaExceededError (also when it aborts a transaction)
// becomes StorageError('quota_exceeded'); other failures StorageError('io_error').
import { StorageError } from './errors.mjs';

export const SCHEMA_VERSION = 1;

function mapError(err, what) {
  if (err instanceof StorageError) return err;
  const name = err?.name ?? '';
  const code = name === 'QuotaExceededError' ? 'quota_exceeded' : 'io_error';
  return new StorageError(code, `${what}: ${name || 'error'} ${err?.message ?? ''}`.trim(), { cause: err });
}

const chunkId = (key, generation) => `${key}@${generation}`;
const manifestId = (generation) => String(generation).padStart(20, '0');

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    tx.onerror = () => {}; // the abort that follows carries the error
  });
}

export class IndexedDbBackend {
  #db;

  constructor(db) {
    this.#db = db;
  }

  // options.indexedDB: the factory (defaults to globalThis.indexedDB).
  static async create(name, { indexedDB = globalThis.indexedDB } = {}) {
    if (!indexedDB) throw new StorageError('unsupported', 'IndexedDB is not available here');
    try {
      const req = indexedDB.open(name, SCHEMA_VERSION);
      req.onupgradeneeded = (event) => {
        const db = req.result;
        // Version 0 -> 1: the two stores. Later versions add their own steps here.
        if (event.oldVersion < 1) {
          db.createObjectStore('chunks');
          db.createObjectStore('manifests');
        }
      };
      return new IndexedDbBackend(await request(req));
    } catch (err) {
      throw mapError(err, `cannot open IndexedDB database ${name}`);
    }
  }

  async #run(stores, mode, what, body) {
    let tx;
    try {
      tx = this.#db.transaction(stores, mode);
      const done = transactionDone(tx);
      done.catch(() => {}); // observed below, or superseded by body's own error
      const result = await body(tx);
      await done;
      return result;
    } catch (err) {
      // A request that threw synchronously must not let the rest of the transaction commit.
      try {
        tx?.abort();
      } catch {
        // already finished or aborted
      }
      throw mapError(err, what);
    }
  }

  async listManifests() {
    const keys = await this.#run(['manifests'], 'readonly', 'cannot list manifests', (tx) => request(tx.objectStore('manifests').getAllKeys()));
    return keys.map((k) => BigInt(k));
  }

  async readManifest(generation) {
    const v = await this.#run(['manifests'], 'readonly', 'cannot read a manifest', (tx) =>
      request(tx.objectStore('manifests').get(manifestId(generation))),
    );
    return v ? new Uint8Array(v.bytes) : undefined;
  }

  async listChunks() {
    const values = await this.#run(['chunks'], 'readonly', 'cannot list chunks', async (tx) => {
      const out = [];
      await new Promise((resolve, reject) => {
        const req = tx.objectStore('chunks').openCursor();
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) return resolve();
          out.push({ key: cursor.value.key, generation: BigInt(cursor.value.generation) });
          cursor.continue();
        };
        req.onerror = () => reject(req.error);
      });
      return out;
    });
    return values;
  }

  async readChunk(key, generation) {
    const v = await this.#run(['chunks'], 'readonly', 'cannot read a chunk', (tx) =>
      request(tx.objectStore('chunks').get(chunkId(key, generation))),
    );
    return v ? new Uint8Array(v.bytes) : undefined;
  }

  commit(generation, records, manifestBytes) {
    return this.#run(['chunks', 'manifests'], 'readwrite', `cannot commit generation ${generation}`, async (tx) => {
      const chunks = tx.objectStore('chunks');
      for (const r of records)
        chunks.put({ key: r.key, generation: String(r.generation), bytes: r.bytes }, chunkId(r.key, r.generation));
      tx.objectStore('manifests').put({ generation: String(generation), bytes: manifestBytes }, manifestId(generation));
    });
  }

  deleteChunks(list) {
    return this.#run(['chunks'], 'readwrite', 'cannot delete chunks', async (tx) => {
      const chunks = tx.objectStore('chunks');
      for (const c of list) chunks.delete(chunkId(c.key, c.generation));
    });
  }

  deleteManifests(list) {
    return this.#run(['manifests'], 'readwrite', 'cannot delete manifests', async (tx) => {
      const manifests = tx.objectStore('manifests');
      for (const g of list) manifests.delete(manifestId(g));
    });
  }

  async close() {
    this.#db.close();
  }
}
