// Type declarations for mina-webnode (hand-written; the same for the ESM, CommonJS and browser
// entries).

/** Stable error codes. Core codes come from the C++ verifier's error_code_name. */
export type VerifierErrorCode =
  | 'invalid_argument' | 'malformed_number' | 'non_canonical_field' | 'invalid_length'
  | 'invalid_point' | 'invalid_encoding' | 'bad_checksum' | 'wrong_version_byte'
  | 'malformed_json' | 'unsupported' | 'truncated' | 'trailing_bytes' | 'malformed_sexp'
  | 'malformed_bin_prot' | 'limit_exceeded'
  | 'out_of_memory' | 'internal' | 'no_setup' | 'vk_hash_mismatch'
  | 'invalid_input' | 'worker_crashed' | 'timeout' | 'cancelled' | 'closed' | 'setup_failed'
  | (string & {});

export class VerifierError extends Error {
  readonly name: 'VerifierError';
  readonly code: VerifierErrorCode;
  /** For setup_failed: the underlying core code. For cancelled: the AbortSignal's reason. */
  readonly cause?: unknown;
  constructor(code: VerifierErrorCode, message: string, extra?: Record<string, unknown>);
}

/** o1js `proof.toJSON()`, its JSON string, or an o1js Proof (anything with toJSON()). */
export type ProofInput =
  | string
  | { publicInput: string[]; publicOutput: string[]; maxProofsVerified: 0 | 1 | 2; proof: string }
  | { toJSON(): unknown };

/** o1js VerificationKey ({data, hash}; hash as decimal string, bigint or Field), its JSON, or the base64 data alone. */
export type VerificationKeyInput = string | { data: string; hash?: string | bigint | { toBigInt(): bigint } | null };

export interface RequestOptions {
  /** Cancels the request: a queued one never runs, a running one is rejected at once. */
  signal?: AbortSignal;
  /** Milliseconds the request may run in its worker; then it fails with `timeout` and the worker is replaced. */
  timeoutMs?: number;
}

export interface VerifyOptions extends RequestOptions {
  /** Overrides the proof's own maxProofsVerified (the zkApp transaction form reads as 2). */
  maxProofsVerified?: 0 | 1 | 2;
}

export interface Timings {
  /** Waiting in the queue and for the worker's setup. */
  queue: number;
  decode?: number;
  verify?: number;
  /** Computing the wrap domain's Lagrange basis (first use of a domain in a worker only). */
  lagrange?: number;
  batch?: number;
  /** Inside the worker. */
  worker: number;
  /** From the call to the answer. */
  total: number;
}

export interface VerifyResult {
  valid: boolean;
  /** Which check failed, when not valid. */
  reason?: string;
  /** The key's hash computed from its data (decimal, as o1js prints it). */
  vkHash: string;
  ms: Timings;
  workerId: number;
}

export type BlockInput = string | object | Uint8Array | ArrayBuffer;

export interface StateHashResult {
  /** base58check "3N…" */
  stateHash: string;
  previousStateHash: string;
  /** decimal field element */
  bodyHash: string;
  source: string;
  /** GraphQL answers only: the hash the node claimed (compare it with stateHash). */
  claimedStateHash?: string;
  ms: Timings;
  workerId: number;
}

export interface BlockResult {
  valid: boolean;
  /** First failed check, as "check: why". */
  reason?: string;
  stateHash: string;
  height: number;
  checks: { network: boolean; proof: boolean; delta?: boolean; bestTip?: boolean };
  ms: Timings;
  workerId: number;
}

export interface BatchEntry {
  proof: ProofInput;
  vk: VerificationKeyInput;
  maxProofsVerified?: 0 | 1 | 2;
}

export interface BatchResult {
  /** Every entry valid. */
  valid: boolean;
  /** Per entry: valid, or why not (`reason`), or the typed error of a malformed entry. */
  results: Array<{ valid: boolean; reason?: string; error?: { code: VerifierErrorCode; message: string } }>;
  ms: Timings;
  workerId: number;
}

