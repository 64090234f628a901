// A verifier Worker (browser, module worker): loads the ES-module WASM build beside the package.
import createMinaVerifier from '../../dist/web/mina-verifier.mjs';
import { startWorker } from '../lib/worker-core.mjs';

const onMessage = startWorker({
  post: (msg, transfer) => self.postMessage(msg, transfer ?? []),
  loadModule: (wasmMemory) =>
    createMinaVerifier({
      wasmMemory,
      locateFile: (file) => new URL(`../../dist/web/${file}`, import.meta.url).href,
    }),
});
self.onmessage = (e) => onMessage(e.data);
