// End to end in real headless Chromium (Debian's `chromium`, driven by npm playwright-core): the
// `npm pack` tarball, unpacked as an app's node_modules/mina-webnode, is served from 127.0.0.1
// with a page that imports it by name (import map) and verifies o1js fixture proofs through a
// module Worker, while the page measures its own event-loop delay.
// Needs dist/web (scripts/build.sh, or make mina_verifier_web). Prints what it measured.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

// npm pack into a temporary folder, unpacked as node_modules/mina-webnode would be.
function unpackPackage() {
  const work = mkdtempSync(join(tmpdir(), 'mina-browser-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const dir = join(work, 'node_modules', 'mina-webnode');
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync('tar', ['-xzf', join(work, JSON.parse(packed.stdout)[0].filename), '-C', dir, '--strip-components=1']);
  assert.equal(tar.status, 0, String(tar.stderr));
  return dir;
}

let playwright = null;
try {
  playwright = await import('playwright-core');
} catch {
  // reported as the skip reason below
}
const skip = !chromiumPath ? 'chromium is not installed (apt-get install chromium)' : !playwright ? 'playwright-core is not installed (npm install)' : false;

test('browser: a page verifies o1js proofs in a Worker; the main thread stays responsive; a killed worker is replaced', { skip, timeout: 10 * 60 * 1000 }, async (t) => {
  const pkg = unpackPackage();
  const server = await startStaticServer({
    '/node_modules/mina-webnode/': pkg,
    '/fixtures/': fixtures,
    '/': join(root, 'tests', 'browser'),
  });
  after(() => server.close());
  const browser = await playwright.chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  after(() => browser.close());
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()} ${res.url()}`));
  await page.goto(`${server.url}/page.html`);
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 30_000 });

  const r = await page.evaluate(() => window.runCheck());
  t.diagnostic(`browser: ${JSON.stringify({ timings: r.timings, workerMemoryBytes: r.workerMemoryBytes, eventLoop: r.eventLoop })}`);
  assert.deepEqual(problems, []);
  assert.equal(r.good, true);
  assert.equal(r.dummy, false);
  assert.deepEqual(r.error, { code: 'malformed_json', isVerifierError: true });
  assert.deepEqual(r.kill, { killed: 'worker_crashed', afterKill: true, workerId: 2 });
  assert.deepEqual(r.progress.slice(0, 4), ['module:start', 'module:done', 'srs:start', 'srs:done']);
  // Setup plus two verifications take seconds of WASM work; none of it ran on the page's thread.
  const workerMs = r.timings.good.worker + r.timings.dummy.worker;
  assert.ok(workerMs > 500, `worker time ${workerMs} ms`);
  assert.ok(r.eventLoop.ticks > 50, `timer ticks ${r.eventLoop.ticks}`);
  assert.ok(r.eventLoop.maxMs < 250, `main thread blocked for ${r.eventLoop.maxMs} ms`);
  // The worker's WASM memory is bounded (4 GB by default) and reported.
  assert.ok(r.workerMemoryBytes > 32 << 20 && r.workerMemoryBytes < 1 << 30, `worker memory ${r.workerMemoryBytes}`);
});
