// verify-payment (native and WASM command line) against mina-signer as the oracle: random
// payments and stake delegations signed by mina-signer on mainnet and testnet with fresh keys
// verify; every mutation mina-signer rejects, we reject; malformed files are typed errors.
// Then the package module's verifyZkappCommandSignatures on o1js zkApp commands (LocalBlockchain
// without proofs, and mina-signer's signZkappCommand for mainnet): commitments equal o1js's.
// mina-signer comes from o1js (dev dependency), which bundles it.
import { createRequire } from 'node:module';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes, randomInt } from 'node:crypto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const signerDir = join(root, 'node_modules', 'o1js', 'dist', 'node', 'mina-signer');
const { default: Client } = await import(join(signerDir, 'mina-signer.js'));
const { signatureJsonToHex } = await import(join(signerDir, 'src', 'rosetta.js'));
const { Memo } = await import(join(signerDir, 'src', 'memo.js'));
const signatureModule = await import(join(signerDir, 'src', 'signature.js'));
const { transactionCommitments, signZkappCommand, verifyZkappCommandSignature } = await import(join(signerDir, 'src', 'sign-zkapp-command.js'));
const { ZkappCommand } = await import(join(signerDir, '..', 'bindings', 'mina-transaction', 'gen', 'v1', 'transaction-bigint.js'));
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const vectors = JSON.parse(readFileSync(join(fixtures, 'o1js', 'vectors.json'), 'utf8'));

