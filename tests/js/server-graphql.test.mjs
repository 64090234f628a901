// The server peer's GraphQL reader and answerer without a verifier or sockets: every query the
// light node sends (js/peers/queries.mjs) reads back with its arguments; malformed, oversized and
// unsupported queries are typed errors; answers come from the view given, and a view with no
// verified chain answers bestChain with null and a not_synced error.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { queries } from '../../js/peers/queries.mjs';
import { GraphqlError, parseQuery } from '../../js/server/graphql_parse.mjs';
import { answerRequest } from '../../js/server/answer.mjs';
import { Metrics } from '../../js/server/metrics.mjs';

const codeOf = (fn) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof GraphqlError, String(e));
    return e.code;
  }
};

test('graphql reader: the light node\'s own queries read back with their arguments', () => {
  const cases = [
    [queries.networkID(), [{ name: 'networkID', alias: 'networkID', args: {} }]],
    [queries.bestChain(8), [{ name: 'networkID', alias: 'networkID', args: {} }, { name: 'bestChain', alias: 'bestChain', args: { maxLength: 8 } }]],
    [queries.blockByHash('3NKx'), [{ name: 'block', alias: 'block', args: { stateHash: '3NKx' } }]],
    [queries.blockByHeight(7), [{ name: 'block', alias: 'block', args: { height: 7 } }]],
    [queries.account('B62q', 'wSHV'), [{ name: 'account', alias: 'account', args: { publicKey: 'B62q', token: 'wSHV' } }]],
  ];
  for (const [body, expected] of cases) assert.deepEqual(parseQuery(body.query, body.variables), expected);
  // Literals, aliases, comments, escapes, list values, default values, unset variables.
  assert.deepEqual(parseQuery('# c\nquery Q($n: Int = 3, $x: [String!]) { tip: block(stateHash: "a\\"b\\u0041") { stateHash } bestChain(maxLength: $n) { x } }', {}), [
    { name: 'block', alias: 'tip', args: { stateHash: 'a"bA' } },
    { name: 'bestChain', alias: 'bestChain', args: { maxLength: null } },
  ]);
});

test('graphql reader: malformed and unsupported queries are typed errors', () => {
  const cases = [
    ['', 'bad_request'],
    ['   ', 'bad_request'],
    ['{', 'graphql_parse'],
    ['{ }', 'graphql_parse'],
    ['{ a(b: ) }', 'graphql_parse'],
    ['{ a(b: "x\n") }', 'graphql_parse'],
    ['{ a(b: "x) }', 'graphql_parse'],
    ['{ a(b: "\\q") }', 'graphql_parse'],
    ['{ a } extra', 'graphql_parse'],
    ['{ a } { b }', 'graphql_parse'],
    ['{ a % }', 'graphql_parse'],
    ['{ a @include(if: true) }', 'unsupported'],
    ['mutation { a }', 'unsupported'],
    ['subscription { a }', 'unsupported'],
    [`{ a ${'{ a '.repeat(40)}${'} '.repeat(41)}}`, 'limit_exceeded'],
    [`{ ${'a '.repeat(25_000)}}`, 'limit_exceeded'],
  ];
  for (const [q, code] of cases) assert.equal(codeOf(() => parseQuery(q, {})), code, JSON.stringify(q.slice(0, 40)));
  assert.equal(codeOf(() => parseQuery('{ a }', null)), 'bad_request');
  assert.equal(codeOf(() => parseQuery('{ a }', [1])), 'bad_request');
  assert.equal(codeOf(() => parseQuery(42, {})), 'bad_request');
});

const chain = [
  { stateHash: '3NA', protocolState: { previousStateHash: '3N0', consensusState: { blockchainLength: '10' } } },
  { stateHash: '3NB', protocolState: { previousStateHash: '3NA', consensusState: { blockchainLength: '11' } } },
];
const view = { networkID: 'mina:mainnet', chain: () => chain };

