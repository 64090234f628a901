// Storage for the light node: a ChunkStore (store.mjs) over files in Node or IndexedDB in
// browsers. createStorage({backend: 'files', dir}) | ({backend: 'indexeddb', name}) |
// ({backend: 'memory'}) opens the newest complete generation.
import { ChunkStore } from './store.mjs';
import { MemoryBackend } from './memory.mjs';
import { StorageError } from './errors.mjs';

export { ChunkStore } from './store.mjs';
export { StorageError } from './errors.mjs';
export { ChunkKind, encodeChunk, decodeChunk, encodeManifest, decodeManifest, chooseGeneration } from './format.mjs';
export { MemoryBackend } from './memory.mjs';

export async function createStorage(options = {}) {
  const { backend = 'memory' } = options;
  if (backend === 'memory') return ChunkStore.open(await MemoryBackend.create());
  if (backend === 'files') {
    if (!options.dir) throw new StorageError('invalid_argument', 'the files backend needs a dir');
    const { FileBackend } = await import('./node-files.mjs');
    return ChunkStore.open(await FileBackend.create(options.dir, options));
  }
  if (backend === 'indexeddb') {
    const { IndexedDbBackend } = await import('./indexeddb.mjs');
    return ChunkStore.open(await IndexedDbBackend.create(options.name ?? 'mina-webnode', options));
  }
  throw new StorageError('invalid_argument', `unknown storage backend ${backend}`);
}
