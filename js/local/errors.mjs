// Typed errors of the local test network and of dummy-proof mode. `code` is stable:
//   dummy_on_real_network   proofs: 'dummy' asked for on mainnet or devnet (or their network ids)
//   invalid_argument        a bad option (accounts, networkId, …)
//   malformed_transaction   the transaction's JSON is not a payment / zkApp command
//   invalid_signature       the core says the signature does not verify
//   bad_nonce               the nonce is not the account's next nonce
//   insufficient_balance    the fee and amount exceed the balance (or an update would go negative)
//   unknown_account         the sender / fee payer has no account
//   unbalanced              a zkApp command's balance changes do not sum to zero
//   fee_too_low             below the network's minimum fee (Mina's 0.001 MINA unless minimumFee)
//   precondition_failed     a zkApp update's account precondition does not hold
//   permission_denied       an update its authorization cannot grant (e.g. a proof-only field)
//   unsupported             well-formed, but the local network does not implement it
//   closed                  the network was closed
export class LocalNetworkError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'LocalNetworkError';
    this.code = code;
  }
}

// The networks whose blocks carry real proofs: dummy mode must never be used on them.
const REAL_NETWORKS = new Set(['mainnet', 'devnet', 'mina:mainnet', 'mina:devnet']);

// Throws dummy_on_real_network when either the network name or its id is a real network's.
export function assertDummyAllowed({ network, networkId } = {}) {
  for (const name of [network, networkId])
    if (typeof name === 'string' && REAL_NETWORKS.has(name.toLowerCase()))
      throw new LocalNetworkError(
        'dummy_on_real_network',
        `proofs: 'dummy' is refused on ${name}: dummy proofs are for local test networks only (use network 'local' and a networkId such as 'mina:local')`,
      );
}
