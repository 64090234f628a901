// The peer model's names. The model itself — scoring, demotion, bans that run out, the ranking
// (server peers before webnode peers), stored records — is part of the node's C++ core
// (core/node/peer.hpp), run through js/lightnode/machine.mjs; peers reach JS as the records the
// machine emits (`peerState`) and lists (`peerList()`):
//   {id, url?, kind, status, score, latencyMs?, successes, failures, lies, lastError?, bannedUntil}
//
// Kinds: 'server' (a Mina daemon's GraphQL endpoint, or a server peer speaking the same subset)
// and 'webnode' (another browser). Statuses: a failure (timeout, HTTP error, malformed answer)
// costs score and two in a row demote; a lie (a block that does not verify, a claimed hash that
// is not the state's, another network, a Merkle path that misses the verified ledger) bans for
// `banMs` (DEFAULT_BAN_MS unless the node is told otherwise).
export const PeerKind = Object.freeze({ SERVER: 'server', WEBNODE: 'webnode' });
export const PeerStatus = Object.freeze({ UNKNOWN: 'unknown', GOOD: 'good', DEMOTED: 'demoted', BANNED: 'banned' });

export const DEFAULT_BAN_MS = 24 * 3600 * 1000;
