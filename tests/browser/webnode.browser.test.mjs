// The webnode page end to end in headless Chromium (Debian's `chromium` via playwright-core):
// `mina-webnode serve` (js/cli.mjs, a child process) on 127.0.0.1 over the fixtures' recorded mainnet
// blocks serves the page; the page's own light node (verifier in its Worker, state in IndexedDB)
// verifies the server's tip and shows it; a screenshot is saved under build/screenshots/ and
// checked to be a real rendering; a pasted o1js fixture proof verifies in the page (and its dummy
// counterpart does not); a reload shows the stored tip at once, and so does one with the server
// gone (service worker + IndexedDB), where a pasted proof still verifies.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { spawn } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env.MINA_FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures');
const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

// The recorded chain's best tip: the highest block that keeps its proof (first name on a tie).
const dir = join(fixtures, 'mina', 'precomputed');
const tipName = readdirSync(dir)
  .sort()
  .filter((n) => typeof JSON.parse(readFileSync(join(dir, n), 'utf8')).data?.protocol_state_proof === 'string')
  .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]))[0];
const TIP = /-(3N\w+)\.json$/.exec(tipName)[1];
const TIP_HEIGHT = Number(tipName.split('-')[1]);

let playwright = null;
try {
  playwright = await import('playwright-core');
} catch {
  // reported as the skip reason below
}
const skip = !chromiumPath
  ? 'chromium is not installed (apt-get install chromium)'
  : !playwright
    ? 'playwright-core is not installed (npm install)'
    : !existsSync(join(root, 'dist', 'web', 'mina-verifier.wasm'))
      ? 'no browser build in dist/web (bash scripts/build.sh)'
      : false;

