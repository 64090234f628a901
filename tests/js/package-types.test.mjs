// js/index.d.ts against a TypeScript app's usage (package-types/use.mts and use.cts), resolved
// by package name through package.json `exports` (types + import / require conditions), strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

test('package types: a strict ESM and CommonJS TypeScript app type-checks against index.d.ts', { skip: !existsSync(tsc) && 'typescript is not installed (npm install)', timeout: 120_000 }, () => {
  const app = mkdtempSync(join(tmpdir(), 'mina-types-'));
  try {
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules', 'mina-webnode'), 'dir');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    for (const f of ['use.mts', 'use.cts']) copyFileSync(join(here, 'package-types', f), join(app, f));
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext',
      '--target', 'es2022', '--lib', 'es2022,dom', '--skipLibCheck', 'false', 'use.mts', 'use.cts'], { cwd: app, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
