// Applying transactions to the local network's pending ledger view. Accounts are GraphQL-shaped
// objects (what LocalLedger prints and reads); amounts are BigInt internally, decimal strings in
// the accounts. Signatures are the core's business (the caller checks them first); this file
// checks what the ledger decides: nonces, balances, fees, zkApp balance sums and permissions.
//
// Simplifications against Mina's transaction logic (a test network's, written down so nobody
// relies on them): receipt chain hashes are not advanced; a failing transaction is rejected
// whole instead of being included with a failure status and its fee charged; fees go to the
// block producer at once; zkApp proofs are not verified (dummy mode: an update claiming a proof
// and carrying one is proof-authorized); zkApp preconditions are checked for the account's
// balance, nonce and app state only; actions and events are accepted and not recorded.
import { LocalNetworkError } from './errors.mjs';

export const MINA_TOKEN_ID = 'wSHV2S4qX9jFsLjQo8r1BsMLH2ZRKsZx6EJd1sbozGPieEC4Jf';
export const ACCOUNT_CREATION_FEE = 1_000_000_000n; // 1 MINA, as on mainnet and devnet
export const MINIMUM_FEE = 1_000_000n; // 0.001 MINA, Mina's minimum user-command fee
const U64_MAX = (1n << 64n) - 1n;
const U32_MAX = (1n << 32n) - 1n;

const malformed = (message) => new LocalNetworkError('malformed_transaction', message);

export function amount(value, what, max = U64_MAX) {
  let v;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) v = BigInt(value);
  else if (typeof value === 'string' && /^[0-9]{1,20}$/.test(value)) v = BigInt(value);
  else throw malformed(`${what} must be a non-negative integer (decimal string), got ${JSON.stringify(value)}`);
  if (v < 0n || v > max) throw malformed(`${what} out of range`);
  return v;
}

const key = (publicKey, tokenId = MINA_TOKEN_ID) => `${publicKey}|${tokenId ?? MINA_TOKEN_ID}`;

// A view of the ledger after the transactions accepted so far: reads fall through to the tip's
// ledger, writes stay here until a block is produced. `base(pk, token)` → account or null;
// `create(pk, token, withZkapp)` → a new account object (Account.create).
export class PendingLedger {
  constructor({ base, create }) {
    this.base = base;
    this.create = create;
    this.changed = new Map();
  }
  get(publicKey, tokenId) {
    const k = key(publicKey, tokenId);
    if (this.changed.has(k)) return structuredClone(this.changed.get(k));
    return this.base(publicKey, tokenId ?? MINA_TOKEN_ID);
  }
  put(account) {
    this.changed.set(key(account.publicKey, account.tokenId), account);
  }
  // Runs `body(tx)` on a scratch copy: its writes land only if it returns without throwing, so a
  // rejected transaction leaves no trace.
  transaction(body) {
    const scratch = new PendingLedger({ base: (pk, t) => this.get(pk, t), create: this.create });
    const result = body(scratch);
    for (const [k, v] of scratch.changed) this.changed.set(k, v);
    return result;
  }
  take() {
    const out = [...this.changed.values()];
    this.changed.clear();
    return out;
  }
}

function balanceOf(account) {
  return BigInt(account.balance.total);
}
function setBalance(account, v) {
  if (v < 0n) throw new LocalNetworkError('insufficient_balance', `${account.publicKey} would have a negative balance`);
  if (v > U64_MAX) throw malformed('balance overflow');
  account.balance = { ...account.balance, total: v.toString() };
}
function bumpNonce(account) {
  const n = BigInt(account.nonce) + 1n;
  if (n > U32_MAX) throw malformed('nonce overflow');
  account.nonce = n.toString();
}