// `mina-webnode serve --port 0` as a user runs it (js/cli.mjs); its first stdout line names the URL.
async function startServe() {
  const child = spawn(process.execPath, [join(root, 'js', 'cli.mjs'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await once(lines, 'line');
  const { serving: url } = JSON.parse(first);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const exited = once(child, 'exit');
  return {
    url,
    // The served chain once /health says a verified tip is served.
    async waitReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!(await (await fetch(`${url}/health`)).json()).ready) {
        assert.ok(Date.now() < deadline, 'serve did not verify a tip in time');
        await new Promise((r) => setTimeout(r, 200));
      }
      const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ bestChain(maxLength: 8) { stateHash } }' }) });
      return (await r.json()).data.bestChain;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// In the page: how many pixels of the PNG are not (near) white, and how many distinct colours.
async function pixelStats(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    let nonWhite = 0;
    let dark = 0;
    const colours = new Set();
    for (let i = 0; i < px.length; i += 4) {
      if (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250) nonWhite++;
      if (px[i] < 128 && px[i + 1] < 128 && px[i + 2] < 128) dark++;
      if (colours.size < 5000) colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    }
    return { width: c.width, height: c.height, nonWhite, dark, total: px.length / 4, colours: colours.size };
  }, png.toString('base64'));
}

test('webnode page: verifies the server peer\'s tip in the page, screenshot, pasted proof, restart from IndexedDB', { skip, timeout: 180_000 }, async (t) => {
  const server = await startServe();
  after(() => server.close());
  const served = await server.waitReady(120_000);
  assert.equal(served.at(-1).stateHash, TIP);
  const browser = await playwright.chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()} ${res.url()}`));
  // The page talks to its own origin only.
  page.on('request', (req) => !req.url().startsWith(server.url) && !req.url().startsWith('data:') && problems.push(`foreign request ${req.url()}`));

  const t0 = performance.now();
  await page.goto(`${server.url}/`);
  await page.waitForFunction((h) => document.body.dataset.tipHeight === String(h), TIP_HEIGHT, { timeout: 150_000 });
  const firstTipMs = performance.now() - t0;
  t.diagnostic(`page load to a tip verified in the page: ${firstTipMs.toFixed(0)} ms`);
  assert.equal(await page.textContent('#tip-hash'), TIP);
  assert.equal(await page.getAttribute('body', 'data-tip-source'), 'network');
  await page.waitForFunction(() => document.getElementById('sync-phase').textContent === 'synced');
  // Peers: the serving server, a server-kind peer, in good standing; the chain view ends at the tip.
  const peerRow = await page.$$eval('#peers tr td', (tds) => tds.map((td) => td.textContent));
  assert.equal(peerRow[0], `${server.url}/graphql`);
  assert.deepEqual(peerRow.slice(1, 3), ['server', 'good']);
  const chain = await page.$$eval('#chain li', (lis) => lis.map((li) => ({ height: li.querySelector('strong').textContent, tip: li.className === 'tip', hash: li.querySelector('code').title })));
  assert.ok(chain.length >= 2, `chain view shows ${chain.length} blocks`);
  assert.deepEqual(chain.at(-1), { height: String(TIP_HEIGHT), tip: true, hash: TIP });
  assert.deepEqual(chain.map((b) => b.hash), served.map((b) => b.stateHash));
  // Storage usage is reported once the tip is persisted.
  await page.waitForFunction(() => Number(document.getElementById('storage-usage').dataset.bytes) > 0, null, { timeout: 10_000 });

  // Verify a proof: paste the o1js fixture proof and key, then the dummy proof for the same key.
  const paste = async (proofFile) => {
    await page.fill('#proof-input', readFileSync(join(fixtures, 'o1js', proofFile), 'utf8'));
    await page.fill('#vk-input', readFileSync(join(fixtures, 'o1js', 'square0_vk.json'), 'utf8'));
    await page.click('#verify-button');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.valid !== undefined, null, { timeout: 60_000 });
    return { valid: await page.getAttribute('#verify-result', 'data-valid'), ms: Number(await page.getAttribute('#verify-result', 'data-ms')), text: await page.textContent('#verify-result') };
  };
  const good = await paste('square0_base_proof.json');
  t.diagnostic(`pasted proof: ${good.text}`);
  assert.equal(good.valid, 'true', good.text);
  assert.ok(good.ms > 0);
  const dummy = await paste('square0_dummy_proof.json');
  assert.equal(dummy.valid, 'false', dummy.text);
  await page.fill('#proof-input', '{"not": "a proof"}');
  await page.click('#verify-button');
  await page.waitForFunction(() => document.getElementById('verify-result').dataset.valid === 'error');

  // Screenshot with the verified tip and the verdict on screen.
  await page.fill('#proof-input', readFileSync(join(fixtures, 'o1js', 'square0_base_proof.json'), 'utf8'));
  await page.click('#verify-button');
  await page.waitForFunction(() => document.getElementById('verify-result').dataset.valid === 'true', null, { timeout: 60_000 });
  const png = await page.screenshot({ fullPage: true });
  mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
  const shot = join(root, 'build', 'screenshots', 'webnode.png');
  writeFileSync(shot, png);
  const stats = await pixelStats(page, png);
  t.diagnostic(`screenshot ${shot}: ${png.length} bytes, ${JSON.stringify(stats)}`);
  assert.ok(png.length > 10_000, `screenshot is ${png.length} bytes`);
  assert.ok(stats.width >= 1200 && stats.height >= 600, `${stats.width}x${stats.height}`);
  // Not blank: the page background and header are not white, and there is dark ink (text).
  assert.ok(stats.nonWhite / stats.total > 0.2, `only ${stats.nonWhite} of ${stats.total} pixels are not white`);
  assert.ok(stats.dark / stats.total > 0.01, `only ${stats.dark} dark pixels`);
  assert.ok(stats.colours > 50, `${stats.colours} distinct colours`);

  // Restart: a fresh load shows the stored tip at once, before any network verification.
  const t1 = performance.now();
  await page.reload();
  await page.waitForFunction((h) => document.body.dataset.tipHeight === String(h), TIP_HEIGHT, { timeout: 10_000 });
  const restartMs = performance.now() - t1;
  t.diagnostic(`reload to the stored tip on screen: ${restartMs.toFixed(0)} ms`);
  assert.equal(await page.getAttribute('body', 'data-tip-source'), 'storage');
  assert.equal(await page.textContent('#tip-hash'), TIP);
  assert.ok(restartMs < 5_000, `stored tip took ${restartMs} ms`);
  assert.deepEqual(problems, []);

  // Offline: with the server gone, a reload still shows the stored tip (the page's files from
  // its service worker's store, the tip from IndexedDB) and a pasted proof still verifies.
  const assets = (await (await fetch(`${server.url}/webnode.json`)).json()).assets;
  await page.evaluate(async (n) => {
    await navigator.serviceWorker.ready;
    for (;;) {
      const names = await caches.keys();
      const stored = names.length ? (await (await caches.open(names[0])).keys()).length : 0;
      if (stored >= n) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, assets.length);
  await server.close();
  await page.reload();
  await page.waitForFunction((h) => document.body.dataset.tipHeight === String(h), TIP_HEIGHT, { timeout: 10_000 });
  assert.equal(await page.getAttribute('body', 'data-tip-source'), 'storage');
  assert.equal(await page.textContent('#tip-hash'), TIP);
  const offline = await paste('square0_base_proof.json');
  assert.equal(offline.valid, 'true', offline.text);
  t.diagnostic(`offline reload: stored tip shown, pasted proof ${offline.text}`);
});
