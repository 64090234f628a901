// Files in Node: one file per chunk record, one per generation manifest.
//
//   DIR/chunks/<encodeURIComponent(key)>@<generation>.chunk
//   DIR/manifests/<generation, 20 digits>.manifest
// Every file is written as a temporary sibling, fsync'ed, then renamed over its final name, and
// the directory is fsync'ed, so a name never points at a partly written file. commit() writes all
// chunk files before the manifest, which makes the manifest the commit point. Temporaries left by
// a crash are removed at open. ENOSPC / EDQUOT become StorageError('quota_exceeded'), other
// failures StorageError('io_error') with the original error as `cause`.
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';

import { StorageError } from './errors.mjs';

const TMP_MARK = '.tmp-';
let tmpCounter = 0;

function mapError(err, what) {
  if (err instanceof StorageError) return err;
  const code = err?.code === 'ENOSPC' || err?.code === 'EDQUOT' ? 'quota_exceeded' : 'io_error';
  return new StorageError(code, `${what}: ${err?.message ?? err}`, { cause: err });
}

// Linux limits a file name to 255 bytes; keys whose escaped form is longer cannot be files.
const MAX_ESCAPED_KEY = 200;
function chunkName(key, generation) {
  const escaped = encodeURIComponent(key);
  if (escaped.length > MAX_ESCAPED_KEY)
    throw new StorageError('invalid_length', `key "${key.slice(0, 40)}…" is too long for the file backend`);
  return `${escaped}@${generation}.chunk`;
}
const manifestName = (generation) => `${String(generation).padStart(20, '0')}.manifest`;

function parseChunkName(name) {
  const m = /^(.*)@(\d+)\.chunk$/.exec(name);
  if (!m) return undefined;
  try {
    return { key: decodeURIComponent(m[1]), generation: BigInt(m[2]) };
  } catch {
    return undefined;
  }
}

export class FileBackend {
  #dir;
  #fs;

  constructor(dir, fs) {
    this.#dir = dir;
    this.#fs = fs;
  }

  // options.fs: a node:fs/promises-compatible object (tests inject failures through it).
  static async create(dir, { fs = nodeFs } = {}) {
    const b = new FileBackend(dir, fs);
    try {
      await fs.mkdir(join(dir, 'chunks'), { recursive: true });
      await fs.mkdir(join(dir, 'manifests'), { recursive: true });
      await b.#removeTemporaries();
    } catch (err) {
      throw mapError(err, `cannot open storage directory ${dir}`);
    }
    return b;
  }

  async #removeTemporaries() {
    for (const sub of ['chunks', 'manifests'])
      for (const name of await this.#fs.readdir(join(this.#dir, sub)))
        if (name.includes(TMP_MARK)) await this.#fs.rm(join(this.#dir, sub, name), { force: true });
  }

  async #fsyncDir(sub) {
    const handle = await this.#fs.open(join(this.#dir, sub), 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  // temp file + fsync + rename: after a crash the final name holds the old or the new bytes.
  async #writeDurably(sub, name, bytes) {
    const final = join(this.#dir, sub, name);
    const tmp = `${final}${TMP_MARK}${process.pid}-${tmpCounter++}`;
    const handle = await this.#fs.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.#fs.rename(tmp, final);
  }

  async #read(sub, name) {
    try {
      return new Uint8Array(await this.#fs.readFile(join(this.#dir, sub, name)));
    } catch (err) {
      if (err?.code === 'ENOENT') return undefined;
      throw mapError(err, `cannot read ${sub}/${name}`);
    }
  }

  async #list(sub) {
    try {
      return (await this.#fs.readdir(join(this.#dir, sub))).filter((n) => !n.includes(TMP_MARK));
    } catch (err) {
      throw mapError(err, `cannot list ${sub}`);
    }
  }

  async listManifests() {
    return (await this.#list('manifests'))
      .map((n) => /^(\d+)\.manifest$/.exec(n))
      .filter(Boolean)
      .map((m) => BigInt(m[1]));
  }

  readManifest(generation) {
    return this.#read('manifests', manifestName(generation));
  }

  async listChunks() {
    return (await this.#list('chunks')).map(parseChunkName).filter(Boolean);
  }

  readChunk(key, generation) {
    return this.#read('chunks', chunkName(key, generation));
  }

  async commit(generation, records, manifestBytes) {
    try {
      for (const r of records) await this.#writeDurably('chunks', chunkName(r.key, r.generation), r.bytes);
      await this.#fsyncDir('chunks');
      await this.#writeDurably('manifests', manifestName(generation), manifestBytes);
      await this.#fsyncDir('manifests');
    } catch (err) {
      throw mapError(err, `cannot commit generation ${generation}`);
    }
  }

  async deleteChunks(list) {
    try {
      for (const c of list) await this.#fs.rm(join(this.#dir, 'chunks', chunkName(c.key, c.generation)), { force: true });
    } catch (err) {
      throw mapError(err, 'cannot delete chunks');
    }
  }

  async deleteManifests(list) {
    try {
      for (const g of list) await this.#fs.rm(join(this.#dir, 'manifests', manifestName(g)), { force: true });
    } catch (err) {
      throw mapError(err, 'cannot delete manifests');
    }
  }

  async close() {}
}
