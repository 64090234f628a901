// An in-memory backend: the reference for the backend contract (store.mjs) and for tests.
const id = (key, generation) => `${key}@${generation}`;

export class MemoryBackend {
  chunks = new Map(); // "key@gen" -> {key, generation, bytes}
  manifests = new Map(); // gen -> bytes

  static async create() {
    return new MemoryBackend();
  }
  async listManifests() {
    return [...this.manifests.keys()];
  }
  async readManifest(g) {
    return this.manifests.get(g);
  }
  async listChunks() {
    return [...this.chunks.values()].map(({ key, generation }) => ({ key, generation }));
  }
  async readChunk(key, generation) {
    return this.chunks.get(id(key, generation))?.bytes;
  }
  async commit(generation, records, manifestBytes) {
    for (const r of records) this.chunks.set(id(r.key, r.generation), { key: r.key, generation: r.generation, bytes: r.bytes.slice() });
    this.manifests.set(generation, manifestBytes.slice());
  }
  async deleteChunks(list) {
    for (const c of list) this.chunks.delete(id(c.key, c.generation));
  }
  async deleteManifests(list) {
    for (const g of list) this.manifests.delete(g);
  }
  async close() {}
}
