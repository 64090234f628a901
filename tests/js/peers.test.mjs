// js/peers: the GraphQL block form our fixture server (and the node) use, checked against the
// core's own GraphQL decoder; the bounded GraphQL request and its typed failures; peer records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { graphqlBlockFromPrecomputed, precomputedFromGraphqlBlock, blockSummary } from '../../js/peers/block_form.mjs';
import { graphqlRequest, PeerError } from '../../js/peers/graphql.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const dir = join(fixtures, 'mina', 'precomputed');
// Mina 3.x precomputed blocks (the {version, data} layout), with the hash from the file name;
// not the hard fork's genesis block (recorded with some camelCase keys and other hash spellings).
const blocks = readdirSync(dir)
  .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) }))
  .filter((b) => b.json.version !== undefined && !b.name.includes(b.json.data.protocol_state.body.genesis_state_hash))
  .map((b) => ({ ...b, hash: /-(3N\w+)\.json$/.exec(b.name)[1], height: Number(/^mainnet-(\d+)-/.exec(b.name)[1]) }));

const cli = [process.env.MINA_NATIVE_CLI, join(root, 'build', 'native', 'mina-webnode'), join(root, 'build', 'node-native', 'mina-webnode')].find((c) => c && existsSync(c));

// Keys still spelled with an underscore (GraphQL's are camelCase).
const snakeKeys = (v) =>
  Array.isArray(v) ? v.flatMap(snakeKeys) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [...(k.includes('_') ? [k] : []), ...snakeKeys(x)]) : [];

test('block form: GraphQL spelling and back gives every fixture\'s protocol state and proof unchanged', () => {
  assert.ok(blocks.length >= 20, `${blocks.length} fixtures`);
  for (const b of blocks) {
    const g = graphqlBlockFromPrecomputed(b.json, b.hash);
    assert.equal(g.stateHash, b.hash);
    assert.deepEqual(snakeKeys(g.protocolState), [], b.name);
    assert.deepEqual(blockSummary(g), { stateHash: b.hash, previousStateHash: b.json.data.protocol_state.previous_state_hash, height: b.height });
    const back = precomputedFromGraphqlBlock(g);
    assert.deepEqual(back.data.protocol_state, b.json.data.protocol_state, b.name);
    if (b.json.data.protocol_state_proof)
      assert.equal(back.data.protocol_state_proof, b.json.data.protocol_state_proof.replace(/=+$/, ''), b.name);
  }
  assert.throws(() => precomputedFromGraphqlBlock({ stateHash: '3N…' }), TypeError);
});

test('block form: the core\'s GraphQL decoder hashes every served block to its recorded state hash', { skip: !cli && 'no native CLI' }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mina-peers-'));
  try {
    for (const b of blocks) {
      const f = join(tmp, 'answer.json');
      writeFileSync(f, JSON.stringify({ data: { block: graphqlBlockFromPrecomputed(b.json, b.hash) } }));
      const r = spawnSync(cli, ['state-hash', f], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${b.name}: ${r.stdout}${r.stderr}`);
      assert.deepEqual(JSON.parse(r.stdout), { height: b.height, stateHash: b.hash }, b.name);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

async function httpServer(t, handler) {
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => {
    for (const s of sockets) s.destroy();
    server.close(r);
  }));
  return `http://127.0.0.1:${server.address().port}/graphql`;
}

async function failsWith(promise, code) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof PeerError, String(e));
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('graphqlRequest: data returned; timeout, HTTP status, non-JSON, GraphQL errors, oversized answers and refused connections are typed', async (t) => {
  const url = await httpServer(t, (req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const { query } = JSON.parse(body);
      if (query === 'ok') return res.end(JSON.stringify({ data: { networkID: 'mina:mainnet' } }));
      if (query === 'stall') return; // never answers
      if (query === 'status') {
        res.writeHead(503);
        return res.end('busy');
      }
      if (query === 'html') return res.end('<html>');
      if (query === 'errors') return res.end(JSON.stringify({ errors: [{ message: 'Could not find block' }] }));
      if (query === 'big') return res.end(JSON.stringify({ data: { x: 'y'.repeat(2 << 20) } }));
    });
  });
  assert.deepEqual(await graphqlRequest(url, { query: 'ok' }), { networkID: 'mina:mainnet' });
  const t0 = performance.now();
  await failsWith(graphqlRequest(url, { query: 'stall' }, { timeoutMs: 200 }), 'timeout');
  assert.ok(performance.now() - t0 < 2000);
  await failsWith(graphqlRequest(url, { query: 'status' }), 'http_status');
  await failsWith(graphqlRequest(url, { query: 'html' }), 'malformed');
  await failsWith(graphqlRequest(url, { query: 'errors' }), 'graphql');
  await failsWith(graphqlRequest(url, { query: 'big' }, { maxBytes: 1 << 20 }), 'malformed');
  await failsWith(graphqlRequest('http://127.0.0.1:1/graphql', { query: 'ok' }), 'unreachable');
  const c = new AbortController();
  const p = graphqlRequest(url, { query: 'stall' }, { signal: c.signal });
  c.abort();
  await failsWith(p, 'cancelled');
});

// Peer records (scores, bans, their round trip through storage) belong to the node's C++ core now:
// tests/unit/node/peer_test.cpp and tests/js/node-machine.test.mjs.
