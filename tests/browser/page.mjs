// The page's side of the browser test. window.runCheck() resolves to what the test asserts:
// verdicts, timings, the worker's WASM memory, and the main thread's event-loop delay while the
// verifier worker was busy (a 10 ms timer chain: how late each tick fired).
import { createVerifier, VerifierError } from 'mina-webnode';

const log = (line) => {
  document.getElementById('log').textContent += `${line}\n`;
};

async function bytes(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}
const json = async (path) => (await fetch(path)).json();

function delayMonitor(intervalMs = 10) {
  const delays = [];
  let running = true;
  let expected = performance.now() + intervalMs;
  const tick = () => {
    if (!running) return;
    const now = performance.now();
    delays.push(Math.max(0, now - expected));
    expected = now + intervalMs;
    setTimeout(tick, intervalMs);
  };
  setTimeout(tick, intervalMs);
  return () => {
    running = false;
    const sorted = [...delays].sort((a, b) => a - b);
    return {
      ticks: delays.length,
      maxMs: sorted[sorted.length - 1] ?? 0,
      p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      meanMs: delays.reduce((a, b) => a + b, 0) / Math.max(1, delays.length),
    };
  };
}

window.runCheck = async () => {
  const progress = [];
  const t0 = performance.now();
  const srs = { pallas: await bytes('/fixtures/srs/pallas.srs'), vesta: await bytes('/fixtures/srs/vesta.srs') };
  const vk = await json('/fixtures/o1js/square0_vk.json');
  const proof = await json('/fixtures/o1js/square0_base_proof.json');
  const dummy = await json('/fixtures/o1js/square0_dummy_proof.json');

  const stop = delayMonitor();
  const verifier = createVerifier({ workers: 1, srs, onProgress: (e) => { progress.push(e); log(JSON.stringify(e)); } });
  const good = await verifier.verifyZkappProof(proof, vk);
  log(`square0 base: ${JSON.stringify(good)}`);
  const bad = await verifier.verifyZkappProof(dummy, vk);
  log(`square0 dummy: ${JSON.stringify(bad)}`);
  const err = await verifier.verifyZkappProof('{"nope":1}', vk).catch((e) => e);
  const eventLoop = stop();
  const stats = verifier.stats();
  const setup = await verifier.exportSetup();
  await verifier.close();

  // A worker killed mid-verification: that request fails typed, a fresh worker (set up from the
  // exported cache) answers the next one.
  const second = createVerifier({ workers: 1, srs: setup.srs, lagrange: setup.lagrange });
  await second.ready();
  const doomed = second.verifyZkappProof(proof, vk);
  while (!second.stats().workers[0].running) await new Promise((r) => setTimeout(r, 5));
  second.killWorker(0);
  const killed = await doomed.then(() => 'resolved', (e) => e.code);
  const afterKill = await second.verifyZkappProof(proof, vk);
  await second.close();
  return {
    good: good.valid,
    dummy: bad.valid,
    error: { code: err.code, isVerifierError: err instanceof VerifierError },
    kill: { killed, afterKill: afterKill.valid, workerId: afterKill.workerId },
    timings: { good: good.ms, dummy: bad.ms, wallMs: performance.now() - t0 },
    progress: progress.map((e) => `${e.phase}:${e.state}`),
    workerMemoryBytes: stats.workers[0].memoryBytes,
    eventLoop,
  };
};
document.title = 'ready';