export type SrsOption =
  | 'generate'
  | { pallas: Uint8Array | ArrayBuffer; vesta: Uint8Array | ArrayBuffer; format?: 'srs' | 'cache' };

export interface VerifierOptions {
  /** Worker count (each holds ~100 MB of setup). Default 1. */
  workers?: number;
  /** Where each worker's SRS comes from: generated (default, ~5 s), proof-systems' pallas.srs/vesta.srs bytes, or our cache format. */
  srs?: SrsOption;
  /** Lagrange bases from an earlier `lagrangeBases()`, by wrap-domain log2. */
  lagrange?: Record<number, Uint8Array>;
  /** Default per-request timeout in ms (10 min). */
  timeoutMs?: number;
  /** Upper bound on each worker's WASM memory (default 4096). Past it allocations fail with out_of_memory and the worker is replaced. */
  memoryLimitMb?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  workerId: number;
  phase: 'module' | 'srs' | 'lagrange';
  state: 'start' | 'done';
  log2?: number;
  ms?: number;
  source?: 'generate' | 'srs' | 'cache';
}

export interface PoolStats {
  queued: number;
  workers: Array<{ id: number; state: 'starting' | 'ready' | 'dead' | 'closed'; busy: boolean; /** the worker has started its request */ running: boolean; /** the worker's WASM memory */ memoryBytes: number; completed: number }>;
  lagrangeDomains: number[];
}

export interface Verifier {
  verifyZkappProof(proof: ProofInput, vk: VerificationKeyInput, options?: VerifyOptions): Promise<VerifyResult>;
  verifyBatch(entries: BatchEntry[], options?: RequestOptions): Promise<BatchResult>;
  /** The key's hash computed from its data (decimal string). */
  vkHash(vk: VerificationKeyInput, options?: RequestOptions): Promise<string>;
  /**
   * The protocol state's hash, computed from the state (never copied from the input). Accepts a
   * precomputed block, an OpenMina best tip, {previous_state_hash, body}, a GraphQL answer (JSON
   * string or object) or bin_prot bytes.
   */
  stateHash(block: BlockInput, options?: RequestOptions): Promise<StateHashResult>;
  /**
   * A block with its protocol-state proof (precomputed block, OpenMina best tip / header JSON, or
   * bin_prot bytes): the blockchain SNARK against `verifierIndex` with the state hash computed
   * from the block, plus the network's genesis and constants, the delta chain and the best-tip
   * proof when present. The package ships no keys: pass the network's blockchain verifier index.
   */
  verifyBlock(block: BlockInput, options: RequestOptions & { network: 'mainnet' | 'devnet'; verifierIndex: string | object }): Promise<BlockResult>;
  /**
   * Mina's fork choice (short/long range, length, window density, VRF and state-hash tie-breaks)
   * between two blocks in any JSON shape stateHash accepts: take = switch to the candidate.
   */
  selectChain(tip: string | object, candidate: string | object, options: RequestOptions & { network: 'mainnet' | 'devnet' }): Promise<{ take: boolean; rule: string; ms?: object }>;
  /**
   * A GraphQL `account(publicKey, token)` answer with leafHash and merklePath, checked against a
   * ledger hash ("jx…" or decimal): the account hashes to the leaf and the path reaches the root.
   */
  verifyAccount(account: string | object, ledgerHash: string, options?: RequestOptions & { depth?: number }): Promise<{ valid: boolean; reason?: string; ms?: object }>;
  /** A wide query's answer {firstIndex, height, accounts, merklePath} (an aligned ledger subtree and its root's path) against a ledger hash; every account is re-hashed. */
  verifyAccountSubtree(subtree: string | object, ledgerHash: string, options?: RequestOptions & { depth?: number }): Promise<{ valid: boolean; reason?: string; accounts: number; ms?: object }>;
  /** Resolves once every worker has its setup. */
  ready(): Promise<void>;
  stats(): PoolStats;
  /** Setup to persist and pass back to createVerifier ({srs, lagrange}): loads in ms instead of seconds. */
  exportSetup(options?: RequestOptions): Promise<{ srs: { pallas: Uint8Array; vesta: Uint8Array; format: 'cache' }; lagrange: Record<number, Uint8Array> }>;
  /** The Lagrange bases computed so far (pass back as `lagrange` to skip recomputing them). */
  lagrangeBases(): Record<number, Uint8Array>;
  /** The wrap domains (log2) whose Lagrange bases the pool holds, without copying them. */
  lagrangeDomains(): number[];
  on(event: 'progress', fn: (e: ProgressEvent) => void): this;
  on(event: 'ready', fn: (e: { workerId: number; memoryBytes: number }) => void): this;
  on(event: 'worker-exit', fn: (e: { workerId: number; error: { code: string; message: string } | null }) => void): this;
  on(event: 'lagrange', fn: (e: { log2: number; bytes: number }) => void): this;
  off(event: string, fn: (...args: any[]) => void): this;
  /** Diagnostics/tests: kills a worker abruptly, as a crash would. */
  killWorker(index?: number): void;
  /** Rejects pending requests with `closed` and terminates the workers. */
  close(): Promise<void>;
}

