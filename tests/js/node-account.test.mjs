// Verified account reads: node.getAccount asks the best peer for the account and its Merkle path
// and has the core check it (verify-account: Mina's account hash, leafHash, path up to the ledger
// hash) against the verified tip's staged ledger hash; a peer whose answer does not check is
// banned and the next one asked.
//
// No fixture holds a Merkle path into a real block's ledger, so the tip here is the recorded
// 359617 block with its staged ledger hash set to a one-account ledger (depth 0: the root is the
// leaf) and block verification stubbed to "valid"; the account check is the core's, on the
// mainnet genesis winner account (openmina's test_hash_genesis_winner_account vector, as
// tests/unit/ledger/account_json_test.cpp writes it in GraphQL form).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { fixtureChain, startFixtureServer } from '../fixtures-server/server.mjs';
import { WINNER } from '../fixtures-server/accounts.mjs';
import { createNode, PeerStatus } from '../../js/lightnode/index.mjs';
import { cliChecker } from '../../js/lightnode/cli_checker.mjs';
import { MINA_TOKEN_ID } from '../../js/lightnode/node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');

const LEDGER = WINNER.leafHash; // a depth-0 ledger holding only the winner

// A native CLI whose verify-account works (its flags parse).
function findCli() {
  const dir = mkdtempSync(join(tmpdir(), 'mina-node-acct-probe-'));
  try {
    const f = join(dir, 'a.json');
    writeFileSync(f, JSON.stringify(WINNER));
    for (const c of [process.env.MINA_NATIVE_CLI, join(root, 'build', 'native', 'mina-webnode'), join(root, 'build', 'node-native', 'mina-webnode')]) {
      if (!c || !existsSync(c)) continue;
      const r = spawnSync(c, ['verify-account', '--ledger-hash', LEDGER, '--depth', '0', f], { encoding: 'utf8' });
      if (r.status === 0 && /"valid":true/.test(r.stdout)) return c;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return undefined;
}
const cli = findCli();
const skip = cli ? false : 'no native CLI whose verify-account accepts --ledger-hash/--depth';

let chain;
let checker;
before(() => {
  const tip = fixtureChain(fixtures, readdirSync(join(fixtures, 'mina', 'precomputed')).find((f) => f.startsWith('mainnet-359617-3NL7rFMq')).split('-')[2].replace('.json', ''), 1)[0];
  tip.protocolState.blockchainState.stagedLedgerHash.nonSnark.ledgerHash = LEDGER;
  chain = [tip];
  if (!cli) return;
  const core = cliChecker({ cli, network: 'mainnet', ledgerDepth: 0 });
  // Blocks: stubbed valid (see the header); accounts: the core.
  checker = {
    ...core,
    name: 'stub-blocks',
    verifyBlock: async () => ({ valid: true, stateHash: tip.stateHash, height: 359617 }),
    stateHash: async () => ({ stateHash: tip.stateHash }),
  };
});
after(() => checker?.close());

const accounts = (account) => new Map([[`${WINNER.publicKey}/${MINA_TOKEN_ID}`, account]]);

async function setup(t, peerAccounts) {
  const peers = [];
  for (const [i, a] of peerAccounts.entries()) {
    const s = await startFixtureServer({ chain, accounts: accounts(a) });
    t.after(() => s.close());
    peers.push({ url: s.url, id: `${i}-${a === null ? 'none' : a === WINNER ? 'honest' : 'liar'}` });
  }
  const n = createNode({ network: 'mainnet', peers, checker, fanout: 1, tickMs: 50 });
  t.after(() => n.close());
  await n.start();
  await n.waitForTip({ timeoutMs: 10_000 });
  return n;
}

test('node account: the honest peer\'s account verifies against the tip\'s staged ledger hash', { skip }, async (t) => {
  const n = await setup(t, [WINNER]);
  const r = await n.getAccount(WINNER.publicKey);
  assert.equal(r.ledgerHash, LEDGER);
  assert.equal(r.stateHash, n.tip.stateHash);
  assert.equal(r.account.balance.total, '20000001000');
  assert.equal(r.peer, '0-honest');
});

test('node account: a peer lying about the balance is banned and the next peer answers', { skip }, async (t) => {
  const lie = structuredClone(WINNER);
  lie.balance.total = '20000001001'; // leafHash kept: it no longer matches the account
  const n = await setup(t, [lie, WINNER]);
  const r = await n.getAccount(WINNER.publicKey, MINA_TOKEN_ID);
  assert.equal(r.peer, '1-honest');
  assert.equal(r.account.balance.total, '20000001000');
  const liar = n.peers().find((p) => p.id === '0-liar');
  assert.equal(liar.status, PeerStatus.BANNED);
  assert.match(liar.lastError, /^bad_path:/);
});

test('node account: with only liars and missing accounts the read fails, typed, and only liars are banned', { skip }, async (t) => {
  const lie = structuredClone(WINNER);
  lie.leafHash = 'jwNw4qb6tnNhpQNxiMLem9WumxZTwmbSx3fYXW4FP3hZRkoQJSE'; // some other ledger hash
  const n = await setup(t, [lie, null]);
  await assert.rejects(n.getAccount(WINNER.publicKey), (e) => e.code === 'no_peer' && /bad_path/.test(e.message) && /no_account/.test(e.message));
  const byId = Object.fromEntries(n.peers().map((p) => [p.id, p]));
  assert.equal(byId['0-liar'].status, PeerStatus.BANNED);
  assert.notEqual(byId['1-none'].status, PeerStatus.BANNED);
  assert.equal(byId['1-none'].lastError, 'no_account');
});

test('node account: before any verified tip, reads are refused', { skip }, async (t) => {
  const n = createNode({ network: 'mainnet', peers: [], checker });
  t.after(() => n.close());
  await assert.rejects(n.getAccount(WINNER.publicKey), (e) => e.code === 'no_tip');
});

test('node account: an account of another key, though in the ledger, is a lie: banned, not the answer', { skip }, async (t) => {
  // The peer answers a read for another key with the winner's account, whose path is valid.
  const other = 'B62qrPN5Y5yq8kGE3FbVKbGTdTAJNdtNtB5sNVpxyRwWGcDEhpMzc8g';
  const s = await startFixtureServer({ chain, accounts: new Map([[`${other}/${MINA_TOKEN_ID}`, WINNER]]) });
  t.after(() => s.close());
  const n = createNode({ network: 'mainnet', peers: [{ url: s.url, id: 'swapper' }], checker, tickMs: 50 });
  t.after(() => n.close());
  await n.start();
  await n.waitForTip({ timeoutMs: 10_000 });
  await assert.rejects(n.getAccount(other), (e) => e.code === 'no_peer' && /swapper: wrong_account/.test(e.message));
  const swapper = n.peers().find((p) => p.id === 'swapper');
  assert.equal(swapper.status, PeerStatus.BANNED, 'answering with another account is a lie');
  assert.equal(swapper.lastError, 'wrong_account');
});

test('node account: verified reads are kept as ledger chunks; a restart answers them from storage, a damaged chunk is not used', { skip }, async (t) => {
  const s = await startFixtureServer({ chain, accounts: accounts(WINNER) });
  t.after(() => s.close());
  const dir = mkdtempSync(join(tmpdir(), 'mina-node-ledger-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const storage = { backend: 'files', dir };
  const n = createNode({ network: 'mainnet', peers: [{ url: s.url, id: 'honest' }], checker, storage, tickMs: 50 });
  await n.start();
  await n.waitForTip({ timeoutMs: 10_000 });
  const first = await n.getAccount(WINNER.publicKey);
  assert.equal(first.source, 'network');
  await n.close();

  // Offline: no peers; the tip and the read come from storage.
  const offline = createNode({ network: 'mainnet', peers: [], checker, storage });
  assert.equal((await offline.start())?.source, 'storage');
  const again = await offline.getAccount(WINNER.publicKey);
  assert.deepEqual({ ...again, source: undefined }, { account: first.account, ledgerHash: LEDGER, stateHash: first.stateHash, source: undefined });
  assert.equal(again.source, 'storage');
  await assert.rejects(offline.getAccount(WINNER.publicKey, MINA_TOKEN_ID, { fresh: true }), (e) => e.code === 'no_peer');
  await offline.close();

  // A flipped byte in the account chunk: that generation is passed over, the previous one (the
  // tip without the read) is current, and the read is not answered from storage.
  const chunk = readdirSync(dir, { recursive: true }).map(String).find((f) => f.includes('account'));
  assert.ok(chunk, 'the read is a chunk file');
  const bytes = readFileSync(join(dir, chunk));
  bytes[bytes.length - 40] ^= 0x01;
  writeFileSync(join(dir, chunk), bytes);
  const damaged = createNode({ network: 'mainnet', peers: [], checker, storage });
  assert.equal((await damaged.start())?.stateHash, first.stateHash, 'the tip survives');
  await assert.rejects(damaged.getAccount(WINNER.publicKey), (e) => e.code === 'no_peer');
  await damaged.close();
});
