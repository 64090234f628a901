// `npm pack` gives a package that, installed into an empty folder, verifies an o1js fixture from
// Node through both its ESM and its CommonJS entry (resolved by name through `exports`).
// Needs the WASM build in dist/ (scripts/build.sh, or make mina_verifier_node mina_verifier_web).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'mina-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

const slow = { timeout: 10 * 60 * 1000 };
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 5 * 60 * 1000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}\n${r.stdout}`);
  return r.stdout;
};

// One script, two module systems: the import line differs, the rest is the same. The CommonJS
// one never calls close(): idle workers must not keep Node running (spawnSync would hang).
const body = (fixturesDir, close) => `
const { readFileSync } = require_fs();
const f = (p) => readFileSync(${JSON.stringify(fixturesDir)} + '/' + p);
const v = createVerifier({ srs: { pallas: f('srs/pallas.srs'), vesta: f('srs/vesta.srs') } });
const main = async () => {
  const good = await v.verifyZkappProof(JSON.parse(f('o1js/square0_base_proof.json')), JSON.parse(f('o1js/square0_vk.json')));
  const dummy = await v.verifyZkappProof(f('o1js/square0_dummy_proof.json').toString(), f('o1js/square0_vk.json').toString());
  const err = await v.verifyZkappProof('[]', f('o1js/square0_vk.json').toString()).catch((e) => e);
  console.log(JSON.stringify({ good: good.valid, dummy: dummy.valid, code: err.code, isError: err instanceof VerifierError }));
  ${close ? 'await v.close();' : ''}
};
main();
`;

let unpacked = null;
test('npm pack: the tarball holds the entries, the types and both WASM builds', slow, () => {
  const out = run('npm', ['pack', '--json', '--pack-destination', work], root);
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path);
  for (const f of ['package.json', 'js/index.mjs', 'js/index.cjs', 'js/index.d.ts', 'js/browser.mjs', 'js/cli.mjs',
    'js/node/worker.mjs', 'js/browser/worker.mjs', 'dist/node/mina-verifier.cjs', 'dist/node/mina-verifier.wasm',
    'dist/web/mina-verifier.mjs', 'dist/web/mina-verifier.wasm',
    'dist/node/mina-node-core.cjs', 'dist/node/mina-node-core.wasm', 'dist/web/mina-node-core.mjs', 'dist/web/mina-node-core.wasm']) {
    assert.ok(files.includes(f), `${f} missing from the tarball`);
  }
  assert.ok(!files.some((f) => f.startsWith('build/') || f.startsWith('tests/') || f.startsWith('core/')), 'only the package ships');
  // An empty project with the package unpacked where `npm install ./tarball` would put it.
  const app = join(work, 'app');
  unpacked = join(app, 'node_modules', 'mina-webnode');
  mkdirSync(unpacked, { recursive: true });
  run('tar', ['-xzf', join(work, info.filename), '-C', unpacked, '--strip-components=1'], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  assert.ok(readdirSync(join(unpacked, 'dist', 'node')).includes('mina-verifier.wasm'));
});

for (const [kind, file, close, head] of [
  ['ESM', 'check.mjs', true, "import { createVerifier, VerifierError } from 'mina-webnode';\nimport * as fs from 'node:fs';\nconst require_fs = () => fs;\n"],
  ['CommonJS', 'check.cjs', false, "const { createVerifier, VerifierError } = require('mina-webnode');\nconst require_fs = () => require('node:fs');\n"],
]) {
  test(`npm pack: installed into an empty folder, the ${kind} entry verifies an o1js proof`, slow, () => {
    assert.ok(unpacked, 'the pack test ran first');
    const app = dirname(dirname(unpacked));
    writeFileSync(join(app, file), head + body(fixtures, close));
    const lines = run(process.execPath, [file], app).trim().split('\n');
    const r = JSON.parse(lines[lines.length - 1]);
    assert.deepEqual(r, { good: true, dummy: false, code: 'malformed_json', isError: true });
  });
}

// A zkApp developer's test against the installed package: a local dummy-proof network, a block,
// and a dummy-mode light node (the C++ machine from dist/*/mina-node-core) reading an account
// verified. No o1js: the account is the network's own genesis account.
test('npm pack: installed, a local network in dummy mode and a node reading its account verified', slow, () => {
  assert.ok(unpacked, 'the pack test ran first');
  const app = dirname(dirname(unpacked));
  const key = 'B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg';
  writeFileSync(
    join(app, 'local.mjs'),
    `import { createLocalNetwork, createNode } from 'mina-webnode';
const net = await createLocalNetwork({ accounts: [{ publicKey: '${key}', balance: 5000000000n }] });
await net.produceBlock();
const node = createNode({ network: 'local', networkId: net.networkId, proofs: 'dummy', genesisStateHash: net.genesisStateHash, peers: [net.url], tickMs: 20 });
await node.start();
const tip = await node.waitForTip({ height: 2, timeoutMs: 20000 });
const { account, ledgerHash } = await node.getAccount('${key}');
console.log(JSON.stringify({ same: tip.stateHash === net.tip.stateHash, balance: account.balance.total, ledger: ledgerHash === net.tip.ledgerHash }));
await node.close();
await net.close();
`,
  );
  const lines = run(process.execPath, ['local.mjs'], app).trim().split('\n');
  assert.deepEqual(JSON.parse(lines[lines.length - 1]), { same: true, balance: '5000000000', ledger: true });
});