function payFee(ledger, publicKey, fee, nonce, what, minimumFee) {
  const account = ledger.get(publicKey, MINA_TOKEN_ID);
  if (!account) throw new LocalNetworkError('unknown_account', `${what} ${publicKey} has no account`);
  if (fee < minimumFee)
    throw new LocalNetworkError('fee_too_low', `fee ${fee} is below the minimum ${minimumFee} (o1js: Mina.transaction({sender, fee}, …))`);
  if (nonce !== BigInt(account.nonce))
    throw new LocalNetworkError('bad_nonce', `${what} ${publicKey}: nonce ${nonce}, the account's next nonce is ${account.nonce}`);
  if (balanceOf(account) < fee) throw new LocalNetworkError('insufficient_balance', `${what} ${publicKey} cannot pay the fee ${fee}`);
  setBalance(account, balanceOf(account) - fee);
  bumpNonce(account);
  ledger.put(account);
  return account;
}

function credit(ledger, publicKey, value) {
  if (value === 0n) return;
  const account = ledger.get(publicKey, MINA_TOKEN_ID);
  if (!account) return; // no producer account: the fee is burnt
  setBalance(account, balanceOf(account) + value);
  ledger.put(account);
}

// ---- payments (mina-signer's signPayment output) ----

// {publicKey, signature: {field, scalar}, data: {from, to, amount, fee, nonce, memo?, validUntil?}}
export function readPayment(signed) {
  const p = typeof signed === 'string' ? JSON.parse(signed) : signed;
  const d = p?.data;
  if (!d || typeof d !== 'object' || !p.signature) throw malformed('a payment is mina-signer\'s {data, signature, publicKey}');
  for (const k of ['from', 'to']) if (typeof d[k] !== 'string') throw malformed(`payment ${k} must be a B62 public key`);
  if (p.publicKey !== undefined && p.publicKey !== d.from) throw malformed('the signer is not the payment\'s sender');
  return { from: d.from, to: d.to, amount: amount(d.amount, 'amount'), fee: amount(d.fee, 'fee'), nonce: amount(d.nonce, 'nonce', U32_MAX) };
}

// Returns {created: bool}. Creates the receiver (paying the account creation fee out of the
// amount) when it has no account.
export function applyPayment(ledger, payment, { producer, creationFee = ACCOUNT_CREATION_FEE, minimumFee = MINIMUM_FEE }) {
  return ledger.transaction((tx) => {
    const sender = payFee(tx, payment.from, payment.fee, payment.nonce, 'sender', minimumFee);
    if (balanceOf(sender) < payment.amount)
      throw new LocalNetworkError('insufficient_balance', `sender ${payment.from} cannot pay ${payment.amount} after the fee`);
    setBalance(sender, balanceOf(sender) - payment.amount);
    tx.put(sender);
    let receiver = tx.get(payment.to, MINA_TOKEN_ID);
    let created = false;
    if (!receiver) {
      if (payment.amount < creationFee)
        throw new LocalNetworkError('insufficient_balance', `the amount does not cover the account creation fee ${creationFee}`);
      receiver = tx.create(payment.to, MINA_TOKEN_ID, false);
      setBalance(receiver, payment.amount - creationFee);
      created = true;
    } else setBalance(receiver, balanceOf(receiver) + payment.amount);
    tx.put(receiver);
    credit(tx, producer, payment.fee);
    return { created, burnt: created ? creationFee : 0n };
  });
}

// ---- zkApp commands (o1js tx.toJSON()) ----

const AUTH_OK = {
  None: () => true,
  Either: (a) => a.signed || a.proved,
  Proof: (a) => a.proved,
  Signature: (a) => a.signed,
  Impossible: () => false,
};

function allowed(permission, auth) {
  const name = typeof permission === 'object' && permission ? permission.auth : permission;
  const ok = AUTH_OK[name];
  if (!ok) throw malformed(`unknown permission ${JSON.stringify(name)}`);
  return ok(auth);
}

function requirePermission(account, name, auth, what) {
  if (!allowed(account.permissions[name], auth))
    throw new LocalNetworkError('permission_denied', `${what} of ${account.publicKey} needs ${JSON.stringify(account.permissions[name])}`);
}

