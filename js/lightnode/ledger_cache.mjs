// Verified account reads kept as ledger chunks in the node's ChunkStore, keyed by the ledger hash
// they were checked against:
//   ledger/<ledgerHash>/account/<publicKey>/<tokenId>   (LEDGER)  {account, ledgerHash, stateHash}
// A read is written only after the core checked its hash and Merkle path against the verified
// tip's ledger hash, and the store checksums every chunk, so a restarted (or offline) node answers
// a read again from storage while its tip's ledger is the same. Only the newest ledger is kept:
// entries of other ledger hashes are dropped when a new one is written.
import { ChunkKind } from '../storage/format.mjs';

const PREFIX = 'ledger/';
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

// Public keys (B62…), token ids and ledger hashes are base58: no '/' can appear in them, but the
// key is built from peer-independent inputs only after checking that.
const safe = (s) => typeof s === 'string' && s.length > 0 && s.length <= 128 && /^[1-9A-HJ-NP-Za-km-z]+$/.test(s);

export function accountKey(ledgerHash, publicKey, tokenId) {
  if (!safe(ledgerHash) || !safe(publicKey) || !safe(tokenId)) return undefined;
  return `${PREFIX}${ledgerHash}/account/${publicKey}/${tokenId}`;
}

// The stored read, or undefined (none, or a chunk that failed its checksum: reported through
// onError, and the read goes to the network).
export async function loadAccountRead(store, key, { onError = () => {} } = {}) {
  if (!store || !key || !store.has(key)) return undefined;
  try {
    const read = JSON.parse(fromUtf8.decode(await store.get(key)));
    return read && typeof read === 'object' && read.account ? read : undefined;
  } catch (err) {
    onError(err);
    return undefined;
  }
}

// Stages the verified read (and the removal of other ledgers' reads); the caller commits.
export function stageAccountRead(store, key, read) {
  const ledgerDir = key.slice(0, key.indexOf('/account/') + 1);
  for (const { key: k } of store.list()) if (k.startsWith(PREFIX) && !k.startsWith(ledgerDir)) store.delete(k);
  store.put(key, utf8.encode(JSON.stringify(read)), ChunkKind.LEDGER);
}

// The ledger hash account reads are checked against: the verified tip block's staged ledger hash
// (GraphQL form), as the machine uses it.
export function tipLedgerHash(block) {
  return block?.protocolState?.blockchainState?.stagedLedgerHash?.nonSnark?.ledgerHash;
}
