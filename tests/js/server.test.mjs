// The server peer (js/server, `mina-webnode serve`) on 127.0.0.1 with the package's WASM verifier:
// it serves only the chain its light node verified (the fixtures' recorded mainnet blocks), through
// the GraphQL subset a light node consumes — checked by verifying the served tip again and by a
// second light node bootstrapping from it — plus /health, /metrics, CORS and static files; a
// tampered upstream gets nothing served; oversize, malformed and slow requests are refused with
// JSON errors, and it keeps answering under a bounded load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createVerifier } from '../../js/index.mjs';
import { createNode } from '../../js/lightnode/index.mjs';
import { queries } from '../../js/peers/queries.mjs';
import { precomputedFromGraphqlBlock } from '../../js/peers/block_form.mjs';
import { startServer } from '../../js/server/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const precomputedDir = join(fixtures, 'mina', 'precomputed');
const names = readdirSync(precomputedDir).sort();
const hashOf = (name) => /-(3N\w+)\.json$/.exec(name)[1];
const heightOf = (name) => Number(/^mainnet-(\d+)-/.exec(name)[1]);
// The recorded blocks that carry their proof (the fixtures README: the two 359617 ones); the
// default upstream's best tip is the highest of them, the first by file name on a tie.
const withProof = names.filter((n) => typeof JSON.parse(readFileSync(join(precomputedDir, n), 'utf8')).data?.protocol_state_proof === 'string');
const TIP_NAME = withProof.sort((a, b) => heightOf(b) - heightOf(a) || (a < b ? -1 : 1))[0];
const TIP = hashOf(TIP_NAME);
const TIP_HEIGHT = heightOf(TIP_NAME);
const byHash = new Map(names.map((n) => [hashOf(n), n]));

const skip = existsSync(join(root, 'dist', 'node', 'mina-verifier.cjs')) ? false : 'no package build in dist/ (bash scripts/build.sh)';

let verifier;
let server;
before(async () => {
  if (skip) return;
  verifier = createVerifier({ workers: 1 });
  server = await startServer({ port: 0, verifier, limits: { requestTimeoutMs: 2_000 } });
  await server.node.waitForTip({ timeoutMs: 150_000 });
});
after(async () => {
  await server?.close();
  await verifier?.close();
});

const post = async (body, { raw, headers = {} } = {}) => {
  const r = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw ?? JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, json: await r.json() };
};

test('serve: bestChain is the verified recorded chain, linked, ending at the highest block with a proof', { skip, timeout: 180_000 }, async () => {
  assert.equal(TIP_HEIGHT, 359617);
  const r = await post(queries.bestChain(8));
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.json.data.networkID, 'mina:mainnet');
  const chain = r.json.data.bestChain;
  assert.ok(chain.length >= 2, `served ${chain.length} blocks`);
  assert.equal(chain.at(-1).stateHash, TIP);
  assert.ok(chain.at(-1).protocolStateProof?.base64, 'the tip is served with its proof');
  for (let i = 0; i < chain.length; i++) {
    // Every served block is a recorded one under its archive name, at its recorded height.
    const name = byHash.get(chain[i].stateHash);
    assert.ok(name, `served ${chain[i].stateHash}, not a recorded block`);
    assert.equal(Number(chain[i].protocolState.consensusState.blockchainLength), heightOf(name));
    if (i > 0) assert.equal(chain[i].protocolState.previousStateHash, chain[i - 1].stateHash);
  }
  // Higher recorded blocks without proofs (359630, …) are never served.
  assert.ok(chain.every((b) => Number(b.protocolState.consensusState.blockchainLength) <= TIP_HEIGHT));
  // What is served verifies again, independently of the server's own verdict.
  const again = await verifier.verifyBlock(precomputedFromGraphqlBlock(chain.at(-1)), {
    network: 'mainnet',
    verifierIndex: readFileSync(join(fixtures, 'mina', 'mainnet_blockchain_verifier_index.json'), 'utf8'),
  });
  assert.equal(again.valid, true, again.reason);
  assert.equal(again.stateHash, TIP);
  // maxLength bounds the answer.
  assert.deepEqual((await post(queries.bestChain(1))).json.data.bestChain.map((b) => b.stateHash), [TIP]);
});