export function readZkappCommand(input) {
  let c;
  try {
    c = typeof input === 'string' ? JSON.parse(input) : input;
  } catch (err) {
    throw malformed(`zkApp command is not JSON: ${err.message}`);
  }
  if (c?.zkappCommand) c = c.zkappCommand; // {zkappCommand} as GraphQL's sendZkapp input carries it
  const fp = c?.feePayer?.body;
  if (!fp || typeof fp.publicKey !== 'string' || !Array.isArray(c.accountUpdates))
    throw malformed('a zkApp command is {feePayer: {body: {publicKey, fee, nonce}}, accountUpdates: […], memo}');
  if (typeof c.feePayer.authorization !== 'string' || c.feePayer.authorization.length === 0)
    throw malformed('the fee payer is not signed');
  for (const [i, u] of c.accountUpdates.entries())
    if (!u?.body || typeof u.body.publicKey !== 'string' || !u.body.balanceChange)
      throw malformed(`accountUpdates[${i}] has no body {publicKey, balanceChange, …}`);
  return c;
}

function signedChange(bc, what) {
  const m = amount(bc.magnitude, `${what}.magnitude`);
  if (bc.sgn === 'Positive') return m;
  if (bc.sgn === 'Negative') return -m;
  throw malformed(`${what}.sgn must be Positive or Negative`);
}

function checkPreconditions(account, pre, i) {
  const acc = pre?.account;
  if (!acc) return;
  const within = (range, value, what) => {
    if (!range) return;
    if (value < amount(range.lower, `${what}.lower`) || value > amount(range.upper, `${what}.upper`))
      throw new LocalNetworkError('precondition_failed', `accountUpdates[${i}]: ${what} ${value} outside [${range.lower}, ${range.upper}]`);
  };
  within(acc.nonce, BigInt(account?.nonce ?? 0), 'nonce');
  within(acc.balance, BigInt(account?.balance?.total ?? 0), 'balance');
  if (Array.isArray(acc.state))
    acc.state.forEach((want, j) => {
      if (want === null || want === undefined) return;
      const have = account?.zkappState?.[j] ?? '0';
      if (String(want) !== have) throw new LocalNetworkError('precondition_failed', `accountUpdates[${i}]: state[${j}] is ${have}, the update requires ${want}`);
    });
}

// Returns {burnt} (account creation fees taken out of the supply).
export function applyZkappCommand(ledger, c, { producer, creationFee = ACCOUNT_CREATION_FEE, minimumFee = MINIMUM_FEE }) {
  return ledger.transaction((tx) => {
    const fee = amount(c.feePayer.body.fee, 'feePayer.fee');
    payFee(tx, c.feePayer.body.publicKey, fee, amount(c.feePayer.body.nonce, 'feePayer.nonce', U32_MAX), 'fee payer', minimumFee);
    let excess = 0n;
    let burnt = 0n;
    for (const [i, u] of c.accountUpdates.entries()) {
      const b = u.body;
      const tokenId = b.tokenId ?? MINA_TOKEN_ID;
      const kind = b.authorizationKind ?? {};
      const auth = { signed: kind.isSigned === true && !!u.authorization?.signature, proved: kind.isProved === true && !!u.authorization?.proof };
      if (kind.isSigned && !u.authorization?.signature) throw malformed(`accountUpdates[${i}] claims a signature but carries none`);
      let account = tx.get(b.publicKey, tokenId);
      checkPreconditions(account, b.preconditions, i);
      const isNew = !account;
      if (isNew) account = tx.create(b.publicKey, tokenId, false);
      const change = signedChange(b.balanceChange, `accountUpdates[${i}].balanceChange`);
      excess -= change;
      let applied = change;
      if (isNew) {
        burnt += creationFee;
        if (b.implicitAccountCreationFee) applied -= creationFee;
        else excess -= creationFee;
      }
      if (change < 0n && !isNew) requirePermission(account, 'send', auth, `sending from accountUpdates[${i}]`);
      if (change > 0n && !isNew) requirePermission(account, 'receive', auth, `receiving in accountUpdates[${i}]`);
      setBalance(account, balanceOf(account) + applied);
      applyUpdate(tx, account, b.update ?? {}, auth, i);
      if (b.incrementNonce) {
        requirePermission(account, 'incrementNonce', auth, `incrementing the nonce in accountUpdates[${i}]`);
        bumpNonce(account);
      }
      tx.put(account);
    }
    if (excess !== 0n) throw new LocalNetworkError('unbalanced', `the account updates' balance changes leave ${excess} unaccounted for`);
    credit(tx, producer, fee);
    return { burnt };
  });
}

