// The peer model: who we ask, how they have behaved, whom we no longer ask. Pure data and pure
// functions (no clocks, no I/O): callers pass `now` in ms, so the node's state machine stays
// deterministic and its tests replayable.
//
// Two kinds: 'server' (a Mina daemon's GraphQL endpoint, or our own server peer speaking the same
// subset) and 'webnode' (another browser; its transport comes later, the model already ranks it).
// Server peers are asked first: they answer fast and from a full node's view of the chain.
//
// Scoring: a peer starts at 0. An answer that verifies earns +1 and updates the latency average; a
// failure (timeout, HTTP error, malformed answer) costs 5 and two in a row demote the peer (asked
// only when no one better is left) until it answers again. A lie — a block whose proof does not
// verify, whose claimed hash is not its state's, a state on another network, a Merkle path that
// does not reach the verified ledger hash — bans the peer for `banMs` (default: a day): it proved
// it is dishonest or on another chain, and retrying it can only waste verification time.

export const PeerKind = Object.freeze({ SERVER: 'server', WEBNODE: 'webnode' });
export const PeerStatus = Object.freeze({ UNKNOWN: 'unknown', GOOD: 'good', DEMOTED: 'demoted', BANNED: 'banned' });

export const DEFAULT_BAN_MS = 24 * 3600 * 1000;
const FAILURE_PENALTY = 5;
const DEMOTE_AFTER_FAILURES = 2;
const LATENCY_WEIGHT = 0.3; // weight of the newest sample in the moving average

// A peer from the app's description: a URL string (a server peer) or {url, kind, id}.
export function makePeer(spec) {
  const s = typeof spec === 'string' ? { url: spec } : { ...spec };
  const kind = s.kind ?? PeerKind.SERVER;
  if (kind !== PeerKind.SERVER && kind !== PeerKind.WEBNODE) throw new TypeError(`unknown peer kind ${kind}`);
  const id = s.id ?? s.url;
  if (typeof id !== 'string' || !id) throw new TypeError('a peer needs a url or an id');
  return {
    id,
    url: s.url,
    kind,
    status: PeerStatus.UNKNOWN,
    score: 0,
    latencyMs: undefined,
    successes: 0,
    failures: 0,
    consecutiveFailures: 0,
    lies: 0,
    lastError: undefined,
    bannedUntil: 0,
  };
}

export function recordSuccess(peer, latencyMs) {
  const latency = peer.latencyMs === undefined ? latencyMs : peer.latencyMs * (1 - LATENCY_WEIGHT) + latencyMs * LATENCY_WEIGHT;
  return { ...peer, status: PeerStatus.GOOD, score: peer.score + 1, latencyMs: latency, successes: peer.successes + 1, consecutiveFailures: 0 };
}

export function recordFailure(peer, reason) {
  const consecutive = peer.consecutiveFailures + 1;
  const status = peer.status === PeerStatus.BANNED ? peer.status : consecutive >= DEMOTE_AFTER_FAILURES ? PeerStatus.DEMOTED : peer.status;
  return { ...peer, status, score: peer.score - FAILURE_PENALTY, failures: peer.failures + 1, consecutiveFailures: consecutive, lastError: reason };
}

export function recordLie(peer, reason, now, banMs = DEFAULT_BAN_MS) {
  return { ...peer, status: PeerStatus.BANNED, lies: peer.lies + 1, lastError: reason, bannedUntil: now + banMs };
}

export function isBanned(peer, now) {
  return peer.status === PeerStatus.BANNED && now < peer.bannedUntil;
}

// A ban that has run out: the peer may be asked again, starting from scratch but not trusted more.
export function liftExpiredBan(peer, now) {
  if (peer.status !== PeerStatus.BANNED || now < peer.bannedUntil) return peer;
  return { ...peer, status: PeerStatus.DEMOTED, consecutiveFailures: 0 };
}

// Order in which to ask: not banned; server peers before webnode peers; non-demoted before
// demoted; then higher score, lower latency, and the id so the order never depends on chance.
export function rankPeers(peers, now) {
  const usable = peers.filter((p) => !isBanned(p, now));
  const key = (p) => [
    p.kind === PeerKind.SERVER ? 0 : 1,
    p.status === PeerStatus.DEMOTED || p.status === PeerStatus.BANNED ? 1 : 0, // a ban that ran out
    -p.score,
    p.latencyMs ?? Number.MAX_SAFE_INTEGER,
  ];
  return usable.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

// What is stored between runs (the whole record is plain JSON).
export function peerRecord(peer) {
  const { id, url, kind, status, score, latencyMs, successes, failures, lies, lastError, bannedUntil } = peer;
  return { id, url, kind, status, score, latencyMs, successes, failures, lies, lastError, bannedUntil };
}

export function peerFromRecord(record) {
  const p = makePeer(record);
  for (const k of ['status', 'score', 'latencyMs', 'successes', 'failures', 'lies', 'lastError', 'bannedUntil'])
    if (record[k] !== undefined) p[k] = record[k];
  if (!Object.values(PeerStatus).includes(p.status)) p.status = PeerStatus.UNKNOWN;
  return p;
}