export function createVerifier(options?: VerifierOptions): Verifier;
export { createNode, type NodeOptions, type LightNode, type Tip, type PeerRecord, type AccountRead } from './lightnode/index.js';

// ---- test mode with dummy proofs (Node.js): a local simulated chain ----

export interface LocalNetworkOptions {
  /** Genesis accounts (MINA token); the first also produces blocks unless `producer` is given. Balances in nanomina. */
  accounts: { publicKey: string; balance: bigint | number | string }[];
  /** The GraphQL networkID served. Default 'mina:local'; 'mina:mainnet' / 'mina:devnet' are refused (dummy_on_real_network). */
  networkId?: string;
  producer?: string;
  /** Minimum fee in nanomina. Default Mina's 1,000,000 (0.001 MINA). */
  minimumFee?: bigint | number | string;
  genesisTimestamp?: number;
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
}

export interface LocalBlock {
  stateHash: string;
  height: number;
  /** The ledger hash after the block (jx…), which verified account reads are checked against. */
  ledgerHash: string;
  transactions: Record<string, unknown>[];
}

export interface LocalNetwork {
  /** The GraphQL endpoint (http://127.0.0.1:<port>/graphql): a peer for createNode. */
  readonly url: string;
  readonly networkId: string;
  readonly network: 'local';
  readonly genesisStateHash: string;
  /** Whether this build's core checks payment signatures (verifySignedCommand). */
  readonly signaturesChecked: boolean;
  /** Whether this build's core checks zkApp command signatures (verifyZkappCommandSignatures). */
  readonly zkappSignaturesChecked: boolean;
  readonly tip: { stateHash: string; height: number; ledgerHash: string };
  /** The produced blocks in GraphQL form, oldest first. */
  chain(): Record<string, unknown>[];
  /** mina-signer's signPayment output (object or JSON text). Rejects with LocalNetworkError. */
  sendPayment(signed: object | string): Promise<{ accepted: true; kind: 'payment'; signatureChecked: boolean }>;
  /** o1js `tx.toJSON()` (text or parsed). Rejects with LocalNetworkError. */
  sendZkappCommand(tx: object | string): Promise<{ accepted: true; kind: 'zkappCommand'; signatureChecked: boolean }>;
  /** Applies the pending transactions and appends a block (dummy proof, core-computed state hash). */
  produceBlock(): Promise<LocalBlock>;
  /** The tip ledger's account in GraphQL form with leafHash/merklePath/index, or null (unverified: use a node's getAccount). */
  getAccount(publicKey: string, tokenId?: string): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
}

export class LocalNetworkError extends Error {
  readonly name: 'LocalNetworkError';
  /** dummy_on_real_network | invalid_argument | malformed_transaction | invalid_signature | bad_nonce | insufficient_balance | fee_too_low | unknown_account | unbalanced | precondition_failed | permission_denied | unsupported | closed */
  readonly code: string;
}

export function createLocalNetwork(options: LocalNetworkOptions): Promise<LocalNetwork>;
