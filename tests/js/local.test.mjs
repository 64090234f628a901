// Test mode with dummy proofs, written the way a zkApp developer would use it: a local network,
// payments signed with mina-signer (bundled in o1js), an o1js LocalBlockchain({proofsEnabled:
// false}) zkApp deploy and update submitted as JSON, and a light node in `proofs: 'dummy'` mode
// that follows the local chain and reads verified accounts. Also: typed rejections, dummy mode
// refused on real networks, and lying peers caught by the node's core checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// mina-signer as o1js ships it (o1js's exports map has no subpath for it, hence the file path).
import Client from '../../node_modules/o1js/dist/node/mina-signer/mina-signer.js';
import { AccountUpdate, Field, Mina, Permissions, PrivateKey, SmartContract, State, declareMethods, declareState } from 'o1js';
import { createLocalNetwork, createNode, LocalNetworkError } from '../../js/index.mjs';
import { loadCore } from '../../js/local/core.mjs';

const MINA = 1_000_000_000n;
const signer = new Client({ network: 'testnet' });

function dummyNode(net, extra = {}) {
  return createNode({
    network: 'local',
    networkId: net.networkId,
    proofs: 'dummy',
    genesisStateHash: net.genesisStateHash,
    peers: [net.url],
    storage: { backend: 'memory' },
    tickMs: 20,
    pollIntervalMs: 100,
    ...extra,
  });
}

async function rejects(promise, code) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.code, code, `${err.code}: ${err.message}`);
    return true;
  });
}

// ---- payments ----

test('payments signed with mina-signer land in the next block; a dummy-mode node reads them verified', async (t) => {
  const started = Date.now();
  const alice = signer.genKeys();
  const bob = signer.genKeys();
  const carol = signer.genKeys(); // not in the genesis ledger
  const net = await createLocalNetwork({
    accounts: [
      { publicKey: alice.publicKey, balance: 100n * MINA },
      { publicKey: bob.publicKey, balance: '5000000000' },
    ],
  });
  const node = dummyNode(net);
  try {
    const pay = (to, amount, nonce, key = alice) =>
      signer.signPayment({ from: key.publicKey, to, amount, fee: 10_000_000n, nonce }, key.privateKey);
    await net.sendPayment(pay(bob.publicKey, 3n * MINA, 0));
    await net.sendPayment(pay(carol.publicKey, 2n * MINA, 1)); // creates carol: 1 MINA creation fee
    const block = await net.produceBlock();
    assert.equal(block.height, 2);
    assert.equal(block.transactions.length, 2);

    await node.start();
    const tip = await node.waitForTip({ height: 2, timeoutMs: 10_000 });
    assert.equal(tip.stateHash, net.tip.stateHash); // the node computed the same hash as the network

    const b = await node.getAccount(bob.publicKey);
    assert.equal(b.account.balance.total, String(8n * MINA));
    assert.equal(b.ledgerHash, net.tip.ledgerHash);
    const a = await node.getAccount(alice.publicKey);
    assert.equal(a.account.nonce, '2');
    // 100 − 3 − 2 − two fees; the fees go to the producer, who is alice (the first account).
    assert.equal(a.account.balance.total, String(95n * MINA));
    const c = await node.getAccount(carol.publicKey);
    assert.equal(c.account.balance.total, String(1n * MINA));

    // A second block: the node follows, its window links to the first.
    await net.sendPayment(pay(alice.publicKey, 1n * MINA, 0, bob));
    await net.produceBlock();
    await node.waitForTip({ height: 3, timeoutMs: 10_000 });
    const b2 = await node.getAccount(bob.publicKey);
    assert.equal(b2.account.nonce, '1');
    assert.equal(b2.account.balance.total, String(7n * MINA - 10_000_000n));
    assert.deepEqual(node.window.map((w) => w.height).slice(-2), [2, 3]);
  } finally {
    await node.close();
    await net.close();
  }
  t.diagnostic(`local network, payments, two blocks and verified reads: ${Date.now() - started} ms`);
});