// Update fields o1js sets (Account_update.Update): null means "keep".
function applyUpdate(tx, account, update, auth, i) {
  const where = `accountUpdates[${i}]`;
  const zkapp = () => {
    if (account.zkappState) return;
    Object.assign(account, zkappDefaults(tx, account));
  };
  if (update.verificationKey) {
    requirePermission(account, 'setVerificationKey', auth, `setting the verification key in ${where}`);
    zkapp();
    const { data, hash } = update.verificationKey;
    if (typeof data !== 'string' || typeof hash !== 'string') throw malformed(`${where}.update.verificationKey needs {data, hash}`);
    account.verificationKey = { verificationKey: data, hash };
  }
  if (Array.isArray(update.appState) && update.appState.some((x) => x !== null)) {
    if (update.appState.length !== 8) throw malformed(`${where}.update.appState must have 8 entries`);
    requirePermission(account, 'editState', auth, `editing the state in ${where}`);
    zkapp();
    account.zkappState = account.zkappState.map((old, j) => {
      const v = update.appState[j];
      if (v === null || v === undefined) return old;
      if (typeof v !== 'string' || !/^[0-9]+$/.test(v)) throw malformed(`${where}.update.appState[${j}] must be a decimal field element`);
      return v;
    });
    // Mina: a proof that sets all 8 fields proves the state; a signature un-proves it.
    const all = update.appState.every((x) => x !== null);
    account.provedState = auth.proved ? account.provedState || all : false;
  }
  if (update.permissions) {
    requirePermission(account, 'setPermissions', auth, `setting permissions in ${where}`);
    const p = update.permissions;
    account.permissions = {
      ...p,
      setVerificationKey: { auth: p.setVerificationKey?.auth ?? p.setVerificationKey, txnVersion: String(p.setVerificationKey?.txnVersion ?? 3) },
    };
  }
  if (typeof update.zkappUri === 'string') {
    requirePermission(account, 'setZkappUri', auth, `setting the zkApp URI in ${where}`);
    zkapp();
    account.zkappUri = update.zkappUri;
  }
  if (typeof update.tokenSymbol === 'string') {
    requirePermission(account, 'setTokenSymbol', auth, `setting the token symbol in ${where}`);
    account.tokenSymbol = update.tokenSymbol;
  }
  if (typeof update.delegate === 'string') {
    requirePermission(account, 'setDelegate', auth, `setting the delegate in ${where}`);
    account.delegate = update.delegate;
  }
  if (update.timing || typeof update.votingFor === 'string')
    throw new LocalNetworkError('unsupported', `${where}: timing and votingFor updates are not implemented by the local network`);
}

// Zkapp_account.default's fields, as the core prints them.
function zkappDefaults(tx, account) {
  const d = tx.create(account.publicKey, account.tokenId, true);
  const { zkappState, actionState, provedState, zkappUri, verificationKey, zkappVersion, lastActionSlot } = d;
  return { zkappState, actionState, provedState, zkappUri, verificationKey, zkappVersion, lastActionSlot };
}
