// The server peer (Node.js): a light node over untrusted upstreams that serves browsers what it
// has verified, through the GraphQL subset light nodes consume, plus /health, /metrics and the
// webnode page.
//
//   const server = await startServer({port, host, network, blocksDir, upstream, verifierIndex})
//   server.url, server.node (the light node), await server.close()
//
// Upstreams: Mina GraphQL URLs (server peers of the node), or a directory of recorded blocks
// (recorded.mjs), which is served to the node by a loopback-only peer of its own — the node
// treats it like any other untrusted peer. With neither, the recorded blocks of the shared
// fixtures are used (the embedded default: runs with no network).
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createVerifier } from '../index.mjs';
import { createNode } from '../lightnode/index.mjs';
import { verifierChecker } from '../lightnode/checkers.mjs';
import { dummyChecker } from '../local/dummy_checker.mjs';
import { assertDummyAllowed } from '../local/errors.mjs';
import { NETWORK_IDS } from '../peers/queries.mjs';
import { answerRequest } from './answer.mjs';
import { createHandler, DEFAULT_LIMITS } from './http.mjs';
import { Metrics } from './metrics.mjs';
import { recordedChain } from './recorded.mjs';
import { staticFiles } from './static.mjs';
import { VerifiedBlocks, recordingChecker, servedChain } from './verified.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fixturesDir() {
  return process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
}
export const defaultBlocksDir = () => join(fixturesDir(), 'mina', 'precomputed');
export const defaultIndexPath = (network) => join(fixturesDir(), 'mina', `${network}_blockchain_verifier_index.json`);

function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen(server.address());
    });
  });
}

function closeServer(server, sockets) {
  return new Promise((done) => {
    for (const s of sockets) s.destroy();
    server.close(() => done());
  });
}

function trackSockets(server) {
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

// HTTP server with Node's own bounds on slow clients (headers, whole request) and on sockets.
function boundedServer(handler, { requestTimeoutMs = 15_000, maxConnections = 512 } = {}) {
  const server = createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(requestTimeoutMs, 10_000),
      // How often those timeouts are checked (Node's default, 30 s, would let a stalled request
      // hold its socket far past requestTimeout).
      connectionsCheckingInterval: Math.max(250, Math.min(requestTimeoutMs / 4, 5_000)),
      maxHeaderSize: 16 * 1024,
    },
    handler,
  );
  server.maxConnections = maxConnections;
  server.keepAliveTimeout = 5_000;
  return server;
}

// A loopback-only peer answering the recorded chain (unverified: only our node asks it).
async function startRecordedPeer(chain, network) {
  const view = { networkID: NETWORK_IDS[network], chain: () => chain };
  const server = boundedServer(async (req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', async () => {
      let r;
      try {
        r = await answerRequest(JSON.parse(text), view);
      } catch (err) {
        r = { status: 400, body: { errors: [{ message: String(err?.message ?? err) }] } };
      }
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
    });
  });
  const sockets = trackSockets(server);
  const { port } = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => closeServer(server, sockets) };
}

// What the page needs offline (its service worker stores these): the page's own files, the
// modules a browser loads from js/ (not the Node-only ones), and the browser WASM build.
function pageAssets(webRoot) {
  const files = (dir, url, keep) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.isDirectory()) return keep(e.name, true) ? files(join(dir, e.name), `${url}${e.name}/`, keep) : [];
      return keep(e.name, false) ? [`${url}${e.name}`] : [];
    });
  const nodeOnly = new Set(['node', 'server']);
  const browserJs = (name, isDir) => (isDir ? !nodeOnly.has(name) : name.endsWith('.mjs'));
  const list = ['/', '/webnode.json', ...files(webRoot, '/', (n, d) => !d && n !== 'sw.js'), ...files(join(root, 'js'), '/js/', browserJs)];
  const web = join(root, 'dist', 'web');
  if (existsSync(web)) list.push(...files(web, '/dist/web/', () => true));
  return list;
}