test('rejected payments are typed and leave the ledger as it was', async () => {
  const alice = signer.genKeys();
  const bob = signer.genKeys();
  const net = await createLocalNetwork({ accounts: [{ publicKey: alice.publicKey, balance: 10n * MINA }] });
  try {
    const payment = { from: alice.publicKey, to: bob.publicKey, amount: 2n * MINA, fee: 10_000_000n, nonce: 0 };
    const signed = signer.signPayment(payment, alice.privateKey);
    if (net.signaturesChecked) {
      // The amount changed after signing: the core's signature check fails.
      const tampered = { ...signed, data: { ...signed.data, amount: String(9n * MINA) } };
      await rejects(net.sendPayment(tampered), 'invalid_signature');
      // Signed by someone else.
      const mallory = signer.genKeys();
      const forged = { ...signer.signPayment(payment, mallory.privateKey), publicKey: alice.publicKey };
      await rejects(net.sendPayment(forged), 'invalid_signature');
    }
    await rejects(net.sendPayment(signer.signPayment({ ...payment, nonce: 1 }, alice.privateKey)), 'bad_nonce');
    await rejects(net.sendPayment(signer.signPayment({ ...payment, amount: 20n * MINA }, alice.privateKey)), 'insufficient_balance');
    await rejects(net.sendPayment(signer.signPayment({ ...payment, fee: 1n }, alice.privateKey)), 'fee_too_low');
    await rejects(net.sendPayment(signer.signPayment({ ...payment, amount: MINA / 2n }, alice.privateKey)), 'insufficient_balance'); // < creation fee
    await rejects(net.sendPayment({ data: { from: 1 } }), 'malformed_transaction');
    await rejects(net.sendPayment('{not json'), 'malformed_transaction');
    // Over GraphQL a bad key is the client's error, answered as such.
    const answer = await (await fetch(net.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query($pk: PublicKey!) { account(publicKey: $pk) { nonce } }', variables: { pk: 'B62qnotakey' } }) })).json();
    assert.equal(answer.errors?.[0]?.extensions?.code, 'bad_argument', JSON.stringify(answer));
    await rejects(net.getAccount('B62qnotakey'), 'bad_checksum'); // the core's base58check code
    const produced = await net.produceBlock();
    assert.equal(produced.transactions.length, 0);
    const a = await net.getAccount(alice.publicKey);
    assert.equal(a.nonce, '0');
    assert.equal(a.balance.total, String(10n * MINA));
    assert.equal(await net.getAccount(bob.publicKey), null);
    // The valid one still goes through afterwards.
    await net.sendPayment(signed);
    await net.produceBlock();
    assert.equal((await net.getAccount(bob.publicKey)).balance.total, String(1n * MINA));
  } finally {
    await net.close();
  }
});

test('payment signatures are checked by the core (verifySignedCommand)', async (t) => {
  const core = await loadCore();
  if (typeof core.verifySignedCommand !== 'function') return t.skip('TODO(local): this build has no verifySignedCommand binding');
  const alice = signer.genKeys();
  const net = await createLocalNetwork({ accounts: [{ publicKey: alice.publicKey, balance: 10n * MINA }] });
  try {
    assert.equal(net.signaturesChecked, true);
    const r = await net.sendPayment(signer.signPayment({ from: alice.publicKey, to: alice.publicKey, amount: 1n, fee: MINA / 100n, nonce: 0 }, alice.privateKey));
    assert.equal(r.signatureChecked, true);
  } finally {
    await net.close();
  }
});

// ---- an o1js zkApp ----

class Counter extends SmartContract {
  constructor(address) {
    super(address);
    this.x = State(); // assigned here: a class field would shadow @state's accessor (no decorators in .mjs)
  }
  init() {
    super.init();
    this.x.set(Field(1));
  }
  async set(value) {
    this.x.requireEquals(this.x.get());
    this.x.set(value);
  }
}
declareState(Counter, { x: Field });
declareMethods(Counter, { set: [Field] });

// o1js's side of a test: its LocalBlockchain (proofs off) with a funded deployer, and our local
// network holding the same deployer, so every o1js transaction can be submitted to both.
async function o1jsAndLocal(balance = 1000n * MINA) {
  const Local = await Mina.LocalBlockchain({ proofsEnabled: false });
  Mina.setActiveInstance(Local);
  const [deployer] = Local.testAccounts;
  const net = await createLocalNetwork({ accounts: [{ publicKey: deployer.toBase58(), balance }] });
  return { deployer, net };
}

// Deploys a Counter (x = 1) on o1js's chain and ours; `permissions` overrides o1js's defaults.
async function deployCounter({ deployer, net }, permissions) {
  const zkKey = PrivateKey.random();
  const app = new Counter(zkKey.toPublicKey());
  const deploy = await Mina.transaction({ sender: deployer, fee: FEE }, async () => {
    AccountUpdate.fundNewAccount(deployer);
    await app.deploy();
    if (permissions) app.account.permissions.set({ ...Permissions.default(), ...permissions });
  });
  await deploy.prove();
  deploy.sign([deployer.key, zkKey]);
  await deploy.send(); // o1js's own chain, so its next transaction sees the deployed state
  const r = await net.sendZkappCommand(deploy.toJSON());
  assert.equal(r.kind, 'zkappCommand');
  await net.produceBlock();
  return { app, zkKey, zkAddress: zkKey.toPublicKey() };
}

const FEE = 100_000_000;

test('an o1js LocalBlockchain({proofsEnabled: false}) deploy and a signed state update: appState read verified from the next block', async (t) => {
  const started = Date.now();
  const env = await o1jsAndLocal();
  const { deployer, net } = env;
  const node = dummyNode(net);
  try {
    const { zkKey, zkAddress } = await deployCounter(env, { editState: Permissions.signature() });
    // A state change authorized by the zkApp key's signature (no proof, so no o1js dummy proof).
    const update = await Mina.transaction({ sender: deployer, fee: FEE }, async () => {
      const u = AccountUpdate.createSigned(zkAddress);
      AccountUpdate.setValue(u.update.appState[0], Field(42));
    });
    await update.prove();
    update.sign([deployer.key, zkKey]);
    await update.send();
    await net.sendZkappCommand(JSON.parse(update.toJSON())); // objects work too
    // Submitting the same command again: its fee payer nonce is used.
    await rejects(net.sendZkappCommand(update.toJSON()), 'bad_nonce');
    await net.produceBlock();

    await node.start();
    await node.waitForTip({ height: 3, timeoutMs: 10_000 });
    const zk = await node.getAccount(zkAddress.toBase58());
    assert.equal(zk.account.zkappState[0], '42');
    assert.deepEqual(zk.account.zkappState.slice(1), Array(7).fill('0'));
    assert.equal(zk.account.verificationKey.hash, Mina.getAccount(zkAddress).zkapp.verificationKey.hash.toString());
    assert.equal(zk.account.permissions.editState, 'Signature');
    assert.equal(zk.account.provedState, false);
    assert.equal(zk.account.balance.total, '0');
    assert.equal(zk.account.nonce, String(Mina.getAccount(zkAddress).nonce)); // o1js increments it for a signed update
    const d = await node.getAccount(deployer.toBase58());
    assert.equal(d.account.nonce, '2');
    // 1000 MINA − the new account's creation fee (fees go back to the deployer, the producer).
    assert.equal(d.account.balance.total, String(999n * MINA));
    // The same state through o1js's own local chain.
    assert.equal(Mina.getAccount(zkAddress).zkapp.appState[0].toString(), '42');

    // An update without the zkApp key's signature (the fee payer signs): editState (Signature)
    // is not granted.
    const unsigned = await Mina.transaction({ sender: deployer, fee: FEE, nonce: 2 }, async () => {
      const u = AccountUpdate.create(zkAddress);
      AccountUpdate.setValue(u.update.appState[0], Field(7));
    });
    unsigned.sign([deployer.key]);
    await rejects(net.sendZkappCommand(unsigned.toJSON()), 'permission_denied');
    await rejects(net.sendZkappCommand({ feePayer: {} }), 'malformed_transaction');
    await rejects(net.sendZkappCommand('{'), 'malformed_transaction');
  } finally {
    await node.close();
    await net.close();
  }
  t.diagnostic(`o1js + local network + node: ${Date.now() - started} ms`);
});

// A method call (proof-authorized) needs o1js's dummy proof: o1js builds it once per process,
// ~5–15 s (Pickles.dummyProof on its thread pool), hence skipped under MINA_FAST.
test('an o1js method call with its dummy proof: precondition and Proof permission', { skip: process.env.MINA_FAST === '1' && 'MINA_FAST: o1js builds a dummy proof' }, async (t) => {
  const started = Date.now();
  const env = await o1jsAndLocal();
  const { deployer, net } = env;
  const node = dummyNode(net);
  try {
    const { app, zkAddress } = await deployCounter(env);
    const update = await Mina.transaction({ sender: deployer, fee: FEE }, async () => {
      await app.set(Field(42));
    });
    await update.prove(); // proofsEnabled: false → o1js's dummy proof
    update.sign([deployer.key]);
    // Without the proof it claims (proofs are outside the signed commitment), editState (Proof)
    // is not granted.
    const unproved = JSON.parse(update.toJSON());
    unproved.accountUpdates[0].authorization.proof = null;
    await rejects(net.sendZkappCommand(unproved), 'permission_denied');
    await net.sendZkappCommand(update.toJSON()); // not sent to o1js's chain: there x is still 1
    await net.produceBlock();
    await node.start();
    await node.waitForTip({ height: 3, timeoutMs: 10_000 });
    const zk = await node.getAccount(zkAddress.toBase58());
    assert.equal(zk.account.zkappState[0], '42');
    assert.equal(zk.account.permissions.editState, 'Proof'); // o1js's deploy permissions

    // o1js (x = 1 there) builds an update requiring x = 1; on the local chain x is 42: refused.
    const stale = await Mina.transaction({ sender: deployer, fee: FEE, nonce: 2 }, async () => {
      await app.set(Field(7));
    });
    await stale.prove();
    stale.sign([deployer.key]);
    await rejects(net.sendZkappCommand(stale.toJSON()), 'precondition_failed');
  } finally {
    await node.close();
    await net.close();
  }
  t.diagnostic(`with o1js's dummy proof: ${Date.now() - started} ms`);
});

test('zkApp command signatures are checked by the core (verifyZkappCommandSignatures)', async (t) => {
  const core = await loadCore();
  if (typeof core.verifyZkappCommandSignatures !== 'function')
    return t.skip('TODO(local): no verifyZkappCommandSignatures binding in this build; zkApp signatures are not checked');
  const env = await o1jsAndLocal();
  const { deployer, net } = env;
  try {
    assert.equal(net.zkappSignaturesChecked, true);
    const { zkKey, zkAddress } = await deployCounter(env, { editState: Permissions.signature() });
    const update = await Mina.transaction({ sender: deployer, fee: FEE }, async () => {
      const u = AccountUpdate.createSigned(zkAddress);
      AccountUpdate.setValue(u.update.appState[0], Field(42));
    });
    update.sign([deployer.key, zkKey]);
    const json = update.toJSON();
    // Another value than the one signed for.
    const tampered = JSON.parse(json);
    tampered.accountUpdates[0].body.update.appState[0] = '43';
    await rejects(net.sendZkappCommand(tampered), 'invalid_signature');
    // The zkApp's signature by another key.
    const forged = await Mina.transaction({ sender: deployer, fee: FEE }, async () => {
      const u = AccountUpdate.createSigned(zkAddress);
      AccountUpdate.setValue(u.update.appState[0], Field(42));
    });
    forged.sign([deployer.key, PrivateKey.random()]);
    await assert.rejects(net.sendZkappCommand(forged.toJSON()), (err) => ['invalid_signature', 'malformed_transaction'].includes(err.code));
    const r = await net.sendZkappCommand(json);
    assert.equal(r.signatureChecked, true);
    await net.produceBlock();
    assert.equal((await net.getAccount(zkAddress.toBase58())).zkappState[0], '42');
  } finally {
    await net.close();
  }
});

// ---- dummy mode on real networks ----

test('dummy mode on mainnet or devnet fails with dummy_on_real_network', async () => {
  for (const options of [
    { network: 'mainnet' },
    { network: 'devnet' },
    { network: 'local', networkId: 'mina:mainnet' },
    { network: 'local', networkId: 'mina:devnet' },
  ]) {
    assert.throws(
      () => createNode({ ...options, proofs: 'dummy', peers: [] }),
      (err) => err.code === 'dummy_on_real_network' && /dummy/.test(err.message) && err.message.includes(options.networkId ?? options.network),
    );
    await rejects(createLocalNetwork({ ...options, accounts: [{ publicKey: signer.genKeys().publicKey, balance: 1 }] }), 'dummy_on_real_network');
  }
  assert.throws(() => createNode({ network: 'local', proofs: 'fake', peers: [] }), (err) => err.code === 'invalid_argument');
  await assert.rejects(createLocalNetwork({ accounts: [] }), LocalNetworkError);
});

test('CommonJS entry: createLocalNetwork with the same typed errors', async () => {
  const cjs = createRequire(import.meta.url)('../../js/index.cjs');
  const key = signer.genKeys().publicKey;
  const net = await cjs.createLocalNetwork({ accounts: [{ publicKey: key, balance: 5 }] });
  try {
    assert.equal((await net.getAccount(key)).balance.total, '5');
  } finally {
    await net.close();
  }
  await rejects(cjs.createLocalNetwork({ networkId: 'mina:mainnet', accounts: [{ publicKey: key, balance: 5 }] }), 'dummy_on_real_network');
});

// ---- lying peers ----

// A peer in front of `net` that rewrites its answers with `edit(data)`.
async function lyingPeer(net, edit) {
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const upstream = await fetch(net.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await upstream.json();
    if (answer.data) edit(answer.data);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/graphql`, close: () => new Promise((r) => server.close(r)) };
}

test('a lying local peer is caught: a served account with another balance, a block not hashing to its claim, another genesis', async () => {
  const alice = signer.genKeys();
  const net = await createLocalNetwork({ accounts: [{ publicKey: alice.publicKey, balance: 10n * MINA }] });
  await net.produceBlock();
  const richer = await lyingPeer(net, (d) => {
    if (d.account) d.account.balance.total = String(1000n * MINA);
  });
  const node = dummyNode(net, { peers: [{ url: richer.url, id: 'liar' }] });
  try {
    await node.start();
    await node.waitForTip({ height: 2, timeoutMs: 10_000 }); // its blocks are honest
    await assert.rejects(node.getAccount(alice.publicKey), (err) => {
      assert.equal(err.code, 'no_peer');
      assert.match(err.message, /bad_path|leafHash/);
      return true;
    });
    const liar = node.peers().find((p) => p.id === 'liar');
    assert.equal(liar.status, 'banned');
  } finally {
    await node.close();
    await richer.close();
  }

  // A block with another timestamp under the same claimed state hash: the hash the core
  // computes is not the one claimed.
  const forged = await lyingPeer(net, (d) => {
    const tip = d.bestChain?.at(-1);
    if (tip) tip.protocolState.blockchainState.timestamp = String(BigInt(tip.protocolState.blockchainState.timestamp) + 1n);
  });
  const other = await createLocalNetwork({ accounts: [{ publicKey: alice.publicKey, balance: 10n * MINA }], networkId: 'mina:local' });
  const node2 = dummyNode(net, { peers: [{ url: forged.url, id: 'forger' }, { url: other.url, id: 'other-genesis' }] });
  const rejected = [];
  node2.on('syncProgress', (p) => p.phase === 'rejected' && rejected.push(p.reason));
  try {
    await node2.start();
    const deadline = Date.now() + 5_000;
    while (node2.peers().filter((p) => p.status === 'banned').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const status = Object.fromEntries(node2.peers().map((p) => [p.id, p]));
    assert.equal(status.forger.status, 'banned', JSON.stringify(status.forger));
    // Another local network (another genesis, same network id) is not this chain.
    assert.equal(status['other-genesis'].status, 'banned', JSON.stringify(status['other-genesis']));
    assert.ok(rejected.some((r) => /genesis/.test(r)), rejected.join());
    assert.equal(node2.tip, undefined);
  } finally {
    await node2.close();
    await forged.close();
    await other.close();
    await net.close();
  }
});

test('wide reads: a dummy-mode node fetches a whole ledger subtree in one request and checks it at once; a changed account in it is a lie', async () => {
  const keys = [signer.genKeys(), signer.genKeys(), signer.genKeys()];
  const net = await createLocalNetwork({ accounts: keys.map((k, i) => ({ publicKey: k.publicKey, balance: BigInt(i + 1) * MINA })) });
  await net.produceBlock();
  const node = dummyNode(net);
  const liar = await lyingPeer(net, (d) => {
    if (d.accountSubtree) d.accountSubtree.accounts[1].balance.total = String(1000n * MINA);
  });
  const fooled = dummyNode(net, { peers: [{ url: liar.url, id: 'liar' }] });
  try {
    await node.start();
    await node.waitForTip({ height: 2, timeoutMs: 10_000 });
    const wide = await node.getAccountSubtree(0, 2);
    assert.equal(wide.ledgerHash, net.tip.ledgerHash);
    assert.deepEqual(wide.subtree.accounts.map((a) => a.publicKey), keys.map((k) => k.publicKey));
    // Each account of the subtree equals its own verified single read.
    for (const [i, k] of keys.entries()) {
      const one = await node.getAccount(k.publicKey, undefined, { fresh: true });
      assert.equal(wide.subtree.accounts[i].balance.total, one.account.balance.total);
    }
    await assert.rejects(node.getAccountSubtree(1, 2), (err) => err.code === 'invalid_argument', 'misaligned');

    await fooled.start();
    await fooled.waitForTip({ height: 2, timeoutMs: 10_000 });
    await assert.rejects(fooled.getAccountSubtree(0, 2), (err) => err.code === 'no_peer' && /liar: bad_path/.test(err.message));
    assert.equal(fooled.peers().find((p) => p.id === 'liar').status, 'banned');
  } finally {
    await node.close();
    await fooled.close();
    await liar.close();
    await net.close();
  }
});

test('a server peer in dummy mode over a local network serves verified accounts and subtrees to a node', async () => {
  const { startServer } = await import('../../js/server/index.mjs');
  const keys = [signer.genKeys(), signer.genKeys()];
  const net = await createLocalNetwork({ accounts: keys.map((k) => ({ publicKey: k.publicKey, balance: 7n * MINA })) });
  await net.produceBlock();
  const server = await startServer({
    port: 0, network: 'local', networkId: net.networkId, proofs: 'dummy', genesisStateHash: net.genesisStateHash,
    upstream: [net.url], pollIntervalMs: 100,
  });
  const node = dummyNode(net, { peers: [{ url: server.graphqlUrl, id: 'server-peer' }] });
  try {
    await server.node.waitForTip({ height: 2, timeoutMs: 10_000 });
    await node.start();
    const tip = await node.waitForTip({ height: 2, timeoutMs: 10_000 });
    assert.equal(tip.stateHash, net.tip.stateHash);
    const one = await node.getAccount(keys[1].publicKey);
    assert.equal(one.peer, 'server-peer');
    assert.equal(one.account.balance.total, String(7n * MINA));
    const wide = await node.getAccountSubtree(0, 1);
    assert.deepEqual(wide.subtree.accounts.map((a) => a.publicKey), keys.map((k) => k.publicKey));
    assert.equal(wide.peer, 'server-peer');
  } finally {
    await node.close();
    await server.close();
    await net.close();
  }
  for (const network of ['mainnet', 'devnet'])
    await assert.rejects(startServer({ port: 0, network, proofs: 'dummy', upstream: ['http://127.0.0.1:9/graphql'] }), (e) => e.code === 'dummy_on_real_network');
});
