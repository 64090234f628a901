// The GraphQL subset a light node asks of server peers (Mina daemons and our own server peer).
// Field names are Mina's schema; the protocol state selection is every field the state hash
// covers (core/mina/graphql.hpp), plus the proof as base64 of its bin_prot.

const PROTOCOL_STATE =
  '{ previousStateHash genesisStateHash blockchainState { stagedLedgerHash { nonSnark { ledgerHash auxHash ' +
  'pendingCoinbaseAux } pendingCoinbaseHash } genesisLedgerHash ledgerProofStatement { source { ' +
  'firstPassLedger secondPassLedger pendingCoinbaseStack { data state { init curr } } localState { stackFrame ' +
  'callStack transactionCommitment fullTransactionCommitment excess { magnitude sgn } supplyIncrease { ' +
  'magnitude sgn } ledger success accountUpdateIndex failureStatusTbl willSucceed } } target { ' +
  'firstPassLedger secondPassLedger pendingCoinbaseStack { data state { init curr } } localState { stackFrame ' +
  'callStack transactionCommitment fullTransactionCommitment excess { magnitude sgn } supplyIncrease { ' +
  'magnitude sgn } ledger success accountUpdateIndex failureStatusTbl willSucceed } } connectingLedgerLeft ' +
  'connectingLedgerRight supplyIncrease { magnitude sgn } feeExcess { token amount { magnitude sgn } } ' +
  'sokDigest } timestamp bodyReference } consensusState { blockchainLength epochCount minWindowDensity ' +
  'subWindowDensities lastVrfOutput totalCurrency currGlobalSlotSinceHardFork { slotNumber slotsPerEpoch } ' +
  'globalSlotSinceGenesis stakingEpochData { ledger { hash totalCurrency } seed startCheckpoint ' +
  'lockCheckpoint epochLength } nextEpochData { ledger { hash totalCurrency } seed startCheckpoint ' +
  'lockCheckpoint epochLength } hasAncestorInSameCheckpointWindow blockStakeWinner blockCreator ' +
  'coinbaseReceiever superchargedCoinbase } constants { k slotsPerEpoch slotsPerSubWindow gracePeriodSlots ' +
  'delta genesisStateTimestamp } }';

const BLOCK = `{ stateHash protocolState ${PROTOCOL_STATE} protocolStateProof { base64 } }`;

const ACCOUNT =
  '{ publicKey tokenId tokenSymbol balance { total } nonce receiptChainHash delegate votingFor ' +
  'timing { initialMinimumBalance cliffTime cliffAmount vestingPeriod vestingIncrement } ' +
  'permissions { editState access send receive setDelegate setPermissions setVerificationKey { auth txnVersion } ' +
  'setZkappUri editActionState setTokenSymbol incrementNonce setVotingFor setTiming } ' +
  'zkappState actionState provedState zkappUri verificationKey { verificationKey hash } ' +
  'leafHash merklePath { left right } index }';

export const queries = {
  networkID: () => ({ query: '{ networkID }' }),
  // Oldest first: the last block is the peer's best tip.
  bestChain: (maxLength) => ({
    query: `query($maxLength: Int) { networkID bestChain(maxLength: $maxLength) ${BLOCK} }`,
    variables: { maxLength },
  }),
  blockByHash: (stateHash) => ({ query: `query($h: String) { block(stateHash: $h) ${BLOCK} }`, variables: { h: stateHash } }),
  blockByHeight: (height) => ({ query: `query($n: Int) { block(height: $n) ${BLOCK} }`, variables: { n: height } }),
  // Our server peers' wide query: 2^height accounts from firstIndex and their subtree's path.
  accountSubtree: (firstIndex, height) => ({
    query: `query($first: Int!, $height: Int!) { accountSubtree(firstIndex: $first, height: $height) { firstIndex height ledgerHash accounts ${ACCOUNT} merklePath { left right } } }`,
    variables: { first: firstIndex, height },
  }),
  account: (publicKey, token) => ({
    query: `query($pk: PublicKey!, $token: TokenId) { account(publicKey: $pk, token: $token) ${ACCOUNT} }`,
    variables: { pk: publicKey, token },
  }),
};

// Mina's networkID answer for each network profile name.
export const NETWORK_IDS = Object.freeze({ mainnet: 'mina:mainnet', devnet: 'mina:devnet' });