test('serve: block(stateHash|height), networkID, account, literal arguments, aliases, GET', { skip }, async () => {
  const byH = await post(queries.blockByHash(TIP));
  assert.equal(byH.json.data.block.stateHash, TIP);
  const byN = await post(queries.blockByHeight(TIP_HEIGHT));
  assert.equal(byN.json.data.block.stateHash, TIP);
  assert.equal((await post(queries.blockByHeight(TIP_HEIGHT + 13))).json.data.block, null);
  assert.equal((await post(queries.blockByHash('3NKnotAblockWeServe'))).json.data.block, null);
  // No accounts: the package checker cannot verify Merkle paths, so nothing unverified is served.
  const acct = await post(queries.account('B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg'));
  assert.equal(acct.status, 200);
  assert.equal(acct.json.data.account, null);
  const lit = await post({ query: `query Tip { id: networkID tip: block(height: ${TIP_HEIGHT}) { stateHash } }` });
  assert.equal(lit.json.data.id, 'mina:mainnet');
  assert.equal(lit.json.data.tip.stateHash, TIP);
  const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ networkID }')}`);
  assert.deepEqual(await get.json(), { data: { networkID: 'mina:mainnet' } });
  const bad = await post({ query: '{ bestChain(maxLength: 0) { stateHash } }' });
  assert.equal(bad.json.data.bestChain, null);
  assert.equal(bad.json.errors[0].extensions.code, 'bad_argument');
});

test('serve: a light node bootstraps from the server peer to the same verified tip', { skip, timeout: 120_000 }, async () => {
  const client = createNode({
    network: 'mainnet',
    peers: [server.graphqlUrl],
    verifier,
    verifierIndex: readFileSync(join(fixtures, 'mina', 'mainnet_blockchain_verifier_index.json'), 'utf8'),
    tickMs: 50,
  });
  await client.start();
  const tip = await client.waitForTip({ timeoutMs: 100_000 });
  assert.deepEqual({ stateHash: tip.stateHash, height: tip.height, source: tip.source }, { stateHash: TIP, height: TIP_HEIGHT, source: 'network' });
  assert.equal(client.peers()[0].status, 'good');
  assert.deepEqual(client.window.map((w) => w.stateHash), server.served().map((b) => b.stateHash));
  await client.close();
});

test('serve: a server peer over another server peer\'s GraphQL (--upstream URL) serves the same verified chain', { skip, timeout: 120_000 }, async (t) => {
  // An unreachable upstream beside the good one only costs that peer its score.
  const second = await startServer({ port: 0, verifier, upstream: ['http://127.0.0.1:9/graphql', server.graphqlUrl] });
  t.after(() => second.close());
  const tip = await second.node.waitForTip({ timeoutMs: 100_000 });
  assert.equal(tip.stateHash, TIP);
  const chain = (await (await fetch(second.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(queries.bestChain(8)) })).json()).data.bestChain;
  assert.deepEqual(chain.map((b) => b.stateHash), server.served().map((b) => b.stateHash));
  assert.deepEqual(chain.at(-1), server.served().at(-1));
  const peers = Object.fromEntries(second.node.peers().map((p) => [p.url, p]));
  assert.equal(peers[server.graphqlUrl].status, 'good');
  assert.equal(peers['http://127.0.0.1:9/graphql'].lastError, 'unreachable');
});

