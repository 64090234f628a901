#!/usr/bin/env node
// The WASM build of the same command line as build/native/mina-webnode: same subcommands, same
// JSON lines, same exit codes. The module reads files through Node's fs (NODERAWFS).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// `serve` is JavaScript (the server peer, js/server/); every other command is the WASM CLI.
if (process.argv[2] === 'serve') {
  const { serveMain } = await import('./server/cli.mjs');
  process.exit(await serveMain(process.argv.slice(3)));
}

const candidates = [
  process.env.MINA_WASM_CLI,
  join(here, '..', 'dist', 'node', 'mina-webnode.cjs'),
  join(here, '..', 'build', 'wasm', 'mina-webnode.cjs'),
].filter(Boolean);
const modulePath = candidates.find((p) => existsSync(p));
if (!modulePath) {
  process.stdout.write(JSON.stringify({ error: { code: 'not_built', message: 'WASM CLI not built: run the build first (see README)' } }) + '\n');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const createMinaCli = require(modulePath);
const wasmBinary = readFileSync(modulePath.replace(/\.cjs$/, '.wasm'));
const mod = await createMinaCli({ wasmBinary, noExitRuntime: false });
// callMain runs main() and exits the process with its status (EXIT_RUNTIME).
mod.callMain(process.argv.slice(2));
