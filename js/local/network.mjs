// createLocalNetwork(): a local simulated Mina chain for tests (Node.js). It keeps an in-memory
// ledger hashed exactly as Mina hashes ledgers (the core's LocalLedger), produces blocks on
// demand whose protocol states and state hashes are computed by the core (a dummy Pickles proof
// stands in for the blockchain SNARK), and serves them over HTTP through the same GraphQL subset
// and code as the server peer (js/server/answer.mjs, http.mjs), so a light node in
// `proofs: 'dummy'` mode follows it like any peer and checks every account it reads.
//
//   const net = await createLocalNetwork({accounts: [{publicKey, balance}], networkId?, port?,
//                                          producer?, minimumFee?, genesisTimestamp?})
//   net.url                        the GraphQL endpoint (http://127.0.0.1:<port>/graphql)
//   net.genesisStateHash, net.networkId
//   await net.sendPayment(signed)  mina-signer's signPayment output → {hash?, accepted: true}
//   await net.sendZkappCommand(tx) o1js tx.toJSON() (string or object)
//   await net.produceBlock()       → {stateHash, height, ledgerHash, transactions}
//   await net.getAccount(pk, tokenId?)   the tip ledger's account (GraphQL shape, with its path)
//   net.tip, net.chain()           the produced blocks (GraphQL form), oldest first
//   await net.close()
// Rejected transactions throw LocalNetworkError with a stable code (errors.mjs); they are never
// half-applied. Accepted transactions wait in a pending ledger until produceBlock().
import { createServer } from 'node:http';

import { graphqlBlockFromPrecomputed } from '../peers/block_form.mjs';
import { GraphqlError } from '../server/graphql_parse.mjs';
import { createHandler, DEFAULT_LIMITS } from '../server/http.mjs';
import { Metrics } from '../server/metrics.mjs';
import { assertDummyAllowed, LocalNetworkError } from './errors.mjs';
import { loadCore, unwrap } from './core.mjs';
import { amount, applyPayment, applyZkappCommand, MINA_TOKEN_ID, MINIMUM_FEE, PendingLedger, readPayment, readZkappCommand } from './transactions.mjs';

const SIGNATURE_NETWORK = 'testnet'; // what mina-signer and o1js sign for on non-mainnet chains
const KEEP_BLOCKS = 290; // Mina's k: the longest best chain a peer serves

function validateAccounts(accounts) {
  if (!Array.isArray(accounts)) throw new LocalNetworkError('invalid_argument', 'accounts must be an array of {publicKey, balance}');
  const seen = new Set();
  return accounts.map((a, i) => {
    if (!a || typeof a.publicKey !== 'string') throw new LocalNetworkError('invalid_argument', `accounts[${i}].publicKey must be a B62 key`);
    if (seen.has(a.publicKey)) throw new LocalNetworkError('invalid_argument', `accounts[${i}]: ${a.publicKey} is listed twice`);
    seen.add(a.publicKey);
    let balance;
    try {
      balance = amount(a.balance ?? 0, `accounts[${i}].balance`);
    } catch (err) {
      throw new LocalNetworkError('invalid_argument', err.message);
    }
    return { publicKey: a.publicKey, balance };
  });
}

