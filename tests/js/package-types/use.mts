// Compiled (not run) by package-types.test.mjs against js/index.d.ts: how an ESM TypeScript
// app uses the package. A declaration that drifts from this usage fails the type check.
import { createVerifier, VerifierError, type VerifyResult, type ProgressEvent } from 'mina-webnode';

const onProgress = (e: ProgressEvent): void => console.log(e.workerId, e.phase, e.state, e.log2, e.ms);
const verifier = createVerifier({ workers: 2, srs: 'generate', memoryLimitMb: 512, timeoutMs: 60_000, onProgress });
const controller = new AbortController();
const result: VerifyResult = await verifier.verifyZkappProof(
  { publicInput: ['9'], publicOutput: [], maxProofsVerified: 0, proof: 'base64' },
  { data: 'base64', hash: 1n },
  { signal: controller.signal, timeoutMs: 1000, maxProofsVerified: 0 },
);
const valid: boolean = result.valid;
const verifyMs: number | undefined = result.ms.verify;
const hash: string = await verifier.vkHash('base64 data');
const batch = await verifier.verifyBatch([{ proof: '{}', vk: '{}' }]);
const firstCode: string | undefined = batch.results[0]?.error?.code;
const state = await verifier.stateHash(new Uint8Array(3));
const stateHash: string = state.stateHash;
const block = await verifier.verifyBlock('{}', { network: 'mainnet', verifierIndex: {} });
const proofOk: boolean = block.checks.proof && block.valid;
verifier.on('progress', onProgress).on('worker-exit', (e) => e.error?.code);
const setup = await verifier.exportSetup();
const again = createVerifier({ srs: setup.srs, lagrange: setup.lagrange });
const memory: number = again.stats().workers[0]?.memoryBytes ?? 0;
try {
  await verifier.close();
} catch (e) {
  if (e instanceof VerifierError && e.code === 'timeout') console.log(valid, verifyMs, hash, firstCode, stateHash, memory, proofOk);
}
