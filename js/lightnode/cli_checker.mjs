// The node's checker over the native command line (Node only): see checkers.mjs for the contract.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CheckError } from './checkers.mjs';

function runCli(cli, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new CheckError('internal', `cannot run ${cli}: ${e.message}`)));
    child.on('close', (code, signal) => {
      let json;
      try {
        json = JSON.parse(out.trim().split('\n').pop());
      } catch {
        return reject(new CheckError('internal', `${args[0]} exited ${code ?? signal} without JSON: ${err.slice(0, 300)}`));
      }
      if (json.error) return reject(new CheckError(json.error.code, json.error.message));
      resolve({ code, json });
    });
  });
}

// `cli`: the native mina-webnode binary; `cacheDir`: its SRS / Lagrange cache (setup in ~0.1 s
// instead of ~5 s per process once filled); `ledgerDepth`: Merkle depth of account paths (the
// core's default, 35, when omitted; tests use small ledgers).
export function cliChecker({ cli, network, cacheDir, ledgerDepth }) {
  const setup = cacheDir ? ['--cache-dir', cacheDir] : [];
  let dir;
  let n = 0;
  const file = async (value) => {
    dir ??= await mkdtemp(join(tmpdir(), 'mina-node-check-'));
    const path = join(dir, `${process.pid}-${n++}.json`);
    await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  const withFiles = async (values, fn) => {
    const paths = await Promise.all(values.map(file));
    try {
      return await fn(...paths);
    } finally {
      await Promise.all(paths.map((p) => rm(p, { force: true })));
    }
  };
  return {
    name: 'cli',
    verifyBlock: (block) =>
      withFiles([block], async (p) => {
        const { json } = await runCli(cli, ['verify-block', '--network', network, ...setup, p]);
        return { valid: json.valid === true, reason: json.reason, stateHash: json.stateHash, height: json.height };
      }),
    stateHash: (block) =>
      withFiles([block], async (p) => {
        const { json } = await runCli(cli, ['state-hash', p]);
        return { stateHash: json.stateHash };
      }),
    selectChain: (tip, candidate) =>
      withFiles([tip, candidate], async (a, b) => {
        const { json } = await runCli(cli, ['fork-choice', '--network', network, a, b]);
        return { take: json.take === true, rule: json.rule };
      }),
    verifyAccount: (account, ledgerHash) =>
      withFiles([account], async (p) => {
        const { json } = await runCli(cli, ['verify-account', '--ledger-hash', ledgerHash, ...(ledgerDepth === undefined ? [] : ['--depth', String(ledgerDepth)]), p]);
        return { valid: json.valid === true, reason: json.reason };
      }),
    async close() {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