export async function startServer(options = {}) {
  const {
    port = 8080,
    host = '127.0.0.1',
    network = 'mainnet',
    upstream = [],
    k = 8,
    limits = {},
    pollIntervalMs = 30_000,
    storage = { backend: 'memory' },
    log = () => {},
  } = options;
  // Test mode: a server peer over a local dummy-proof network (js/local), for apps' tests; it
  // checks everything but the SNARK and refuses real networks (dummy_on_real_network).
  const dummy = options.proofs === 'dummy';
  if (dummy) {
    assertDummyAllowed({ network, networkId: options.networkId });
    if (upstream.length === 0) throw new TypeError("proofs: 'dummy' serves a local network: give its URL as upstream");
  }
  else if (!NETWORK_IDS[network]) throw new TypeError(`unknown network ${network} (mainnet or devnet)`);
  const networkID = dummy ? options.networkId ?? 'mina:local' : NETWORK_IDS[network];
  const verifierIndex = dummy ? undefined : options.verifierIndex ?? readFileSync(options.indexPath ?? defaultIndexPath(network), 'utf8');
  const ownsVerifier = !options.verifier && !dummy;
  const verifier = options.verifier ?? (dummy ? undefined : createVerifier({ workers: 1 }));
  const cleanups = [];
  if (ownsVerifier) cleanups.push(() => verifier.close());

  // Upstream peers: the URLs given, else a directory of recorded blocks.
  const peers = upstream.map((url, i) => ({ url, id: `upstream-${i + 1}` }));
  let recorded;
  if (peers.length === 0 || options.blocksDir) {
    const dir = options.blocksDir ?? defaultBlocksDir();
    const chain = await recordedChain(dir, { network, k });
    if (chain.length === 0) log(`no recorded block with a proof in ${dir}`);
    recorded = await startRecordedPeer(chain, network);
    cleanups.push(recorded.close);
    peers.push({ url: recorded.url, id: `recorded:${dir}` });
  }

  const blocks = new VerifiedBlocks();
  const baseChecker = options.checker ?? (dummy ? dummyChecker({ genesisStateHash: options.genesisStateHash }) : verifierChecker(verifier, { network, verifierIndex }));
  const checker = recordingChecker(baseChecker, blocks);
  const node = createNode({ network, networkId: networkID, peers, checker, storage, k, pollIntervalMs, tickMs: 100 });
  const startedAt = Date.now();
  let tipSince;
  let lastProgress = null;
  node.on('tipChanged', (t) => {
    tipSince = Date.now();
    log(`verified tip ${t.height} ${t.stateHash} (${t.source}${t.peer ? ` from ${t.peer}` : ''})`);
  });
  node.on('syncProgress', (p) => {
    lastProgress = p;
    if (p.phase === 'rejected') log(`rejected ${p.stateHash}: ${p.reason}`);
  });

  const view = { networkID, chain: () => servedChain(node, blocks), account: undefined };
  // Accounts: only when the node can verify them (its checker checks Merkle paths) and some
  // upstream can have them (recorded blocks carry no ledger); the answer is what the node
  // verified, path included, so a client checks it again.
  if (checker.verifyAccount && upstream.length > 0)
    view.account = async (publicKey, token) => {
      try {
        return (await node.getAccount(publicKey, token)).account;
      } catch {
        return null;
      }
    };
  // Wide reads likewise: a subtree the node verified at once against its tip's ledger, served
  // whole (its path included) so a client checks it again.
  if (checker.verifyAccountSubtree && upstream.length > 0)
    view.accountSubtree = async (firstIndex, height) => {
      try {
        const r = await node.getAccountSubtree(firstIndex, height);
        return { ...r.subtree, ledgerHash: r.ledgerHash };
      } catch {
        return null;
      }
    };

  const metrics = new Metrics()
    .counter('mina_webnode_http_requests_total', 'HTTP requests by route and status')
    .counter('mina_webnode_http_request_seconds_sum', 'Time spent answering HTTP requests, by route')
    .counter('mina_webnode_graphql_fields_total', 'GraphQL root fields answered')
    .gauge('mina_webnode_tip_height', 'Height of the verified best tip (absent before the first)', () => node.tip?.height ?? NaN)
    .gauge('mina_webnode_tip_age_seconds', 'Seconds since the verified tip last changed', () => (tipSince ? (Date.now() - tipSince) / 1000 : NaN))
    .gauge('mina_webnode_served_blocks', 'Blocks of the verified chain served by bestChain', () => servedChain(node, blocks).length)
    .gauge('mina_webnode_blocks_verified_total', 'Block proofs that verified', () => blocks.counts.verified)
    .gauge('mina_webnode_blocks_rejected_total', 'Block proofs that did not verify', () => blocks.counts.rejected)
    .gauge('mina_webnode_peers', 'Upstream peers by status', () => {
      const by = {};
      for (const p of node.peers()) by[p.status] = (by[p.status] ?? 0) + 1;
      return ['unknown', 'good', 'demoted', 'banned'].map((s) => [{ status: s }, by[s] ?? 0]);
    })
    .gauge('mina_webnode_verifier_queue', 'Requests waiting for a verifier worker', () => verifier?.stats().queued ?? NaN)
    .gauge('mina_webnode_uptime_seconds', 'Seconds since the server started', () => (Date.now() - startedAt) / 1000);

  const health = () => {
    const tip = node.tip;
    return {
      status: tip ? 'ok' : 'syncing',
      ready: !!tip && servedChain(node, blocks).length > 0,
      network,
      networkID,
      tip: tip ? { ...tip, ageSeconds: tipSince ? (Date.now() - tipSince) / 1000 : null } : null,
      served: servedChain(node, blocks).length,
      sync: lastProgress && { phase: lastProgress.phase, inflight: lastProgress.inflight },
      peers: node.peers().map(({ id, kind, status, score, latencyMs, lastError }) => ({ id, kind, status, score, latencyMs, lastError })),
      verified: { ...blocks.counts },
      uptimeSeconds: (Date.now() - startedAt) / 1000,
    };
  };
  // The page's node starts from here: same network, this server as its peer, and the verifier
  // index this server checks with (the page comes from this origin too, so it trusts it as much).
  const webRoot = options.webRoot ?? join(root, 'web-demo');
  const assets = pageAssets(webRoot);
  const config = () => ({ network, graphql: '/graphql', k, verifierIndex: verifierIndex && JSON.parse(verifierIndex), assets });

  const statics = staticFiles({
    '/js/': join(root, 'js'),
    '/dist/': join(root, 'dist'),
    '/': webRoot,
  });
  const handler = createHandler({ view, metrics, statics, health, config, limits: { ...DEFAULT_LIMITS, ...limits }, onError: (e) => log(`internal error: ${e?.stack ?? e}`) });
  const server = boundedServer(handler, limits);
  const sockets = trackSockets(server);
  const address = await listen(server, port, host);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  await node.start();

  let closed = false;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    node,
    verifier,
    blocks,
    health,
    metrics,
    served: () => servedChain(node, blocks),
    async close() {
      if (closed) return;
      closed = true;
      await closeServer(server, sockets);
      await node.close();
      for (const c of cleanups.reverse()) await c();
    },
  };
}
