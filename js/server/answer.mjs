// Answers the GraphQL subset light nodes ask (js/peers/queries.mjs) from a view of a chain:
//   networkID                        the network's id ("mina:mainnet")
//   bestChain(maxLength)             blocks oldest first, the last one the best tip
//   block(stateHash | height)        one block of that chain, or null
//   account(publicKey, token)        an account with leafHash and merklePath, or null
//   blockchainVerificationKey        the verifier index the chain was checked with (when given)
//   accountSubtree(firstIndex, height)   a wide query (our extension; Mina's GraphQL has none):
//                                    {firstIndex, height, ledgerHash, accounts, merklePath}, the
//                                    2^height ledger slots from firstIndex (accounts after the last
//                                    given are empty) and the path of their subtree's root, or null
// Root fields get whole objects (a superset of any selection): light nodes read the fields they
// asked for and the block's deltaTransitionChainProof extension (block_form.mjs).
//
// view: {networkID, chain() → GraphQL blocks, account?(pk, token) → Promise<object|null>,
//        accountSubtree?(firstIndex, height) → Promise<object|null>, verificationKey?}
import { GraphqlError, parseQuery } from './graphql_parse.mjs';

export const ROOT_FIELDS = ['networkID', 'bestChain', 'block', 'account', 'accountSubtree', 'blockchainVerificationKey'];
// 2^12 accounts per wide answer (core/ledger kMaxSubtreeAccounts); ledger indices below 2^35.
export const MAX_SUBTREE_HEIGHT = 12;
const LEDGER_DEPTH = 35;
const MAX_CHAIN = 290; // Mina's k: no honest peer keeps a longer best chain to serve

const height = (b) => Number(b?.protocolState?.consensusState?.blockchainLength);

const FIELDS = {
  networkID: (view) => view.networkID,
  bestChain: (view, args) => {
    const chain = view.chain();
    if (chain.length === 0) throw new GraphqlError('not_synced', 'no verified best tip yet');
    if (args.maxLength === undefined || args.maxLength === null) return chain;
    if (!Number.isInteger(args.maxLength) || args.maxLength < 1 || args.maxLength > MAX_CHAIN)
      throw new GraphqlError('bad_argument', `maxLength must be an integer in 1..${MAX_CHAIN}`);
    return chain.slice(-args.maxLength);
  },
  block: (view, args) => {
    const { stateHash, height: h } = args;
    if ((stateHash === undefined || stateHash === null) === (h === undefined || h === null))
      throw new GraphqlError('bad_argument', 'block takes one of stateHash or height');
    if (stateHash !== undefined && stateHash !== null && typeof stateHash !== 'string')
      throw new GraphqlError('bad_argument', 'stateHash must be a string');
    if (h !== undefined && h !== null && !Number.isInteger(h)) throw new GraphqlError('bad_argument', 'height must be an integer');
    const chain = view.chain();
    return chain.find((b) => (typeof stateHash === 'string' ? b.stateHash === stateHash : height(b) === h)) ?? null;
  },
  account: async (view, args) => {
    if (typeof args.publicKey !== 'string') throw new GraphqlError('bad_argument', 'account needs publicKey');
    if (args.token !== undefined && args.token !== null && typeof args.token !== 'string')
      throw new GraphqlError('bad_argument', 'token must be a string');
    return view.account ? view.account(args.publicKey, args.token ?? undefined) : null;
  },
  accountSubtree: async (view, args) => {
    const { firstIndex, height: h } = args;
    if (!Number.isInteger(h) || h < 0 || h > MAX_SUBTREE_HEIGHT)
      throw new GraphqlError('bad_argument', `height must be an integer in 0..${MAX_SUBTREE_HEIGHT}`);
    if (!Number.isSafeInteger(firstIndex) || firstIndex < 0 || firstIndex >= 2 ** LEDGER_DEPTH || firstIndex % 2 ** h !== 0)
      throw new GraphqlError('bad_argument', `firstIndex must be a ledger index and a multiple of 2^height`);
    return view.accountSubtree ? view.accountSubtree(firstIndex, h) : null;
  },
  blockchainVerificationKey: (view) => view.verificationKey ?? null,
};

// The answer to one request body {query, variables}: {status, body, fields?}. A body that cannot be read
// is a 400 (the request was wrong); a field that cannot be answered now (not synced) is a 200
// with `errors` and that field null, as GraphQL servers do.
export async function answerRequest(request, view) {
  let fields;
  try {
    if (!request || typeof request !== 'object' || Array.isArray(request))
      throw new GraphqlError('bad_request', 'the body must be a JSON object {query, variables}');
    fields = parseQuery(request.query, request.variables ?? {});
    for (const f of fields)
      if (!FIELDS[f.name]) throw new GraphqlError('unknown_field', `field ${f.name} is not served (served: ${ROOT_FIELDS.join(', ')})`);
  } catch (err) {
    if (!(err instanceof GraphqlError)) throw err;
    return { status: 400, body: errorBody(err.code, err.message) };
  }
  const data = {};
  const errors = [];
  for (const f of fields) {
    try {
      data[f.alias] = await FIELDS[f.name](view, f.args);
    } catch (err) {
      if (!(err instanceof GraphqlError)) throw err;
      data[f.alias] = null;
      errors.push({ message: err.message, path: [f.alias], extensions: { code: err.code } });
    }
  }
  return { status: 200, body: errors.length ? { data, errors } : { data }, fields: fields.map((f) => f.name) };
}

export function errorBody(code, message) {
  return { errors: [{ message, extensions: { code } }] };
}