export async function createLocalNetwork(options = {}) {
  const { networkId = 'mina:local', network = 'local', proofs = 'dummy', host = '127.0.0.1', port = 0 } = options;
  assertDummyAllowed({ network, networkId });
  if (proofs !== 'dummy') throw new LocalNetworkError('unsupported', "a local network produces dummy proofs only (proofs: 'dummy')");
  if (typeof networkId !== 'string' || networkId.length === 0 || networkId.length > 64)
    throw new LocalNetworkError('invalid_argument', 'networkId must be a non-empty string');
  const accounts = validateAccounts(options.accounts ?? []);
  if (accounts.length === 0) throw new LocalNetworkError('invalid_argument', 'a local network needs at least one account (the block producer)');
  const core = await loadCore();
  const producer = options.producer ?? accounts[0].publicKey;
  const rules = { producer, minimumFee: options.minimumFee === undefined ? MINIMUM_FEE : amount(options.minimumFee, 'minimumFee') };

  const ledger = new core.LocalLedger();
  const create = (publicKey, tokenId, withZkapp) =>
    JSON.parse(unwrap(core.localNewAccount(publicKey, tokenId === MINA_TOKEN_ID ? '' : tokenId, '0', withZkapp)));
  const store = (account) => unwrap(ledger.setAccount(JSON.stringify(account)));
  let totalCurrency = 0n;
  for (const a of accounts) {
    const account = create(a.publicKey, MINA_TOKEN_ID, false);
    account.balance.total = a.balance.toString();
    store(account);
    totalCurrency += a.balance;
  }
  // The tip ledger's account without its proof fields (what transactions read and write).
  const base = (publicKey, tokenId) => {
    const text = unwrap(ledger.account(publicKey, tokenId === MINA_TOKEN_ID ? '' : tokenId));
    if (text === null) return null;
    const { leafHash, merklePath, index, ...account } = JSON.parse(text);
    return account;
  };
  const pending = new PendingLedger({ base, create });
  let queued = [];

  const blocks = [];
  const addBlock = (produced, transactions) => {
    const precomputed = JSON.parse(produced.block);
    const entry = {
      stateHash: produced.stateHash,
      height: produced.height,
      ledgerHash: ledger.root(),
      precomputed,
      graphql: graphqlBlockFromPrecomputed(precomputed, produced.stateHash),
      transactions,
    };
    blocks.push(entry);
    if (blocks.length > KEEP_BLOCKS) blocks.shift();
    return entry;
  };
  const genesisTimestamp = BigInt(options.genesisTimestamp ?? Date.now());
  const genesis = addBlock(unwrap(core.localGenesisBlock(networkId, ledger.root(), totalCurrency.toString(), genesisTimestamp.toString(), producer)), []);

  // ---- the GraphQL server ----
  const view = {
    networkID: networkId,
    chain: () => blocks.map((b) => b.graphql),
    account: async (publicKey, token) => {
      const r = ledger.account(publicKey, !token || token === MINA_TOKEN_ID ? '' : token);
      // An unreadable key or token is the client's mistake: a GraphQL error, not a 500.
      if (r?.error) throw new GraphqlError('bad_argument', `account: ${r.error.code}: ${r.error.message}`);
      return r === null ? null : JSON.parse(r);
    },
    // A wide answer: the ledger's accounts in [firstIndex, firstIndex + 2^height) (dense from
    // index 0, so those present come first) and their subtree root's path: any member's path
    // above the subtree. A range holding no account is answered null.
    accountSubtree: async (firstIndex, height) => {
      const accounts = [];
      let path;
      for (let i = firstIndex; i < firstIndex + 2 ** height && i < ledger.size(); i++) {
        const r = ledger.accountAt(i);
        if (r === null || r?.error) break;
        const { leafHash, merklePath, index, ...account } = JSON.parse(r);
        path ??= merklePath.slice(height);
        accounts.push(account);
      }
      return accounts.length ? { firstIndex, height, ledgerHash: ledger.root(), accounts, merklePath: path } : null;
    },
  };
  let closed = false;
  const tip = () => blocks[blocks.length - 1];
  const handler = createHandler({
    view,
    metrics: new Metrics().counter('mina_webnode_http_requests_total', 'HTTP requests').counter('mina_webnode_http_request_seconds_sum', 'time').counter('mina_webnode_graphql_fields_total', 'fields'),
    statics: () => undefined,
    health: () => ({ status: 'ok', ready: true, network: 'local', networkID: networkId, tip: { stateHash: tip().stateHash, height: tip().height } }),
    config: () => ({ network: 'local', networkId, graphql: '/graphql', genesisStateHash: genesis.stateHash }),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  });
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const address = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address()));
  });
  const url = `http://${host}:${address.port}/graphql`;

  const open = () => {
    if (closed) throw new LocalNetworkError('closed', 'the local network is closed');
  };

  // The core's signature checks, when this build has them (bindings/signed_command_bindings.cpp).
  const checkSignature = (fn, text, what) => {
    if (typeof core[fn] !== 'function') return false; // TODO(local): require once every build has it
    const r = core[fn](text, SIGNATURE_NETWORK);
    if (r?.error) throw new LocalNetworkError(r.error.code === 'malformed_json' ? 'malformed_transaction' : r.error.code, `${what}: ${r.error.message}`);
    if (!r.valid) throw new LocalNetworkError('invalid_signature', `${what}: ${r.reason ?? 'the signature does not verify'}`);
    return true;
  };

  return {
    url,
    networkId,
    network: 'local',
    genesisStateHash: genesis.stateHash,
    // Whether signatures are checked by the core in this build (false: the binding is missing).
    get signaturesChecked() {
      return typeof core.verifySignedCommand === 'function';
    },
    get zkappSignaturesChecked() {
      return typeof core.verifyZkappCommandSignatures === 'function';
    },
    get tip() {
      const t = tip();
      return { stateHash: t.stateHash, height: t.height, ledgerHash: t.ledgerHash };
    },
    chain: () => view.chain(),
    block: (stateHash) => blocks.find((b) => b.stateHash === stateHash)?.precomputed ?? null,

    async sendPayment(signed) {
      open();
      const text = typeof signed === 'string' ? signed : JSON.stringify(signed);
      let payment;
      try {
        payment = readPayment(JSON.parse(text));
      } catch (err) {
        if (err instanceof LocalNetworkError) throw err;
        throw new LocalNetworkError('malformed_transaction', `payment is not JSON: ${err.message}`);
      }
      const signatureChecked = checkSignature('verifySignedCommand', text, 'payment');
      const r = applyPayment(pending, payment, rules);
      totalCurrency -= r.burnt;
      queued.push({ kind: 'payment', from: payment.from, to: payment.to, amount: payment.amount.toString(), nonce: payment.nonce.toString() });
      return { accepted: true, kind: 'payment', signatureChecked };
    },

    async sendZkappCommand(tx) {
      open();
      const command = readZkappCommand(tx);
      const signatureChecked = checkSignature('verifyZkappCommandSignatures', JSON.stringify(command), 'zkApp command');
      const r = applyZkappCommand(pending, command, rules);
      totalCurrency -= r.burnt;
      queued.push({ kind: 'zkappCommand', feePayer: command.feePayer.body.publicKey, accountUpdates: command.accountUpdates.length });
      return { accepted: true, kind: 'zkappCommand', signatureChecked };
    },

    // Applies the pending transactions to the ledger and appends a block over it.
    async produceBlock() {
      open();
      for (const account of pending.take()) store(account);
      const transactions = queued;
      queued = [];
      const parent = tip();
      const produced = unwrap(core.localNextBlock(JSON.stringify(parent.precomputed), ledger.root(), totalCurrency.toString()));
      const b = addBlock(produced, transactions);
      return { stateHash: b.stateHash, height: b.height, ledgerHash: b.ledgerHash, transactions };
    },

    // The tip ledger's account (unverified; a node's getAccount is the verified read).
    async getAccount(publicKey, tokenId = MINA_TOKEN_ID) {
      open();
      const text = unwrap(ledger.account(publicKey, tokenId === MINA_TOKEN_ID ? '' : tokenId));
      return text === null ? null : JSON.parse(text);
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
      ledger.delete();
    },
  };
}
