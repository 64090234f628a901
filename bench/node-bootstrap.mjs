// The light node's bootstrap and restart, measured in one process.
//
//   node bench/node-bootstrap.mjs [--rounds N]
//
// A local server peer on 127.0.0.1 serves the recorded mainnet chain (8 blocks ending at the
// 359617 block that keeps its proof) through the GraphQL subset; a node with the package's WASM
// verifier pool (one worker) and file storage:
//   bootstrap cold     empty storage: SRS generated, tip verified, persisted
//   bootstrap warm     the same block again from empty node storage but the stored verifier setup
//   restart            a node over the stored record to its tip on screen (no network, no
//                      verification: the record's checksums only)
// Each figure is the median of N rounds; every line carries the ratio to the cold bootstrap of
// the same run (the in-process reference). The browser's reload to the stored tip is measured by
// tests/browser/webnode.browser.test.mjs (IndexedDB).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { fixtureChain, startFixtureServer } from '../tests/fixtures-server/server.mjs';
import { createVerifier } from '../js/index.mjs';
import { createNode } from '../js/lightnode/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
const tipName = readdirSync(join(fixtures, 'mina', 'precomputed')).find((f) => f.startsWith('mainnet-359617-3NL7rFMq'));
const TIP = /-(3N\w+)\.json$/.exec(tipName)[1];
const verifierIndex = readFileSync(join(fixtures, 'mina', 'mainnet_blockchain_verifier_index.json'), 'utf8');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const work = mkdtempSync(join(tmpdir(), 'mina-bench-node-'));
const peer = await startFixtureServer({ chain: fixtureChain(fixtures, TIP, 8) });
const peers = [{ url: peer.url, id: 'local-server' }];
const factory = (setup) => createVerifier({ workers: 1, ...setup });

// One bootstrap into `dir` (node record) with the verifier cache in `cacheDir`; ms to the
// persisted verified tip.
async function bootstrap(dir, cacheDir) {
  const node = createNode({
    network: 'mainnet', peers, verifier: factory, verifierIndex, tickMs: 20,
    storage: { backend: 'files', dir }, verifierCache: { backend: 'files', dir: cacheDir },
  });
  const persisted = new Promise((resolve) => node.on('persisted', (p) => p.stateHash === TIP && resolve()));
  const t0 = performance.now();
  await node.start();
  await node.waitForTip({ stateHash: TIP, timeoutMs: 300_000 });
  const tipMs = performance.now() - t0;
  await persisted;
  const source = node.setupSource;
  await node.close();
  return { tipMs, source };
}

async function restart(dir) {
  const t0 = performance.now();
  const node = createNode({ network: 'mainnet', peers: [], checker: { name: 'none' }, storage: { backend: 'files', dir } });
  const tip = await node.start();
  const ms = performance.now() - t0;
  await node.close();
  if (tip?.stateHash !== TIP) throw new Error(`restart found ${JSON.stringify(tip)}`);
  return ms;
}

const cold = [];
const warm = [];
const restarts = [];
try {
  for (let i = 0; i < rounds; i++) {
    const cacheDir = join(work, `cache-${i}`);
    const a = await bootstrap(join(work, `cold-${i}`), cacheDir);
    if (a.source !== 'fresh') throw new Error('cold bootstrap found a stored setup');
    cold.push(a.tipMs);
    const b = await bootstrap(join(work, `warm-${i}`), cacheDir);
    if (b.source !== 'storage') throw new Error('warm bootstrap did not use the stored setup');
    warm.push(b.tipMs);
    restarts.push(await restart(join(work, `warm-${i}`)));
  }
  const ref = median(cold);
  const line = (name, xs) => console.log(JSON.stringify({ bench: `node/${name}`, ms: Number(median(xs).toFixed(1)), runs: xs.map((x) => Math.round(x)), ratio_to_cold_bootstrap: Number((median(xs) / ref).toFixed(4)) }));
  line('bootstrap_cold_wasm', cold);
  line('bootstrap_stored_setup_wasm', warm);
  line('restart_to_stored_tip', restarts);
} finally {
  await peer.close();
  rmSync(work, { recursive: true, force: true });
}
