// js/storage: the chunk format against the C++ core, the ChunkStore over memory and files,
// interrupted and killed commits, byte flips, quota errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { ChunkKind, decodeChunk, decodeManifest, encodeChunk, encodeManifest, entryFor } from '../../js/storage/format.mjs';
import { StorageError } from '../../js/storage/errors.mjs';
import { ChunkStore } from '../../js/storage/store.mjs';
import { MemoryBackend } from '../../js/storage/memory.mjs';
import { FileBackend } from '../../js/storage/node-files.mjs';
import { createStorage } from '../../js/storage/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (h) => new Uint8Array(Buffer.from(h, 'hex'));
const bytes = (n, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);
const tempDir = (t) => {
  const d = mkdtempSync(join(tmpdir(), 'mina-storage-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
};

async function rejectsWith(promise, code) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof StorageError, `expected a StorageError, got ${e}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

// ---- format ----

test('format: chunk round trip keeps every field; every bit flip and truncation is a typed error', async () => {
  const chunk = { kind: ChunkKind.CHAIN_WINDOW, key: 'window/359606', generation: 42n, payload: bytes(97) };
  const rec = await encodeChunk(chunk);
  const d = await decodeChunk(rec);
  assert.equal(d.kind, chunk.kind);
  assert.equal(d.key, chunk.key);
  assert.equal(d.generation, 42n);
  assert.deepEqual(d.payload, chunk.payload);
  for (let i = 0; i < rec.length; i++)
    for (let bit = 0; bit < 8; bit++) {
      const b = rec.slice();
      b[i] ^= 1 << bit;
      await assert.rejects(decodeChunk(b), StorageError, `byte ${i} bit ${bit}`);
    }
  for (let n = 0; n < rec.length; n++) await rejectsWith(decodeChunk(rec.subarray(0, n)), 'truncated');
  await rejectsWith(decodeChunk(Uint8Array.of(...rec, 0)), 'trailing_bytes');
  await rejectsWith(encodeChunk({ ...chunk, key: '' }), 'invalid_length');
  await rejectsWith(encodeChunk({ ...chunk, kind: 99 }), 'unsupported');
});

test('format: manifest round trip; duplicate keys and future entries refused', async () => {
  const d = await decodeChunk(await encodeChunk({ kind: ChunkKind.TIP, key: 'tip', generation: 3n, payload: bytes(5) }));
  const manifest = { generation: 3n, entries: [entryFor(d)] };
  const back = await decodeManifest(await encodeManifest(manifest));
  assert.equal(back.generation, 3n);
  assert.deepEqual(back.entries, manifest.entries);
  await rejectsWith(encodeManifest({ generation: 3n, entries: [entryFor(d), entryFor(d)] }), 'invalid_argument');
  await rejectsWith(encodeManifest({ generation: 2n, entries: [entryFor(d)] }), 'invalid_argument');
  await rejectsWith(decodeManifest(await encodeChunk({ kind: ChunkKind.TIP, key: 'tip', generation: 3n, payload: bytes(5) })), 'invalid_argument');
});

// The native Catch2 binary writes records with the C++ core and checks the ones JS wrote.
function nativeTestsCommand() {
  const candidates = [process.env.MINA_TESTS_BIN, join(root, 'build', 'native', 'mina_tests')].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c.endsWith('.cjs') ? [process.execPath, c] : [c];
  const wasm = join(root, 'build', 'wasm', 'mina_tests.cjs');
  return existsSync(wasm) ? [process.execPath, wasm] : undefined;
}

test('format: records written by the C++ core decode in JS, and the other way round', async (t) => {
  const cmd = nativeTestsCommand();
  if (!cmd) return t.skip('no mina_tests binary (build/native or MINA_TESTS_BIN)');
  const dir = tempDir(t);
  // JS side: chunks, corrupt copies, a manifest; described in js.json.
  const chunks = [
    { kind: ChunkKind.SRS_CACHE, key: 'srs/pallas/0', generation: 9007199254740993n, payload: bytes(513, 3) },
    { kind: ChunkKind.TIP, key: 'tip', generation: 1n, payload: new Uint8Array(0) },
    { kind: ChunkKind.PEERS, key: 'peers/ü', generation: 0n, payload: bytes(2, 9) },
  ];
  const js = { chunks: [], corrupt: [] };
  const entries = [];
  for (const [i, c] of chunks.entries()) {
    const rec = await encodeChunk(c);
    const d = await decodeChunk(rec);
    writeFileSync(join(dir, `js-${i}.chunk`), rec);
    js.chunks.push({ file: `js-${i}.chunk`, kind: c.kind, key: c.key, generation: String(c.generation), payload: hex(c.payload), checksum: hex(d.checksum) });
    entries.push(entryFor(d));
    const flipped = rec.slice();
    flipped[rec.length >> 1] ^= 0x80;
    writeFileSync(join(dir, `js-${i}-flipped.chunk`), flipped);
    const code = await decodeChunk(flipped).then(() => 'ok', (e) => e.code);
    js.corrupt.push({ file: `js-${i}-flipped.chunk`, code });
    writeFileSync(join(dir, `js-${i}-torn.chunk`), rec.subarray(0, rec.length - 5));
    js.corrupt.push({ file: `js-${i}-torn.chunk`, code: 'truncated' });
  }
  const jsManifest = { generation: 9007199254740993n, entries };
  writeFileSync(join(dir, 'js-manifest.chunk'), await encodeManifest(jsManifest));
  js.manifest = {
    file: 'js-manifest.chunk',
    generation: String(jsManifest.generation),
    entries: entries.map((e) => ({ kind: e.kind, key: e.key, generation: String(e.generation), payloadBytes: e.payloadBytes, checksum: hex(e.checksum) })),
  };
  writeFileSync(join(dir, 'js.json'), JSON.stringify(js));

  const r = spawnSync(cmd[0], [...cmd.slice(1), '[.store-interop]'], { env: { ...process.env, MINA_STORE_INTEROP_DIR: dir }, encoding: 'utf8' });
  if (/No test cases matched/.test(r.stdout + r.stderr)) return t.skip(`${cmd.at(-1)} predates the interop test: rebuild it`);
  assert.equal(r.status, 0, `C++ rejected JS records:\n${r.stdout}\n${r.stderr}`);

  // C++ side, decoded and re-encoded here: identical bytes, identical verdicts.
  const cpp = JSON.parse(readFileSync(join(dir, 'cpp.json'), 'utf8'));
  assert.ok(cpp.chunks.length >= 3);
  for (const c of cpp.chunks) {
    const rec = new Uint8Array(readFileSync(join(dir, c.file)));
    const d = await decodeChunk(rec);
    assert.equal(d.kind, c.kind);
    assert.equal(d.key, c.key);
    assert.equal(String(d.generation), c.generation);
    assert.equal(hex(d.payload), c.payload);
    assert.equal(hex(d.checksum), c.checksum);
    const again = await encodeChunk({ kind: c.kind, key: c.key, generation: BigInt(c.generation), payload: unhex(c.payload) });
    assert.deepEqual(again, rec, `JS encodes ${c.file} differently`);
  }
  for (const c of cpp.corrupt) await rejectsWith(decodeChunk(new Uint8Array(readFileSync(join(dir, c.file)))), c.code);
  const m = await decodeManifest(new Uint8Array(readFileSync(join(dir, cpp.manifest.file))));
  assert.equal(String(m.generation), cpp.manifest.generation);
  assert.deepEqual(
    m.entries.map((e) => ({ kind: e.kind, key: e.key, generation: String(e.generation), payloadBytes: e.payloadBytes, checksum: hex(e.checksum) })),
    cpp.manifest.entries,
  );
  const mAgain = await encodeManifest(m);
  assert.deepEqual(mAgain, new Uint8Array(readFileSync(join(dir, cpp.manifest.file))));
});

// ---- the store, on every Node backend ----

const backends = {
  memory: async () => MemoryBackend.create(),
  files: async (t) => FileBackend.create(tempDir(t)),
};

for (const [name, make] of Object.entries(backends)) {
  test(`store (${name}): put/get/list/delete, visible after commit, shared across generations`, async (t) => {
    const backend = await make(t);
    const s = await ChunkStore.open(backend);
    assert.equal(s.generation, 0n);
    s.put('tip', bytes(10, 1), ChunkKind.TIP);
    s.put('ledger/0', bytes(3000, 2));
    assert.equal(await s.get('tip'), undefined, 'staged writes are not visible before commit');
    assert.equal(await s.commit(), 1n);
    assert.deepEqual(await s.get('tip'), bytes(10, 1));
    s.put('tip', bytes(10, 3), ChunkKind.TIP);
    s.delete('ledger/0');
    s.put('peers', bytes(7, 4), ChunkKind.PEERS);
    assert.equal(await s.commit(), 2n);
    assert.deepEqual(await s.get('tip'), bytes(10, 3));
    assert.equal(await s.get('ledger/0'), undefined);
    assert.deepEqual(s.list().map((e) => e.key).sort(), ['peers', 'tip']);
    // Reopening finds generation 2.
    const s2 = await ChunkStore.open(backend);
    assert.equal(s2.generation, 2n);
    assert.deepEqual(await s2.get('peers'), bytes(7, 4));
    // Old generations are collected beyond the previous one.
    s2.put('x', bytes(1));
    await s2.commit();
    s2.put('y', bytes(1));
    await s2.commit();
    assert.deepEqual((await backend.listManifests()).sort(), [3n, 4n]);
  });
}

test('store (files): a commit interrupted before its manifest leaves the previous generation', async (t) => {
  const dir = tempDir(t);
  const s = await ChunkStore.open(await FileBackend.create(dir));
  s.put('tip', bytes(32, 1), ChunkKind.TIP);
  s.put('window', bytes(64, 2), ChunkKind.CHAIN_WINDOW);
  await s.commit();
  // Generation 2's chunk files written, its manifest never: a crash between the two steps.
  for (const [key, seed] of [['tip', 5], ['window', 6]]) {
    const rec = await encodeChunk({ kind: ChunkKind.TIP, key, generation: 2n, payload: bytes(32, seed) });
    writeFileSync(join(dir, 'chunks', `${encodeURIComponent(key)}@2.chunk`), rec);
  }
  writeFileSync(join(dir, 'chunks', 'tip@3.chunk.tmp-1-1'), bytes(5)); // a torn temporary
  const reopened = await ChunkStore.open(await FileBackend.create(dir));
  assert.equal(reopened.generation, 1n);
  assert.deepEqual(await reopened.get('tip'), bytes(32, 1));
  assert.ok(!readdirSync(join(dir, 'chunks')).some((n) => n.includes('.tmp-')), 'temporaries removed at open');
  // A manifest whose chunk never made it: skipped, generation 1 stays.
  const d = await decodeChunk(await encodeChunk({ kind: ChunkKind.TIP, key: 'tip', generation: 3n, payload: bytes(32, 9) }));
  writeFileSync(join(dir, 'manifests', `${'3'.padStart(20, '0')}.manifest`), await encodeManifest({ generation: 3n, entries: [entryFor(d)] }));
  const again = await ChunkStore.open(await FileBackend.create(dir));
  assert.equal(again.generation, 1n);
  assert.match(again.openReport.skipped.join('\n'), /generation 3: chunk "tip"@3/);
});

test('store (files): a writer killed with SIGKILL mid-commit leaves the previous generation readable', async (t) => {
  const dir = tempDir(t);
  const s = await ChunkStore.open(await FileBackend.create(dir));
  s.put('tip', bytes(100, 1), ChunkKind.TIP);
  s.put('ledger/0', bytes(1000, 2));
  assert.equal(await s.commit(), 1n);

  // The child commits generation 2 with ~64 MB of fsync'ed chunks; we kill it once a few are on disk.
  const storeUrl = pathToFileURL(join(root, 'js', 'storage', 'store.mjs')).href;
  const filesUrl = pathToFileURL(join(root, 'js', 'storage', 'node-files.mjs')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `
    import { ChunkStore } from ${JSON.stringify(storeUrl)};
    import { FileBackend } from ${JSON.stringify(filesUrl)};
    const s = await ChunkStore.open(await FileBackend.create(${JSON.stringify(dir)}));
    s.put('tip', new Uint8Array(100).fill(7), 2);
    for (let i = 0; i < 256; i++) s.put('ledger/' + i, new Uint8Array(256 * 1024).fill(i & 0xff));
    process.stdout.write('committing\\n');
    await s.commit();
    process.stdout.write('done\\n');
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise((resolve) => child.stdout.once('data', resolve));
  // Wait until generation 2 is partly on disk, then kill without warning.
  for (let i = 0; i < 2000; i++) {
    if (readdirSync(join(dir, 'chunks')).filter((n) => n.endsWith('@2.chunk')).length >= 3) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  const { signal } = await exited;
  assert.equal(signal, 'SIGKILL');
  assert.ok(!existsSync(join(dir, 'manifests', `${'2'.padStart(20, '0')}.manifest`)), 'killed before its manifest');
  assert.ok(readdirSync(join(dir, 'chunks')).some((n) => n.endsWith('@2.chunk')), 'killed after some chunks');

  const reopened = await ChunkStore.open(await FileBackend.create(dir));
  assert.equal(reopened.generation, 1n);
  assert.deepEqual(await reopened.get('tip'), bytes(100, 1));
  assert.deepEqual(await reopened.get('ledger/0'), bytes(1000, 2));
  // And the store keeps working: the next commit is generation 2, written cleanly.
  reopened.put('tip', bytes(100, 3), ChunkKind.TIP);
  assert.equal(await reopened.commit(), 2n);
  assert.deepEqual(await (await ChunkStore.open(await FileBackend.create(dir))).get('tip'), bytes(100, 3));
});

test('store (files): flipping any byte of a stored chunk is detected, never returned; reopen falls back', async (t) => {
  const dir = tempDir(t);
  const s = await ChunkStore.open(await FileBackend.create(dir));
  s.put('tip', bytes(24, 1), ChunkKind.TIP);
  await s.commit();
  s.put('tip', bytes(24, 2), ChunkKind.TIP);
  await s.commit();
  const file = join(dir, 'chunks', 'tip@2.chunk');
  const good = new Uint8Array(readFileSync(file));
  for (let i = 0; i < good.length; i++) {
    const b = good.slice();
    b[i] ^= 0x5a;
    writeFileSync(file, b);
    await rejectsWith(s.get('tip'), 'corrupt_chunk');
  }
  writeFileSync(file, good.subarray(0, 30)); // torn
  await rejectsWith(s.get('tip'), 'corrupt_chunk');
  rmSync(file); // lost
  await rejectsWith(s.get('tip'), 'corrupt_chunk');

  const flipped = good.slice();
  flipped[good.length - 40] ^= 1;
  writeFileSync(file, flipped);
  const reopened = await ChunkStore.open(await FileBackend.create(dir));
  assert.equal(reopened.generation, 1n, 'the damaged generation is passed over');
  assert.deepEqual(await reopened.get('tip'), bytes(24, 1));

  // Flipping any byte of the newest manifest also falls back.
  writeFileSync(file, good);
  const mfile = join(dir, 'manifests', `${'2'.padStart(20, '0')}.manifest`);
  const mgood = new Uint8Array(readFileSync(mfile));
  for (let i = 0; i < mgood.length; i += 3) {
    const b = mgood.slice();
    b[i] ^= 0x01;
    writeFileSync(mfile, b);
    assert.equal((await ChunkStore.open(await FileBackend.create(dir))).generation, 1n, `manifest byte ${i}`);
  }
  writeFileSync(mfile, mgood);
  assert.equal((await ChunkStore.open(await FileBackend.create(dir))).generation, 2n);
});

test('store (files): a full disk is StorageError quota_exceeded; nothing changes; retry succeeds', async (t) => {
  const dir = tempDir(t);
  let full = false;
  // node:fs/promises with writes failing as a full disk does.
  const fs = {
    ...fsp,
    open: async (path, flags) => {
      const h = await fsp.open(path, flags);
      if (flags !== 'w') return h;
      return {
        writeFile: async (data) => {
          if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          return h.writeFile(data);
        },
        sync: () => h.sync(),
        close: () => h.close(),
      };
    },
  };
  const s = await ChunkStore.open(await FileBackend.create(dir, { fs }));
  s.put('tip', bytes(10, 1), ChunkKind.TIP);
  await s.commit();
  full = true;
  s.put('tip', bytes(10, 2), ChunkKind.TIP);
  await rejectsWith(s.commit(), 'quota_exceeded');
  assert.equal(s.generation, 1n);
  assert.deepEqual(await s.get('tip'), bytes(10, 1));
  assert.equal(s.pending, 1, 'the change stays staged');
  assert.equal((await ChunkStore.open(await FileBackend.create(dir))).generation, 1n);
  full = false;
  assert.equal(await s.commit(), 2n);
  assert.deepEqual(await s.get('tip'), bytes(10, 2));
});

test('createStorage: files and memory; unknown backends are typed errors', async (t) => {
  const dir = tempDir(t);
  const s = await createStorage({ backend: 'files', dir });
  s.put('a', bytes(3));
  await s.commit();
  await s.close();
  await rejectsWith(Promise.resolve().then(() => s.list()), 'closed');
  assert.deepEqual(await (await createStorage({ backend: 'files', dir })).get('a'), bytes(3));
  await rejectsWith(createStorage({ backend: 'floppy' }), 'invalid_argument');
  await rejectsWith(createStorage({ backend: 'indexeddb' }), 'unsupported'); // no IndexedDB in Node
  assert.equal((await createStorage()).generation, 0n);
});

test('store (files): restart with a node-sized state opens and reads the tip quickly', async (t) => {
  const dir = tempDir(t);
  const s = await ChunkStore.open(await FileBackend.create(dir));
  s.put('tip', bytes(8 * 1024, 1), ChunkKind.TIP);
  for (let i = 0; i < 290; i++) s.put(`window/${i}`, bytes(6 * 1024, i), ChunkKind.CHAIN_WINDOW);
  s.put('srs/pallas', bytes(4 << 20, 2), ChunkKind.SRS_CACHE);
  s.put('peers', bytes(2048, 3), ChunkKind.PEERS);
  await s.commit();
  const t0 = performance.now();
  const reopened = await ChunkStore.open(await FileBackend.create(dir));
  const tip = await reopened.get('tip');
  const ms = performance.now() - t0;
  t.diagnostic(`restart: open (every chunk checksummed) + read tip = ${ms.toFixed(1)} ms for 293 chunks, about 6 MB`);
  assert.deepEqual(tip, bytes(8 * 1024, 1));
  assert.equal(reopened.list().length, 293);
  assert.ok(ms < 5000, `restart took ${ms} ms`);
});
