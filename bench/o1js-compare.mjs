// Verification time, ours against o1js `verify`, on the same proofs in one run.
//
//   node bench/o1js-compare.mjs [--rounds N]
//
// o1js (2.15.0, dev dependency, the test-time oracle) runs in this process; our verifier runs
// as the native CLI and the WASM CLI (one thread each) with a warm cache directory, and reports
// its own in-process verify time (--repeat: the fastest of N verifications after the first,
// decode and setup excluded, as for o1js's warm calls). Cold figures are whole fresh processes: ours with no cache and with a warm cache,
// o1js's import + first verify. Every line prints the ratio o1js / ours.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
const cacheDir = join(root, 'build', 'bench-cache');
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'mina-bench-'));

const ours = {
  native: (args) => spawnSync(nativeCli, args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};
function runOurs(kind, args) {
  const t0 = performance.now();
  const r = ours[kind](args);
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${kind} ${args.join(' ')}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return { wall, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l)) };
}

const o1 = (f) => JSON.parse(readFileSync(join(fixtures, 'o1js', f), 'utf8'));
const zk = o1('zkapp_update_proof.json');
const cases = [
  { name: 'square0_base', proof: o1('square0_base_proof.json'), vk: o1('square0_vk.json') },
  { name: 'square1_step', proof: o1('square1_step_proof.json'), vk: o1('square1_vk.json') },
  { name: 'zkapp_update', proof: zk.proof_toJSON, vk: o1('zkapp_vk.json') },
];
for (const c of cases) {
  c.proofFile = join(work, `${c.name}.proof.json`);
  c.vkFile = join(work, `${c.name}.vk.json`);
  writeFileSync(c.proofFile, JSON.stringify(c.proof));
  writeFileSync(c.vkFile, JSON.stringify(c.vk));
}
const verifyArgs = (c, extra) => ['verify-zkapp', '--proof', c.proofFile, '--vk', c.vkFile, ...extra];
const min = (xs) => Math.min(...xs);
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const line = (what, o1ms, oursMs) => console.log(`${what.padEnd(44)} o1js ${fmt(o1ms).padStart(9)}  ours ${fmt(oursMs).padStart(8)}  ratio ${(o1ms / oursMs).toFixed(1)}x`);

// ---- cold: fresh processes ----
console.log('# cold: a fresh process verifying one proof (wall clock)');
const c0 = cases[1];
// The script sits in the project (bench/) so that `import('o1js')` resolves node_modules.
const coldScript = join(root, 'bench', '.o1js-cold.mjs');
writeFileSync(coldScript, `
  const t0 = performance.now();
  const { verify } = await import('o1js');
  const ok = await verify(${JSON.stringify(c0.proof)}, ${JSON.stringify(c0.vk)});
  console.log(JSON.stringify({ ok, ms: performance.now() - t0 }));`);
const o1jsCold = spawnSync(process.execPath, [coldScript], { encoding: 'utf8', cwd: root });
rmSync(coldScript, { force: true });
if (o1jsCold.status !== 0) throw new Error(o1jsCold.stderr);
const o1jsColdMs = JSON.parse(o1jsCold.stdout.trim().split('\n').pop()).ms;
for (const kind of ['native', 'wasm']) {
  const fresh = join(work, `cache-${kind}`);
  const noCache = runOurs(kind, verifyArgs(c0, []));
  line(`${kind}: no cache (SRS generated)`, o1jsColdMs, noCache.wall);
  runOurs(kind, verifyArgs(c0, ['--cache-dir', fresh]));  // fills the cache
  const cached = runOurs(kind, verifyArgs(c0, ['--cache-dir', fresh]));
  line(`${kind}: SRS + Lagrange from the cache`, o1jsColdMs, cached.wall);
}

// ---- warm: verification alone ----
console.log(`# warm: one proof, best of ${rounds} in one process (both sides)`);
const { verify } = await import('o1js');
for (const c of cases) {
  if (!(await verify(c.proof, c.vk))) throw new Error(`o1js rejects ${c.name}`);
  const o1ms = [];
  for (let i = 0; i < rounds; ++i) {
    const t0 = performance.now();
    await verify(c.proof, c.vk);
    o1ms.push(performance.now() - t0);
  }
  for (const kind of ['native', 'wasm']) {
    runOurs(kind, verifyArgs(c, ['--cache-dir', cacheDir]));  // domain basis into the cache
    const r = runOurs(kind, verifyArgs(c, ['--cache-dir', cacheDir, '--repeat', String(rounds)]));
    line(`${c.name} ${kind}`, min(o1ms), r.lines[0].ms.verify_warm);
  }
}

// ---- batch: ten proofs, one combined check ----
console.log('# batch of 10 (ours: verify-batch total in-process, o1js: 10 sequential verify calls)');
const manifest = join(work, 'batch.json');
const ten = Array.from({ length: 10 }, (_, i) => cases[i % cases.length]);
writeFileSync(manifest, JSON.stringify(ten.map((c) => ({ proof: c.proofFile, vk: c.vkFile }))));
let o1jsBatch = performance.now();
for (const c of ten) await verify(c.proof, c.vk);
o1jsBatch = performance.now() - o1jsBatch;
for (const kind of ['native', 'wasm']) {
  const ms = [];
  for (let i = 0; i < rounds; ++i) {
    const r = runOurs(kind, ['verify-batch', manifest, '--cache-dir', cacheDir]);
    ms.push(r.lines[r.lines.length - 1].ms.verify);
  }
  line(`batch of 10 ${kind} (in-process verify)`, o1jsBatch, min(ms));
}
rmSync(work, { recursive: true, force: true });
