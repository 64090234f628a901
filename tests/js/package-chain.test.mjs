// The package's fork choice and account verification (selectChain, verifyAccount) in a worker:
// the fork fixtures give the outcome their names state (and swapped, the opposite when the rule
// is not a tie), the mainnet genesis winner account is in the one-account ledger of its own leaf
// hash, a changed field or a wrong root is not, malformed input is a typed error.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVerifier, VerifierError } from '../../js/index.mjs';
import { WINNER } from '../fixtures-server/accounts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const forks = join(fixtures, 'mina', 'forks');
const slow = { timeout: 10 * 60 * 1000 };
const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');

const verifier = createVerifier({
  workers: 1,
  srs: { pallas: readFileSync(join(fixtures, 'srs', 'pallas.srs')), vesta: readFileSync(join(fixtures, 'srs', 'vesta.srs')) },
});
after(() => verifier.close());

test('package: selectChain decides every fork fixture as its name says', slow, async () => {
  const pairs = readdirSync(forks).filter((f) => f.endsWith('-tip.json'));
  assert.ok(pairs.length >= 5);
  for (const tipFile of pairs) {
    const name = tipFile.replace(/-tip\.json$/, '');
    const tip = readFileSync(join(forks, tipFile), 'utf8');
    const cnd = readFileSync(join(forks, `${name}-cnd.json`), 'utf8');
    const expectTake = name.split('-')[1] === 'take';
    const r = await verifier.selectChain(tip, cnd, { network: 'mainnet' });
    assert.equal(r.take, expectTake, `${name}: ${JSON.stringify(r)}`);
    assert.equal(typeof r.rule, 'string');
    // A chain is never replaced by itself.
    const self = await verifier.selectChain(tip, tip, { network: 'mainnet' });
    assert.equal(self.take, false, `${name}: a tip must not replace itself`);
  }
});

test('package: verifyAccount checks the account hash and its path against the ledger hash', slow, async () => {
  const ok = await verifier.verifyAccount(WINNER, WINNER.leafHash, { depth: 0 });
  assert.equal(ok.valid, true, JSON.stringify(ok));
  const richer = { ...WINNER, balance: { total: '20000001001' } };
  const bad = await verifier.verifyAccount(richer, WINNER.leafHash, { depth: 0 });
  assert.equal(bad.valid, false, 'a changed balance must not verify');
  const otherRoot = await verifier.verifyAccount(WINNER, 'jwNw4qb6tnNhpQNxiMLem9WumxZTwmbSx3fYXW4FP3hZRkoQJSE', { depth: 0 });
  assert.equal(otherRoot.valid, false, 'another ledger must not contain it');
  // A depth-35 ledger needs a 35-step path: an empty one is malformed, not a verdict.
  const shortPath = await verifier.verifyAccount(WINNER, WINNER.leafHash).then(() => null, (e) => e);
  assert.ok(shortPath instanceof VerifierError, 'an empty path for a depth-35 ledger is an error');
  for (const [what, account, hash] of [['garbage account', '{"publicKey":', WINNER.leafHash], ['garbage ledger hash', WINNER, 'jxNOPE']]) {
    const e = await verifier.verifyAccount(account, hash, { depth: 0 }).then(() => null, (x) => x);
    assert.ok(e instanceof VerifierError, `${what}: typed error`);
    assert.equal(typeof e.code, 'string');
  }
});

// A wide answer: the two-account ledger [WINNER, a richer copy] (depth 1) checked as one subtree.
// The leaf hashes come from the core's account-hash command (pinned by the ledger tests); the
// root is merged independently by o1js (Poseidon with Mina's "MinaMklTree000" prefix), and the
// single-path check must agree with the subtree check.
test('package: verifyAccountSubtree checks a whole subtree against the ledger hash at once', { ...slow, skip: existsSync(nativeCli) ? false : 'no native CLI' }, async () => {
  const { Field, Poseidon } = await import('o1js');
  const richer = { ...WINNER, balance: { total: '20000001001' }, leafHash: undefined, merklePath: undefined };
  const leaf = (account) => {
    const dir = mkdtempSync(join(tmpdir(), 'mina-subtree-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(account));
    const r = spawnSync(nativeCli, ['account-hash', join(dir, 'a.json')], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    return JSON.parse(r.stdout).hash;
  };
  const [hw, hr] = [leaf(WINNER), leaf(richer)];
  const root = Poseidon.hashWithPrefix('MinaMklTree000******', [Field(hw), Field(hr)]).toString();
  const subtree = { firstIndex: 0, height: 1, accounts: [WINNER, richer], merklePath: [] };
  const ok = await verifier.verifyAccountSubtree(subtree, root, { depth: 1 });
  assert.deepEqual({ valid: ok.valid, accounts: ok.accounts }, { valid: true, accounts: 2 });
  const single = await verifier.verifyAccount({ ...WINNER, leafHash: hw, merklePath: [{ left: hr }] }, root, { depth: 1 });
  assert.equal(single.valid, true, `the single path agrees: ${JSON.stringify(single)}`);

  const verdict = async (s) => (await verifier.verifyAccountSubtree(s, root, { depth: 1 })).valid;
  assert.equal(await verdict({ ...subtree, accounts: [richer, WINNER] }), false, 'swapped leaves');
  assert.equal(await verdict({ ...subtree, accounts: [WINNER, { ...richer, nonce: '1' }] }), false, 'a changed nonce');
  assert.equal(await verdict({ ...subtree, accounts: [WINNER] }), false, 'a missing account is an empty slot, not this ledger');
  // Mina's path elements name the side the node is on ({left: sibling} for a left child): the
  // height-0 subtree at index 1 is a right child.
  assert.equal(await verdict({ firstIndex: 1, height: 0, accounts: [richer], merklePath: [{ right: hw }] }), true);
  assert.equal(await verdict({ firstIndex: 1, height: 0, accounts: [richer], merklePath: [{ right: hr }] }), false, 'the wrong sibling');
  for (const [what, s, hash] of [
    ['misaligned firstIndex', { ...subtree, firstIndex: 1 }, root],
    ['path of the wrong length', { ...subtree, merklePath: [{ left: hw }] }, root],
    ['garbage', '{"firstIndex":', root],
    ['garbage ledger hash', subtree, 'jxNOPE'],
  ]) {
    const e = await verifier.verifyAccountSubtree(s, hash, { depth: 1 }).then(() => null, (x) => x);
    assert.ok(e instanceof VerifierError, `${what}: typed error`);
  }
});