const nativeCli = process.env.MINA_NATIVE_CLI ?? join(root, 'build', 'native', 'mina-webnode');
const runners = {
  native: (args) => spawnSync(nativeCli, args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};

const dir = mkdtempSync(join(tmpdir(), 'signed-command-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

function writeJson(value) {
  const path = join(dir, `cmd${fileCount++}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function run(kind, args) {
  const r = runners[kind](args);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `${kind}: one JSON line expected, got: ${r.stdout} ${r.stderr}`);
  return { code: r.status, json: JSON.parse(lines[0]) };
}

// Both builds, which must agree, on one file.
function verify(value, network) {
  const args = ['verify-payment', '--network', network, writeJson(value)];
  const n = run('native', args);
  const w = run('wasm', args);
  assert.deepEqual(w, n, `native and WASM disagree on ${JSON.stringify(value)}`);
  return n;
}

const u64 = () => BigInt('0x' + randomBytes(8).toString('hex'));
const u32 = () => randomInt(0, 2 ** 32 - 1);
const memos = ['', 'hello', 'x'.repeat(32), 'héllo ✓', 'payout #17'];
const randomMemo = () => memos[randomInt(memos.length)];

function randomCommon(from, to) {
  const common = { to, from, fee: u64().toString(), nonce: u32().toString(), memo: randomMemo() };
  if (randomInt(2)) common.validUntil = u32().toString();
  return common;
}

// mina-signer's verdict on the mutated command must be ours.
function checkMutation(client, signed, kind, network, label, mutate) {
  const m = structuredClone(signed);
  mutate(m);
  const oracle = kind === 'payment' ? client.verifyPayment(m) : client.verifyStakeDelegation(m);
  assert.equal(oracle, false, `${label}: mina-signer should reject the mutation`);
  const r = verify(m, network);
  assert.equal(r.code, 1, `${label}: ${JSON.stringify(r.json)}`);
  assert.equal(r.json.valid, false, label);
}

for (const network of ['mainnet', 'testnet']) {
  const other = network === 'mainnet' ? 'testnet' : 'mainnet';
  const client = new Client({ network });

  test(`verify-payment: mina-signer payments on ${network} verify, mutations and ${other} are rejected`, () => {
    for (let i = 0; i < 3; ++i) {
      const a = client.genKeys();
      const b = client.genKeys();
      const payment = { ...randomCommon(a.publicKey, b.publicKey), amount: u64().toString() };
      const signed = client.signPayment(payment, a.privateKey);
      assert.equal(client.verifyPayment(signed), true);
      const r = verify(signed, network);
      assert.equal(r.code, 0, JSON.stringify(r.json));
      assert.equal(r.json.valid, true);
      assert.equal(r.json.kind, 'payment');
      assert.equal(r.json.from, a.publicKey);
      assert.equal(r.json.to, b.publicKey);
      assert.equal(r.json.amount, payment.amount);
      assert.equal(r.json.fee, payment.fee);
      assert.equal(r.json.nonce, payment.nonce);
      assert.equal(r.json.validUntil, payment.validUntil ?? '4294967295');
      assert.equal(r.json.memo, Memo.toBase58(Memo.fromString(payment.memo)));
      // devnet is testnet's alias; the other network never verifies.
      if (network === 'testnet') assert.equal(verify(signed, 'devnet').json.valid, true);
      const swapped = verify(signed, other);
      assert.equal(swapped.code, 1);
      assert.equal(swapped.json.reason, 'signature does not verify');

      // GraphQL sendPayment arguments with mina-signer's raw (Rosetta hex) signature, and a
      // whole request with {field, scalar}.
      const input = { ...signed.data };
      const graphql = verify({ input, signature: { rawSignature: signatureJsonToHex(signed.signature) } }, network);
      assert.equal(graphql.json.valid, true, JSON.stringify(graphql.json));
      const request = verify({ query: 'mutation($input: SendPaymentInput!, $signature: SignatureInput) { sendPayment(input: $input, signature: $signature) { payment { hash } } }', variables: { input, signature: signed.signature } }, network);
      assert.equal(request.json.valid, true);

      if (i > 0) continue;  // mutations on the first command of each network keep the run short
      const bump = (s) => (BigInt(s) + 1n).toString();
      checkMutation(client, signed, 'payment', network, 'fee', (m) => { m.data.fee = bump(m.data.fee); });
      checkMutation(client, signed, 'payment', network, 'amount', (m) => { m.data.amount = bump(m.data.amount); });
      checkMutation(client, signed, 'payment', network, 'nonce', (m) => { m.data.nonce = (BigInt(m.data.nonce) ^ 1n).toString(); });
      checkMutation(client, signed, 'payment', network, 'receiver', (m) => { m.data.to = client.genKeys().publicKey; });
      checkMutation(client, signed, 'payment', network, 'memo', (m) => { m.data.memo = m.data.memo === 'tampered' ? 'tampered!' : 'tampered'; });
      checkMutation(client, signed, 'payment', network, 'validUntil', (m) => { m.data.validUntil = (BigInt(m.data.validUntil) ^ 1n).toString(); });
      checkMutation(client, signed, 'payment', network, 'signature', (m) => { m.signature.scalar = bump(m.signature.scalar); });
    }
  });

  test(`verify-payment: mina-signer stake delegations on ${network} verify, mutations and ${other} are rejected`, () => {
    for (let i = 0; i < 2; ++i) {
      const a = client.genKeys();
      const b = client.genKeys();
      const delegation = randomCommon(a.publicKey, b.publicKey);
      const signed = client.signStakeDelegation(delegation, a.privateKey);
      assert.equal(client.verifyStakeDelegation(signed), true);
      const r = verify(signed, network);
      assert.equal(r.code, 0, JSON.stringify(r.json));
      assert.equal(r.json.kind, 'delegation');
      assert.equal(r.json.to, b.publicKey);
      assert.equal('amount' in r.json, false);
      assert.equal(verify(signed, other).json.valid, false);
      const request = verify({ query: 'mutation { sendDelegation(input: $input, signature: $signature) { delegation { hash } } }', variables: { input: signed.data, signature: { rawSignature: signatureJsonToHex(signed.signature) } } }, network);
      assert.equal(request.json.valid, true);
      assert.equal(request.json.kind, 'delegation');
      if (i > 0) continue;
      checkMutation(client, signed, 'delegation', network, 'fee', (m) => { m.data.fee = (BigInt(m.data.fee) ^ 1n).toString(); });
      checkMutation(client, signed, 'delegation', network, 'new delegate', (m) => { m.data.to = client.genKeys().publicKey; });
      checkMutation(client, signed, 'delegation', network, 'signature', (m) => { m.signature.field = (BigInt(m.signature.field) ^ 1n).toString(); });
      // A payment with amount 0 is a different command from the delegation it looks like.
      const asPayment = verify({ ...signed, data: { ...signed.data, amount: '0' } }, network);
      assert.equal(asPayment.json.valid, false);
    }
  });
}

test('verify-payment: the fixtures\' signPaymentLegacy vectors (base58 signature form too)', () => {
  for (const v of vectors.signPaymentLegacy.vectors) {
    const signed = { signature: v.signature, publicKey: v.payment.from, data: v.payment };
    assert.equal(verify(signed, v.network).json.valid, v.verify);
    // mina-signer's Signature.toBase58 of the same (r, s) is the "7m…" form.
    const { Signature } = signatureModule;
    const base58 = Signature.toBase58(Signature.fromJSON(v.signature));
    assert.equal(verify({ ...signed, signature: base58 }, v.network).json.valid, v.verify);
  }
});

test('verify-payment: malformed input is a typed error (exit 2)', () => {
  const client = new Client({ network: 'mainnet' });
  const a = client.genKeys();
  const good = client.signPayment({ to: a.publicKey, from: a.publicKey, amount: 1, fee: 1, nonce: 0 }, a.privateKey);
  const p = vectors.meta.Fp_pallas_base_field_order;
  const cases = [
    ['{"data":', 'malformed_json'],
    ['[]', 'malformed_json'],
    [{ ...good, data: { ...good.data, amount: '18446744073709551616' } }, 'malformed_number'],
    [{ ...good, data: { ...good.data, fee: '-5' } }, 'malformed_number'],
    [{ ...good, data: { ...good.data, nonce: '4294967296' } }, 'malformed_number'],
    [{ ...good, data: { ...good.data, memo: 'm'.repeat(33) } }, 'invalid_length'],
    [{ ...good, data: { ...good.data, to: a.publicKey.slice(0, -1) + (a.publicKey.endsWith('a') ? 'b' : 'a') } }, 'bad_checksum'],
    [{ ...good, signature: { field: p, scalar: '1' } }, 'non_canonical_field'],
    [{ ...good, signature: { rawSignature: 'ab' } }, 'invalid_length'],
    [{ input: good.data }, 'malformed_json'],
  ];
  for (const [value, code] of cases) {
    const r = verify(value, 'mainnet');
    assert.equal(r.code, 2, JSON.stringify(r.json));
    assert.equal(r.json.error.code, code, JSON.stringify(r.json));
  }
  const usage = run('native', ['verify-payment', '--network', 'moonnet', writeJson(good)]);
  assert.equal(usage.code, 2);
  assert.equal(usage.json.error.code, 'invalid_argument');
});

// ---- zkApp commands through the package's WASM module (in this thread) ----

const verifierPath = process.env.MINA_VERIFIER_MODULE ?? join(root, 'dist', 'node', 'mina-verifier.cjs');
let verifier;
async function loadVerifier() {
  if (verifier) return verifier;
  const createMinaVerifier = createRequire(import.meta.url)(verifierPath);
  const wasmBinary = readFileSync(verifierPath.replace(/\.cjs$/, '.wasm'));
  const wasmMemory = new WebAssembly.Memory({ initial: 512, maximum: 16384 });
  verifier = await createMinaVerifier({ wasmBinary, wasmMemory });
  return verifier;
}

// o1js's own commitments for a zkApp command JSON on a network.
function o1jsCommitments(json, network) {
  const c = transactionCommitments(ZkappCommand.fromJSON(json), network);
  return { commitment: c.commitment.toString(), fullCommitment: c.fullCommitment.toString() };
}

const zkappSkip = existsSync(verifierPath) ? false : 'no package build in dist/';

test('verifyZkappCommandSignatures: o1js transactions verify, tampering is rejected', { skip: zkappSkip }, async () => {
  const core = await loadVerifier();
  const { Mina, AccountUpdate, PrivateKey } = await import('o1js');
  const local = await Mina.LocalBlockchain({ proofsEnabled: false });
  Mina.setActiveInstance(local);
  const [alice, bob] = local.testAccounts;
  const carol = PrivateKey.random().toPublicKey();
  const tx = await Mina.transaction({ sender: alice, fee: 100_000_000, memo: 'signed-command test' }, async () => {
    AccountUpdate.fundNewAccount(alice);
    AccountUpdate.createSigned(alice).send({ to: carol, amount: 2_000_000_000 });
    AccountUpdate.createSigned(bob).send({ to: alice, amount: 1 });
  });
  const unsigned = JSON.parse(tx.toJSON());
  tx.sign([alice.key, bob.key]);
  const signed = JSON.parse(tx.toJSON());
  // The fee payer, plus every update whose authorization kind is a signature (o1js decides which
  // use the full commitment: here both kinds occur).
  const signedUpdates = signed.accountUpdates.filter((u) => u.body.authorizationKind.isSigned);
  assert.ok(signedUpdates.some((u) => u.body.useFullCommitment) && signedUpdates.some((u) => !u.body.useFullCommitment));

  const r = core.verifyZkappCommandSignatures(JSON.stringify(signed), 'testnet');
  assert.equal(r.valid, true, JSON.stringify(r));
  assert.equal(r.checked, 1 + signedUpdates.length);
  const expected = o1jsCommitments(signed, 'devnet');
  assert.equal(r.commitment, expected.commitment);
  assert.equal(r.fullCommitment, expected.fullCommitment);
  assert.equal(core.verifyZkappCommandSignatures(JSON.stringify(signed), 'devnet').valid, true);
  const onMainnet = core.verifyZkappCommandSignatures(JSON.stringify(signed), 'mainnet');
  assert.equal(onMainnet.valid, false);
  assert.equal(onMainnet.commitment, o1jsCommitments(signed, 'mainnet').commitment);

  // The same command signed for mainnet by mina-signer.
  let mainnet = signZkappCommand(unsigned, alice.key.toBase58(), 'mainnet');
  mainnet = signZkappCommand(mainnet, bob.key.toBase58(), 'mainnet');
  assert.equal(verifyZkappCommandSignature(mainnet, alice.toBase58(), 'mainnet'), true);
  const m = core.verifyZkappCommandSignatures(JSON.stringify(mainnet), 'mainnet');
  assert.equal(m.valid, true, JSON.stringify(m));
  assert.equal(m.fullCommitment, o1jsCommitments(mainnet, 'mainnet').fullCommitment);
  assert.equal(core.verifyZkappCommandSignatures(JSON.stringify(mainnet), 'testnet').valid, false);

  const mutations = {
    fee: (t) => { t.feePayer.body.fee = '100000001'; },
    nonce: (t) => { t.feePayer.body.nonce = '1'; },
    validUntil: (t) => { t.feePayer.body.validUntil = '1000'; },
    memo: (t) => { t.memo = Memo.toBase58(Memo.fromString('other')); },
    amount: (t) => { t.accountUpdates[1].body.balanceChange.magnitude = '2000000001'; },
    receiver: (t) => { t.accountUpdates[2].body.publicKey = PrivateKey.random().toPublicKey().toBase58(); },
    order: (t) => { t.accountUpdates.push(t.accountUpdates.shift()); t.accountUpdates[0].body.callDepth = 0; },
    signature: (t) => { const u = t.accountUpdates.findLast((x) => x.body.authorizationKind.isSigned); u.authorization.signature = t.feePayer.authorization; },
    missing: (t) => { t.accountUpdates.find((x) => x.body.authorizationKind.isSigned).authorization = {}; },
  };
  for (const [name, mutate] of Object.entries(mutations)) {
    const t = structuredClone(signed);
    mutate(t);
    const v = core.verifyZkappCommandSignatures(JSON.stringify(t), 'testnet');
    assert.equal(v.error, undefined, `${name}: ${JSON.stringify(v)}`);
    assert.equal(v.valid, false, `${name} should be rejected`);
    assert.ok(v.reason, name);
  }

  const memoX = Memo.toBase58(Memo.fromString('x'));
  for (const [text, code] of [
    ['{', 'malformed_json'],
    [JSON.stringify({ ...signed, memo: 'not a memo' }), 'invalid_encoding'],
    [JSON.stringify({ ...signed, memo: memoX.slice(0, -1) + (memoX.endsWith('z') ? 'y' : 'z') }), 'bad_checksum'],
    [JSON.stringify({ ...signed, accountUpdates: 5 }), 'malformed_json'],
  ]) {
    assert.equal(core.verifyZkappCommandSignatures(text, 'testnet').error?.code, code, text.slice(0, 40));
  }
  assert.equal(core.verifyZkappCommandSignatures(JSON.stringify(signed), 'moonnet').error?.code, 'invalid_argument');
});

test('verifySignedCommand (package module): a mina-signer payment, its verdict and payload', { skip: zkappSkip }, async () => {
  const core = await loadVerifier();
  const client = new Client({ network: 'testnet' });
  const a = client.genKeys();
  const signed = client.signPayment({ to: a.publicKey, from: a.publicKey, amount: '5', fee: '7', nonce: '3', memo: 'm' }, a.privateKey);
  const r = core.verifySignedCommand(JSON.stringify(signed), 'devnet');
  assert.deepEqual({ ...r }, { valid: true, kind: 'payment', from: a.publicKey, to: a.publicKey, fee: '7', amount: '5', nonce: '3', validUntil: '4294967295', memo: Memo.toBase58(Memo.fromString('m')) });
  assert.equal(core.verifySignedCommand(JSON.stringify(signed), 'mainnet').reason, 'signature does not verify');
  assert.equal(core.verifySignedCommand('[]', 'mainnet').error.code, 'malformed_json');
});

test('verifyZkappCommandSignatures: every body field o1js can set hashes as o1js hashes it', { skip: zkappSkip }, async () => {
  const core = await loadVerifier();
  const o1js = await import('o1js');
  const { Mina, AccountUpdate, PrivateKey, SmartContract, State, Field, UInt64, UInt32, Permissions, Bool } = o1js;
  const { Actions } = await import(join(root, 'node_modules', 'o1js', 'dist', 'node', 'lib', 'mina', 'v1', 'account-update.js'));

  // A contract with state, events and actions (decorator-free declarations for plain Node).
  class Counter extends SmartContract {
    constructor(address) {
      super(address);
      this.x = State();
      this.events = { bump: Field };
    }
    async bump(y) {
      this.x.set(y);
      this.emitEvent('bump', y);
      this.self.body.actions = Actions.pushEvent(this.self.body.actions, [y.add(1), Field(3)]);
      this.self.body.actions = Actions.pushEvent(this.self.body.actions, [Field(4)]);
      this.network.blockchainLength.requireBetween(UInt32.from(0), UInt32.from(1000));
    }
  }
  o1js.declareState(Counter, { x: Field });
  o1js.declareMethods(Counter, { bump: [Field] });

  const local = await Mina.LocalBlockchain({ proofsEnabled: false });
  Mina.setActiveInstance(local);
  const [alice, bob] = local.testAccounts;
  const zkKey = PrivateKey.random();
  const app = new Counter(zkKey.toPublicKey());

  // Ours must equal o1js's commitments and verify; the ledger (o1js) must accept the command when
  // its preconditions can hold (the last one's are there for their encoding only).
  async function check(name, tx, keys, send = true) {
    tx.sign(keys);
    const json = JSON.parse(tx.toJSON());
    const expected = o1jsCommitments(json, 'devnet');
    const r = core.verifyZkappCommandSignatures(JSON.stringify(json), 'testnet');
    assert.equal(r.valid, true, `${name}: ${JSON.stringify(r)}`);
    assert.equal(r.commitment, expected.commitment, name);
    assert.equal(r.fullCommitment, expected.fullCommitment, name);
    if (send) await tx.send();
  }

  await check('deploy with zkappUri, tokenSymbol, permissions, verification key', await Mina.transaction(alice, async () => {
    AccountUpdate.fundNewAccount(alice);
    await app.deploy();
    app.account.zkappUri.set('https://example.com/zk');
    app.account.tokenSymbol.set('TOK');
    app.account.permissions.set({ ...Permissions.default(), editState: Permissions.proofOrSignature() });
  }), [alice.key, zkKey]);

  const bump = await Mina.transaction({ sender: bob, fee: 100_000_000, memo: 'bump' }, async () => { await app.bump(Field(7)); });
  await bump.prove();
  await check('method with state, events, actions and a network precondition', bump, [bob.key]);

  await check('delegate, votingFor, timing and account/network preconditions', await Mina.transaction(alice, async () => {
    const u = AccountUpdate.createSigned(alice);
    u.account.delegate.set(bob);
    u.account.votingFor.set(Field(5));
    u.account.timing.set({ initialMinimumBalance: UInt64.from(10), cliffTime: UInt32.from(2), cliffAmount: UInt64.from(3), vestingPeriod: UInt32.from(4), vestingIncrement: UInt64.from(5) });
    u.account.balance.requireBetween(UInt64.from(0), UInt64.from(10n ** 18n));
    u.account.nonce.requireEquals(UInt32.from(1));
    u.account.isNew.requireEquals(Bool(false));
    u.account.delegate.requireEquals(alice);
    u.network.globalSlotSinceGenesis.requireBetween(UInt32.from(0), UInt32.from(100));
    u.network.stakingEpochData.ledger.hash.requireEquals(Field(0));
    u.network.nextEpochData.epochLength.requireBetween(UInt32.from(1), UInt32.from(9));
  }), [alice.key], false);
});
