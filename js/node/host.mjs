// Spawns verifier workers as Node worker_threads for the pool (lib/pool.mjs).
import { Worker } from 'node:worker_threads';

const workerUrl = new URL('./worker.mjs', import.meta.url);

export function spawnNodeWorker({ onMessage, onExit }) {
  const worker = new Worker(workerUrl);
  let exited = false;
  const exit = (reason) => {
    if (exited) return;
    exited = true;
    onExit(reason);
  };
  worker.on('message', onMessage);
  worker.on('error', (e) => exit(`worker error: ${e?.message ?? e}`));
  worker.on('exit', (code) => exit(`worker exited with code ${code}`));
  return {
    post: (msg, transfer) => worker.postMessage(msg, transfer),
    terminate: () => {
      exited = true; // the pool asked for it: no crash report
      return worker.terminate();
    },
    kill: () => worker.terminate(), // as a crash: exit is reported
    // An idle worker with its setup done does not keep Node running: a script that forgets
    // close() still exits once its requests are answered.
    hold: (busy) => (busy ? worker.ref() : worker.unref()),
    threadId: worker.threadId,
  };
}
