// The mainnet genesis ledger's winner account (openmina's test_hash_genesis_winner_account
// vector) in Mina's GraphQL account shape, as a one-account ledger of depth 0: its leaf hash is
// the ledger hash and its Merkle path is empty. Shared by the package and light-node tests.
export const WINNER = {
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
  // Its account hash (core/ledger tests pin it independently).
  leafHash: 'jwnEz6CjzSYowUsvw5gKpuTkRjBY5dEtc6YmQj1U5d2k5KZzTmc',
  merklePath: [],
};
