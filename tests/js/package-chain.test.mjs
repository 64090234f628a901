// The package's fork choice and account verification (selectChain, verifyAccount) in a worker:
// the fork fixtures give the outcome their names state (and swapped, the opposite when the rule
// is not a tie), the mainnet genesis winner account is in the one-account ledger of its own leaf
// hash, a changed field or a wrong root is not, malformed input is a typed error.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVerifier, VerifierError } from '../../js/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const forks = join(fixtures, 'mina', 'forks');
const slow = { timeout: 10 * 60 * 1000 };

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

const WINNER = {
  publicKey: 'B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg',
  tokenId: 'wSHV2S4qX9jFsLjQo8r1BsMLH2ZRKsZx6EJd1sbozGPieEC4Jf',
  tokenSymbol: '',
  balance: { total: '20000001000' },
  nonce: '0',
  receiptChainHash: '2mzbV7WevxLuchs2dAMY4vQBS6XttnCUF8Hvks4XNBQ5qiSGGBQe',
  delegate: 'B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg',
  votingFor: '3NK2tkzqqK5spR2sZ7tujjqPksL45M3UUrcA4WhCkeiPtnugyE2x',
  timing: { initialMinimumBalance: null, cliffTime: null, cliffAmount: null, vestingPeriod: null, vestingIncrement: null },
  permissions: {
    editState: 'Signature', access: 'None', send: 'Signature', receive: 'None', setDelegate: 'Signature',
    setPermissions: 'Signature', setVerificationKey: { auth: 'Signature', txnVersion: '2' }, setZkappUri: 'Signature',
    editActionState: 'Signature', setTokenSymbol: 'Signature', incrementNonce: 'Signature', setVotingFor: 'Signature',
    setTiming: 'Signature',
  },
  zkappState: null, verificationKey: null, actionState: null, zkappUri: null, provedState: null,
  // The mainnet genesis ledger's winner account hash (core/ledger tests pin it independently).
  leafHash: 'jwnEz6CjzSYowUsvw5gKpuTkRjBY5dEtc6YmQj1U5d2k5KZzTmc',
  merklePath: [],
};

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
