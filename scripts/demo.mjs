// The main job until the light node lands: run the command line, native and WASM, on real
// o1js / mina-signer vectors and show that both builds give the expected answers.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const vectors = JSON.parse(readFileSync(join(fixtures, 'o1js', 'vectors.json'), 'utf8'));

const builds = {
  native: (args) => spawnSync(join(root, 'build', 'native', 'mina-webnode'), args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync(process.execPath, [join(root, 'js', 'cli.mjs'), ...args], { encoding: 'utf8' }),
};

const p = vectors.poseidonWithPrefix.vectors[1];
const s = vectors.signFieldsNetwork.vectors.find((v) => v.network === 'mainnet');
const cases = [
  { what: `Poseidon.hashWithPrefix('${p.prefix}', …)`, args: ['poseidon', '--prefix', p.prefix, ...p.input], expect: { hash: p.output } },
  { what: 'mainnet signature, mainnet network', args: ['verify-signature', '--network', 'mainnet', '--pubkey', s.publicKey, '--signature', s.signatureBase58, ...s.fields], expect: { valid: true } },
  { what: 'mainnet signature, devnet network', args: ['verify-signature', '--network', 'devnet', '--pubkey', s.publicKey, '--signature', s.signatureBase58, ...s.fields], expect: { valid: false } },
];

let failures = 0;
for (const c of cases) {
  for (const [kind, run] of Object.entries(builds)) {
    const t0 = performance.now();
    const r = run(c.args);
    const ms = (performance.now() - t0).toFixed(0);
    const got = r.stdout.trim();
    const ok = got === JSON.stringify(c.expect);
    failures += ok ? 0 : 1;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${kind.padEnd(6)} ${ms.padStart(5)} ms  ${c.what}: ${got}`);
  }
}
console.log('\nusage: bash scripts/start.sh <command> …   (native)   |   node js/cli.mjs <command> …   (WASM)');
process.exit(failures ? 1 : 0);
