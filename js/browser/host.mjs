// Spawns verifier workers as browser module Workers for the pool (lib/pool.mjs). The
// `new Worker(new URL(…, import.meta.url), {type: 'module'})` form is the one bundlers follow.
export function spawnBrowserWorker({ onMessage, onExit }) {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  let exited = false;
  const exit = (reason) => {
    if (exited) return;
    exited = true;
    worker.terminate();
    onExit(reason);
  };
  worker.onmessage = (e) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault?.();
    exit(`worker error: ${e.message ?? 'failed to load or crashed'}`);
  };
  worker.onmessageerror = () => exit('worker message could not be deserialized');
  return {
    post: (msg, transfer) => worker.postMessage(msg, transfer ?? []),
    terminate: () => {
      exited = true;
      worker.terminate();
    },
    // Browsers report no exit for a terminated Worker: a kill is reported here, as a crash.
    kill: () => exit('worker killed'),
  };
}