test('serve: /health and /metrics report the verified tip', { skip }, async () => {
  const h = await fetch(`${server.url}/health`);
  assert.equal(h.status, 200);
  assert.match(h.headers.get('content-type'), /^application\/json/);
  const health = await h.json();
  assert.equal(health.status, 'ok');
  assert.equal(health.ready, true);
  assert.equal(health.tip.stateHash, TIP);
  assert.equal(health.tip.height, TIP_HEIGHT);
  assert.equal(health.peers.length, 1);
  assert.equal(health.peers[0].status, 'good');
  assert.ok(health.verified.verified >= 1);

  await post({ query: '{ networkID }' });
  const m = await fetch(`${server.url}/metrics`);
  assert.equal(m.status, 200);
  assert.match(m.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const text = await m.text();
  assert.match(text, /^# TYPE mina_webnode_tip_height gauge$/m);
  assert.match(text, new RegExp(`^mina_webnode_tip_height ${TIP_HEIGHT}$`, 'm'));
  assert.match(text, /^mina_webnode_peers\{status="good"\} 1$/m);
  assert.match(text, /^mina_webnode_graphql_fields_total\{field="networkID"\} [1-9]\d*$/m);
  assert.match(text, /^mina_webnode_http_requests_total\{route="graphql",status="200"\} [1-9]\d*$/m);
  // Every sample line is `name{labels} number`.
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
    assert.match(line, /^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+-]+$/, line);
});

test('serve: oversize, malformed and slow requests are refused with JSON errors', { skip, timeout: 30_000 }, async () => {
  const cases = [
    [{ raw: JSON.stringify({ query: `{ networkID } #${'x'.repeat(100_000)}` }) }, 413, 'payload_too_large'],
    [{ raw: '{"query": "{ networkID }"' }, 400, 'malformed_json'],
    [{ raw: '[1,2]' }, 400, 'bad_request'],
    [{ raw: JSON.stringify({ query: '{ bestChain(maxLength: ' }) }, 400, 'graphql_parse'],
    [{ raw: JSON.stringify({ query: '{ networkID } { networkID }' }) }, 400, 'graphql_parse'],
    [{ raw: JSON.stringify({ query: '{ sendPayment { id } }' }) }, 400, 'unknown_field'],
    [{ raw: JSON.stringify({ query: 'mutation { sendPayment { id } }' }) }, 400, 'unsupported'],
    [{ raw: JSON.stringify({ query: '{ networkID }', variables: [1] }) }, 400, 'bad_request'],
    [{ raw: JSON.stringify({ query: `{ a ${'{ a '.repeat(40)}${'} '.repeat(41)}}` }) }, 400, 'limit_exceeded'],
    [{ raw: 'query=x', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
  ];
  for (const [req, status, code] of cases) {
    const r = await post(undefined, req);
    assert.equal(r.status, status, `${code}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.errors[0].extensions.code, code);
    assert.equal(typeof r.json.errors[0].message, 'string');
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
  }
  const put = await fetch(server.graphqlUrl, { method: 'PUT', body: '{}' });
  assert.equal(put.status, 405);
  assert.equal((await put.json()).errors[0].extensions.code, 'method_not_allowed');
  const long = await fetch(`${server.graphqlUrl}?query=${'x'.repeat(10_000)}`);
  assert.equal(long.status, 414);
  const pre = await fetch(server.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'http://example.test', 'access-control-request-method': 'POST' } });
  assert.equal(pre.status, 204);
  assert.match(pre.headers.get('access-control-allow-methods'), /POST/);
  assert.match(pre.headers.get('access-control-allow-headers'), /content-type/);

  // A client that sends half a request and stalls is cut off (requestTimeout 2 s here).
  const port = new URL(server.url).port;
  const t0 = performance.now();
  const answer = await new Promise((resolve) => {
    const s = connect(Number(port), '127.0.0.1', () => s.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"qu'));
    let got = '';
    s.on('data', (d) => (got += d));
    s.on('close', () => resolve(got));
    s.setTimeout(20_000, () => s.destroy());
  });
  const waited = performance.now() - t0;
  assert.ok(waited < 15_000, `stalled request held ${waited} ms`);
  assert.match(answer, /^HTTP\/1\.1 408/);
});

test('serve: 200 requests, 20 at a time, valid and invalid mixed: every one answered as it should be', { skip, timeout: 60_000 }, async (t) => {
  const kinds = [
    async () => [(await post(queries.bestChain(8))).json.data?.bestChain?.at(-1)?.stateHash === TIP, 200],
    async () => {
      const r = await post(undefined, { raw: 'x'.repeat(70_000) });
      return [r.json.errors?.[0]?.extensions?.code === 'payload_too_large', r.status];
    },
    async () => {
      const r = await post(undefined, { raw: '{"query":' });
      return [r.json.errors?.[0]?.extensions?.code === 'malformed_json', r.status];
    },
    async () => {
      const r = await fetch(`${server.url}/health`);
      return [(await r.json()).ready === true, r.status];
    },
    async () => {
      const r = await post(queries.blockByHeight(TIP_HEIGHT));
      return [r.json.data?.block?.stateHash === TIP, r.status];
    },
  ];
  const expectStatus = [200, 413, 400, 200, 200];
  const latencies = [];
  let next = 0;
  const failures = [];
  const worker = async () => {
    while (next < 200) {
      const i = next++;
      const t0 = performance.now();
      const [ok, status] = await kinds[i % kinds.length]();
      latencies.push(performance.now() - t0);
      if (!ok || status !== expectStatus[i % kinds.length]) failures.push({ i, ok, status });
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 20 }, worker));
  const wall = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  t.diagnostic(`200 requests / 20 concurrent: ${wall.toFixed(0)} ms wall, p50 ${latencies[100].toFixed(1)} ms, p99 ${latencies[197].toFixed(1)} ms`);
  assert.deepEqual(failures, []);
  assert.equal(latencies.length, 200);
  const h = await (await fetch(`${server.url}/health`)).json();
  assert.equal(h.ready, true);
});

test('serve: static files — the page, the package modules, the WASM; nothing outside the mounts', { skip }, async () => {
  const page = await fetch(`${server.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.match(await page.text(), /<script type="module"/);
  const mod = await fetch(`${server.url}/js/browser.mjs`);
  assert.equal(mod.status, 200);
  assert.match(mod.headers.get('content-type'), /^text\/javascript/);
  const wasm = await fetch(`${server.url}/dist/web/mina-verifier.wasm`, { method: 'HEAD' });
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const config = await (await fetch(`${server.url}/webnode.json`)).json();
  assert.equal(config.network, 'mainnet');
  assert.equal(config.graphql, '/graphql');
  assert.equal(typeof config.verifierIndex, 'object');
  for (const path of ['/js/../package.json', '/%2e%2e/package.json', '/js/%2e%2e/package.json', '/dist/../CMakeLists.txt', '/nope.html', '/js/'])
    assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
});

test('serve: a tampered upstream is banned and nothing is served from it', { skip, timeout: 120_000 }, async (t) => {
  // The recorded chain with one field of the tip's protocol state changed: its proof no longer
  // verifies for the hash of that state.
  const dir = mkdtempSync(join(tmpdir(), 'mina-serve-tampered-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const n of names) if (n !== TIP_NAME && !withProof.includes(n)) copyFileSync(join(precomputedDir, n), join(dir, n));
  const json = JSON.parse(readFileSync(join(precomputedDir, TIP_NAME), 'utf8'));
  json.data.protocol_state.body.consensus_state.total_currency += '0';
  writeFileSync(join(dir, TIP_NAME), JSON.stringify(json));

  const liar = await startServer({ port: 0, verifier, blocksDir: dir });
  t.after(() => liar.close());
  const deadline = Date.now() + 100_000;
  while (liar.node.peers()[0].status !== 'banned') {
    assert.ok(Date.now() < deadline, 'the tampered upstream was not judged');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(liar.node.peers()[0].lastError, /^invalid_block:/);
  assert.equal(liar.node.tip, undefined);
  const r = await fetch(liar.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(queries.bestChain(8)) });
  const body = await r.json();
  assert.equal(body.data.bestChain, null);
  assert.equal(body.errors[0].extensions.code, 'not_synced');
  const h = await (await fetch(`${liar.url}/health`)).json();
  assert.deepEqual([h.status, h.ready, h.peers[0].status], ['syncing', false, 'banned']);
});

test('mina-webnode serve: usage errors exit 2 with a JSON error; --smoke exits 0 once a verified tip is served', { skip, timeout: 180_000 }, async () => {
  const run = (args) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code, lines: out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) }));
    });
  for (const args of [['serve', '--port', 'x'], ['serve', '--bogus'], ['serve', '--network', 'testnet'], ['serve', '--upstream', 'ftp://x']]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.lines[0].error.code, 'invalid_argument');
  }
  const r = await run(['serve', '--port', '0', '--smoke']);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  assert.match(r.lines[0].serving, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(r.lines.at(-1), { smoke: 'ok', stateHash: TIP, height: TIP_HEIGHT });
});
