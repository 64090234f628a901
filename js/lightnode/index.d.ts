// Type declarations for the light node (js/lightnode/index.mjs), hand-written.
import type { Verifier } from '../index.js';

export type PeerKind = 'server' | 'webnode';
export type PeerStatus = 'unknown' | 'good' | 'demoted' | 'banned';

/** A server peer's GraphQL URL, or {url, kind, id}. Webnode peers need a transport (see `transports`). */
export type PeerSpec = string | { url?: string; id?: string; kind?: PeerKind };

export interface PeerRecord {
  id: string;
  url?: string;
  kind: PeerKind;
  status: PeerStatus;
  score: number;
  /** Moving average of answer latencies (ms). */
  latencyMs?: number;
  successes: number;
  failures: number;
  lies: number;
  /** Why it last failed or was banned: timeout, unreachable, http_status, malformed, wrong_network, invalid_block:…, claimed_hash, broken_chain, bad_path:… */
  lastError?: string;
  /** ms since the epoch; 0 when never banned. */
  bannedUntil: number;
}

export interface Tip {
  /** base58 "3N…", computed by the verifier from the protocol state. */
  stateHash: string;
  height: number;
  source: 'network' | 'storage';
}

export interface WindowEntry {
  stateHash: string;
  previousStateHash: string;
  height: number;
}

/** What the node asks of the verifier; blocks are precomputed-block JSON objects. */
export interface Checker {
  name: string;
  verifyBlock(block: object): Promise<{ valid: boolean; reason?: string; stateHash: string; height?: number }>;
  stateHash(block: object): Promise<{ stateHash: string }>;
  selectChain(tip: object, candidate: object, heights?: { tipHeight?: number; candidateHeight?: number }): Promise<{ take: boolean; rule: string }>;
  verifyAccount?(account: object, ledgerHash: string): Promise<{ valid: boolean; reason?: string }>;
}

/** Stands in for a transport that is not HTTP GraphQL (webnode peers): answers a GraphQL body with its `data`. */
export type PeerTransport = (peer: PeerRecord, body: { query: string; variables?: Record<string, unknown> }, options: { timeoutMs: number; signal: AbortSignal }) => Promise<Record<string, unknown>>;

export interface NodeOptions {
  /** 'local': a local test network (createLocalNetwork), with `proofs: 'dummy'` and its `networkId`. */
  network: 'mainnet' | 'devnet' | 'local';
  /** The network's GraphQL networkID; required for networks other than mainnet and devnet. */
  networkId?: string;
  /**
   * 'dummy': test mode for local networks — every check but the blockchain SNARK (block and proof
   * structure, core-computed state hashes, genesis, fork choice, account paths). Throws
   * `dummy_on_real_network` on mainnet/devnet (name or network id). Default 'real'.
   */
  proofs?: 'real' | 'dummy';
  /** Dummy mode: the local network's genesis state hash (LocalNetwork.genesisStateHash); blocks of another chain are refused. */
  genesisStateHash?: string;
  peers?: PeerSpec[];
  /**
   * The package verifier and the network's blockchain verifier index JSON (the package ships no keys)…
   * The verifier may be a factory: start() calls it with the setup stored by an earlier run
   * (`{srs?, lagrange?}`, createVerifier's options) and the node stores the setup after its first
   * verified tip, in `verifierCache`; the node then owns (and closes) that verifier.
   */
  verifier?: Verifier | ((setup: { srs?: { pallas: Uint8Array; vesta: Uint8Array; format: 'cache' }; lagrange?: Record<number, Uint8Array> }) => Verifier);
  /** Where a factory-made verifier's setup is kept: a ChunkStore or createStorage options. Default: beside `storage` (files: <dir>/verifier-cache, IndexedDB: <name>-verifier-cache); none for memory storage. */
  verifierCache?: object;
  verifierIndex?: string | object;
  /** …or a checker of your own. */
  checker?: Checker;
  /** A ChunkStore (js/storage) or createStorage options: {backend: 'files', dir} | {backend: 'indexeddb', name} | {backend: 'memory'}. */
  storage?: object;
  transports?: Partial<Record<PeerKind, PeerTransport>>;
  /** Blocks kept in the window and asked for (bestChain maxLength). Default 8. */
  k?: number;
  /** Peers asked at once per round. Default 2. */
  fanout?: number;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
  banMs?: number;
  tickMs?: number;
}

export interface AccountRead {
  /** Mina's GraphQL account object, as the peer sent it (its hash and path checked). */
  account: Record<string, unknown>;
  /** The staged ledger hash of the verified tip it was checked against. */
  ledgerHash: string;
  stateHash: string;
  /** The peer that answered; absent for a read from storage. */
  peer?: string;
  source: 'network' | 'storage';
}

export class NodeError extends Error {
  readonly name: 'NodeError';
  /** invalid_argument, timeout, no_tip, no_peer, wrong_account, unsupported, closed */
  readonly code: string;
}

export interface LightNode {
  readonly tip: Tip | undefined;
  readonly window: WindowEntry[];
  peers(): PeerRecord[];
  /** Loads the stored tip (shown at once), then syncs; resolves with the tip known after loading. */
  start(): Promise<Tip | undefined>;
  waitForTip(options?: { height?: number; stateHash?: string; timeoutMs?: number }): Promise<Tip>;
  /** tokenId defaults to MINA's. Rejects with NodeError (no_tip, no_peer, unsupported). */
  /**
   * A verified read: the account (the one asked for) and its Merkle path checked against the
   * verified tip's staged ledger hash. Reads verified before against the same ledger come from
   * storage (`source: 'storage'`) unless `fresh`. Errors (NodeError.code): no_tip, no_peer,
   * wrong_account, closed, unsupported.
   */
  getAccount(publicKey: string, tokenId?: string, options?: { fresh?: boolean }): Promise<AccountRead>;
  on(event: 'tipChanged', fn: (e: Tip & { peer?: string; rule?: string }) => void): this;
  on(event: 'peerState', fn: (e: PeerRecord) => void): this;
  on(event: 'syncProgress', fn: (e: { phase: string; tip: { stateHash: string; height: number } | null; inflight: number; [k: string]: unknown }) => void): this;
  on(event: 'storageError', fn: (e: { code: string; message: string }) => void): this;
  on(event: 'persisted', fn: (e: { stateHash?: string; generation: bigint }) => void): this;
  once(event: string, fn: (...args: any[]) => void): this;
  off(event: string, fn: (...args: any[]) => void): this;
  close(): Promise<void>;
}

export function createNode(options: NodeOptions): LightNode;
export const MINA_TOKEN_ID: string;
