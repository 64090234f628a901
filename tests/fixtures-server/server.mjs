// A tiny GraphQL server for tests: serves recorded blocks (and accounts) through the subset of
// Mina's GraphQL API the light node asks (js/peers/queries.mjs) on 127.0.0.1. It does not parse
// GraphQL: it answers the root fields a query names (networkID, bestChain, block, account) with
// whole objects, reading arguments from `variables`.
//
//   const server = await startFixtureServer({chain, networkID, accounts, delayMs, rewrite})
//   server.url … await server.close()
//
// chain: GraphQL blocks oldest first (the last is the best tip). rewrite(data, body) may change an
// answer before it is sent (lying peers); delayMs delays every answer (stalled peers);
// server.requests counts the POSTs.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { graphqlBlockFromPrecomputed } from '../../js/peers/block_form.mjs';
import { MINA_TOKEN_ID } from '../../js/lightnode/node.mjs';

// Precomputed fixture blocks by state hash (from the file names mainnet-HEIGHT-HASH.json).
export function loadPrecomputed(fixturesDir) {
  const dir = join(fixturesDir, 'mina', 'precomputed');
  const byHash = new Map();
  for (const name of readdirSync(dir)) {
    const m = /^mainnet-(\d+)-(3N\w+)\.json$/.exec(name);
    if (m) byHash.set(m[2], { height: Number(m[1]), path: join(dir, name) });
  }
  return byHash;
}

// The chain ending at `tipHash`, walking previous_state_hash back through the fixtures, at most
// `length` blocks, as GraphQL blocks oldest first.
export function fixtureChain(fixturesDir, tipHash, length) {
  const byHash = loadPrecomputed(fixturesDir);
  const chain = [];
  let hash = tipHash;
  while (hash && byHash.has(hash) && chain.length < length) {
    const json = JSON.parse(readFileSync(byHash.get(hash).path, 'utf8'));
    chain.unshift(graphqlBlockFromPrecomputed(json, hash));
    hash = (json.data ?? json).protocol_state.previous_state_hash;
  }
  return chain;
}

// The answer to one POST body, as an object {data} (the GraphQL semantics the node needs).
export function answerQuery(body, { chain, networkID = 'mina:mainnet', accounts = new Map() }) {
  const query = String(body?.query ?? '');
  const vars = body?.variables ?? {};
  const data = {};
  if (/\bnetworkID\b/.test(query)) data.networkID = networkID;
  if (/\bbestChain\b/.test(query)) {
    const n = Number.isInteger(vars.maxLength) && vars.maxLength > 0 ? vars.maxLength : chain.length;
    data.bestChain = chain.slice(-n);
  }
  if (/\bblock\s*\(/.test(query)) {
    data.block = chain.find((b) => (vars.h !== undefined && b.stateHash === vars.h) || (vars.n !== undefined && Number(b.protocolState.consensusState.blockchainLength) === vars.n)) ?? null;
  }
  if (/\baccount\s*\(/.test(query)) data.account = accounts.get(`${vars.pk}/${vars.token ?? MINA_TOKEN_ID}`) ?? null;
  return { data };
}

export function startFixtureServer(options) {
  const { delayMs = 0, rewrite } = options;
  const state = { requests: 0, sockets: new Set() };
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      state.requests++;
      let answer;
      try {
        const body = JSON.parse(text);
        answer = answerQuery(body, options);
        if (rewrite) answer = rewrite(structuredClone(answer), body) ?? answer;
      } catch (err) {
        answer = { errors: [{ message: String(err?.message ?? err) }] };
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      };
      if (delayMs) setTimeout(send, delayMs).unref();
      else send();
    });
  });
  server.on('connection', (s) => {
    state.sockets.add(s);
    s.on('close', () => state.sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/graphql`,
        get requests() {
          return state.requests;
        },
        close: () =>
          new Promise((done) => {
            for (const s of state.sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