test('graphql answers: fields from the view, null for what it does not hold, 400 for bad requests', async () => {
  let r = await answerRequest(queries.bestChain(1), view);
  assert.deepEqual(r, { status: 200, body: { data: { networkID: 'mina:mainnet', bestChain: [chain[1]] } }, fields: ['networkID', 'bestChain'] });
  r = await answerRequest({ query: '{ bestChain { stateHash } }' }, view);
  assert.deepEqual(r.body.data.bestChain.map((b) => b.stateHash), ['3NA', '3NB']);
  assert.equal((await answerRequest(queries.blockByHeight(10), view)).body.data.block.stateHash, '3NA');
  assert.equal((await answerRequest(queries.blockByHash('3NB'), view)).body.data.block.stateHash, '3NB');
  assert.equal((await answerRequest(queries.blockByHeight(12), view)).body.data.block, null);
  assert.equal((await answerRequest(queries.account('B62q'), view)).body.data.account, null);
  for (const [body, code] of [
    [{ query: '{ block { stateHash } }' }, 'bad_argument'],
    [{ query: '{ block(stateHash: "3NA", height: 10) { stateHash } }' }, 'bad_argument'],
    [{ query: '{ block(height: "10") { stateHash } }' }, 'bad_argument'],
    [{ query: '{ bestChain(maxLength: 1000) { stateHash } }' }, 'bad_argument'],
    [{ query: '{ account { balance } }' }, 'bad_argument'],
  ]) {
    r = await answerRequest(body, view);
    assert.equal(r.status, 200);
    assert.equal(r.body.errors[0].extensions.code, code, body.query);
  }
  for (const [body, code] of [[null, 'bad_request'], [[], 'bad_request'], [{ query: '{ pooledUserCommands { id } }' }, 'unknown_field']]) {
    r = await answerRequest(body, view);
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].extensions.code, code);
  }
  r = await answerRequest(queries.bestChain(8), { networkID: 'mina:mainnet', chain: () => [] });
  assert.deepEqual(r.body.data, { networkID: 'mina:mainnet', bestChain: null });
  assert.equal(r.body.errors[0].extensions.code, 'not_synced');
});

test('graphql answers: the wide query accountSubtree reads its arguments, bounds them, asks the view', async () => {
  const asked = [];
  const wide = { ...view, accountSubtree: async (first, height) => (asked.push([first, height]), { firstIndex: first, height, accounts: [], merklePath: [] }) };
  let r = await answerRequest(queries.accountSubtree(8, 3), wide);
  assert.deepEqual(r.body.data.accountSubtree, { firstIndex: 8, height: 3, accounts: [], merklePath: [] });
  assert.deepEqual(asked, [[8, 3]]);
  assert.equal((await answerRequest(queries.accountSubtree(0, 0), view)).body.data.accountSubtree, null, 'no wide view: null');
  for (const [first, height] of [[4, 3], [0, 13], [-8, 3], [2 ** 35, 0], [0, 1.5], ['0', 1]]) {
    r = await answerRequest(queries.accountSubtree(first, height), wide);
    assert.equal(r.body.errors?.[0].extensions.code, 'bad_argument', `${first}, ${height}`);
  }
  assert.equal(asked.length, 1, 'bad arguments never reach the view');
});

test('metrics: Prometheus text with HELP/TYPE, escaped labels, gauges read at scrape time', () => {
  let height = NaN;
  const m = new Metrics().counter('x_total', 'things').gauge('h', 'height', () => height).gauge('p', 'peers', () => [[{ s: 'a"b' }, 2]]);
  m.inc('x_total', { route: 'graphql', status: '200' });
  m.inc('x_total', { status: '200', route: 'graphql' }, 2);
  assert.equal(m.text(), '# HELP x_total things\n# TYPE x_total counter\nx_total{route="graphql",status="200"} 3\n# HELP h height\n# TYPE h gauge\n# HELP p peers\n# TYPE p gauge\np{s="a\\"b"} 2\n');
  height = 5;
  assert.match(m.text(), /^h 5$/m);
});
