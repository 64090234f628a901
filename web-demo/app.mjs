// The webnode page: a light node (js/lightnode) running in this page, its verifier (the package's
// WASM build) in a module Worker, its state in IndexedDB (js/storage), its peer the server that
// served the page (`mina-webnode serve`, same origin). Nothing shown here is taken on trust from
// the server: a tip appears only after this page's own verifier accepted it (or, after a restart,
// as stored by this page once it had verified it).
import { createNode, createVerifier } from '../js/browser.mjs';

const $ = (id) => document.getElementById(id);
const short = (h) => (h ? `${h.slice(0, 10)}…${h.slice(-6)}` : '—');

function log(line) {
  const el = $('log');
  el.textContent = `${new Date().toLocaleTimeString()} ${line}\n${el.textContent}`.slice(0, 8000);
}

// The server's config (network, GraphQL path, verifier index), remembered for offline restarts.
async function loadConfig() {
  try {
    const r = await fetch('webnode.json', { cache: 'no-store' });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const config = await r.json();
    try {
      localStorage.setItem('mina-webnode-config', JSON.stringify(config));
    } catch {
      // storage full or disabled: only offline restarts lose
    }
    return config;
  } catch (err) {
    const saved = localStorage.getItem('mina-webnode-config');
    if (!saved) throw err;
    log(`server unreachable (${err.message}): starting from the stored state`);
    return JSON.parse(saved);
  }
}

// ---- sync state ----

const STEPS = ['storage', 'setup', 'asking', 'verifying', 'synced'];
const stepState = new Map(STEPS.map((s) => [s, '']));
function step(name, state) {
  stepState.set(name, state);
  for (const li of $('sync-steps').children) li.className = stepState.get(li.dataset.step) ?? '';
}
function phase(text, detail = '') {
  $('sync-phase').textContent = text;
  $('sync-detail').textContent = detail;
}

// ---- the verified tip ----

let tipAt;
function showTip(tip, at = Date.now()) {
  tipAt = at;
  $('tip-height').textContent = String(tip.height);
  $('tip-hash').textContent = tip.stateHash;
  $('tip-source').textContent = tip.source === 'storage' ? 'from storage' : 'verified now';
  document.body.dataset.tipHeight = String(tip.height);
  document.body.dataset.tipSource = tip.source;
  tickAge();
}
function tickAge() {
  if (!tipAt) return;
  const s = Math.max(0, Math.round((Date.now() - tipAt) / 1000));
  $('tip-age').textContent = s < 60 ? `${s} s ago` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s ago` : `${(s / 3600).toFixed(1)} h ago`;
}

function showPeers(peers) {
  const body = $('peers');
  body.replaceChildren(
    ...peers.map((p) => {
      const tr = document.createElement('tr');
      const cells = [p.url ?? p.id, p.kind, p.status, String(p.score), p.latencyMs === undefined ? '—' : `${Math.round(p.latencyMs)} ms`, p.lastError ?? ''];
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      tr.children[2].className = `status-${p.status}`;
      return tr;
    }),
  );
}

function showChain(window, tipHash) {
  $('chain').replaceChildren(
    ...window.map((w) => {
      const li = document.createElement('li');
      if (w.stateHash === tipHash) li.className = 'tip';
      const h = document.createElement('strong');
      h.textContent = String(w.height);
      const code = document.createElement('code');
      code.textContent = short(w.stateHash);
      code.title = w.stateHash;
      li.append(h, code);
      return li;
    }),
  );
}

// ---- storage ----

async function showStorage() {
  if (!navigator.storage?.estimate) {
    $('storage-usage').textContent = 'not reported by this browser';
    return;
  }
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  $('storage-usage').textContent = `${mb(usage)} of ${mb(quota)}`;
  $('storage-usage').dataset.bytes = String(usage);
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : false;
  $('storage-detail').textContent = `IndexedDB "${dbName}"; ${persisted ? 'persistent' : 'best-effort'} storage`;
}

// ---- verify a proof ----

let makeVerifier;

// `verifierMade`: resolves to the page's verifier once the node has created it.
function wireProofBox(verifierMade) {
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    // Each dropped file goes where its shape says: a key has {data, hash}, a proof does not.
    for (const file of e.dataTransfer.files) {
      const text = await file.text();
      let isKey = false;
      try {
        const j = JSON.parse(text);
        isKey = typeof j.data === 'string' && j.hash !== undefined;
      } catch {
        // left to the verifier to report
      }
      $(isKey ? 'vk-input' : 'proof-input').value = text;
    }
  });
  $('verify-button').addEventListener('click', async () => {
    const out = $('verify-result');
    out.className = 'verdict';
    out.textContent = 'verifying…';
    delete out.dataset.valid;
    $('verify-button').disabled = true;
    const t0 = performance.now();
    try {
      const r = await (await verifierMade).verifyZkappProof($('proof-input').value, $('vk-input').value);
      const ms = Math.round(performance.now() - t0);
      out.className = `verdict ${r.valid ? 'valid' : 'invalid'}`;
      out.textContent = `${r.valid ? 'valid' : `invalid${r.reason ? `: ${r.reason}` : ''}`} — ${ms} ms (verify ${Math.round(r.ms?.verify ?? 0)} ms)`;
      out.dataset.valid = String(r.valid);
      out.dataset.ms = String(ms);
    } catch (err) {
      out.className = 'verdict error';
      out.textContent = `error ${err.code ?? ''}: ${err.message}`;
      out.dataset.valid = 'error';
    } finally {
      $('verify-button').disabled = false;
    }
  });
}

// ---- account lookup (only when the node can verify Merkle paths) ----

function wireAccountBox(node) {
  if (!node.checker?.verifyAccount) return;
  $('account-card').hidden = false;
  $('account-button').addEventListener('click', async () => {
    const out = $('account-result');
    out.textContent = 'asking…';
    try {
      const { account, ledgerHash } = await node.getAccount($('account-key').value.trim());
      out.textContent = JSON.stringify({ balance: account.balance, nonce: account.nonce, zkappState: account.zkappState, verifiedAgainst: ledgerHash }, null, 1);
    } catch (err) {
      out.textContent = `${err.code ?? 'error'}: ${err.message}`;
    }
  });
}

// ---- start ----

let dbName;
// The service worker keeps the page's files for offline restarts (sw.js); without it (an old
// browser, a non-secure origin) the page still works online.
function registerOffline() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').catch((err) => log(`offline support unavailable: ${err.message}`));
}

async function main() {
  registerOffline();
  const config = await loadConfig();
  $('network').textContent = config.network;
  dbName = `mina-webnode-${config.network}`;
  phase('starting', 'loading the stored tip');
  step('storage', 'active');
  step('setup', 'active');
  // The node creates the verifier in start(), handing it the SRS it stored in IndexedDB last
  // time (its own verifier-cache database), so a reload skips regenerating it.
  let verifier;
  const verifierMade = new Promise((resolve) => {
    makeVerifier = (setup) => {
      verifier = createVerifier({
        workers: 1,
        ...setup,
        onProgress: (e) => {
          if (e.state === 'start') log(`verifier: ${e.phase}…`);
        },
      });
      log(setup.srs ? 'verifier: SRS from storage' : 'verifier: generating its SRS');
      resolve(verifier);
      return verifier;
    };
  });
  verifierMade.then((v) =>
    v.ready().then(
      () => {
        step('setup', 'done');
        log('verifier ready');
      },
      (err) => {
        step('setup', '');
        phase('verifier failed', `${err.code}: ${err.message}`);
      },
    ),
  );
  wireProofBox(verifierMade);

  const node = createNode({
    network: config.network,
    peers: [{ url: new URL(config.graphql, location.href).href, id: 'server (this origin)' }],
    verifier: (setup) => makeVerifier(setup),
    verifierIndex: config.verifierIndex,
    storage: { backend: 'indexeddb', name: dbName },
    k: config.k,
    tickMs: 100,
    // Asking the server again costs one small request (the same tip is not verified twice).
    pollIntervalMs: 5_000,
  });
  window.webnode = { node, get verifier() { return verifier; } };
  wireAccountBox(node);

  node.on('tipChanged', (tip) => {
    showTip(tip);
    showChain(node.window, tip.stateHash);
    log(`tip ${tip.height} ${tip.stateHash} (${tip.source}${tip.rule ? `, ${tip.rule}` : ''})`);
  });
  node.on('peerState', () => showPeers(node.peers()));
  node.on('syncProgress', (p) => {
    if (p.phase === 'asking' && node.tip?.source === 'network') {
      // A poll while following the chain: peers that agree with the tip say nothing more.
      phase('synced', 'following the best verified chain; asking peers for a better tip');
    } else if (p.phase === 'asking') {
      step('asking', 'active');
      phase('asking peers', (p.peers ?? []).join(', '));
    } else if (p.phase === 'verifying') {
      step('asking', 'done');
      step('verifying', 'active');
      phase('verifying', `block ${p.height ?? '?'} ${short(p.stateHash)} from ${p.peer}`);
    } else if (p.phase === 'synced' || p.phase === 'kept') {
      for (const s of ['asking', 'verifying', 'synced']) step(s, 'done');
      phase('synced', p.phase === 'kept' ? `kept the tip (${p.rule})` : 'following the best verified chain');
    } else if (p.phase === 'rejected') {
      phase('rejected a block', `${short(p.stateHash)}: ${p.reason}`);
      log(`rejected ${p.stateHash}: ${p.reason}`);
    } else if (p.phase === 'no_peers') {
      phase(node.tip ? 'offline (stored tip)' : 'no peers', 'no usable peer right now; retrying');
    }
  });
  node.on('persisted', () => showStorage());
  node.on('storageError', (e) => log(`storage: ${e.code}: ${e.message}`));

  const stored = await node.start();
  step('storage', stored ? 'done' : '');
  if (stored) phase('resuming', `stored tip ${stored.height}; checking peers`);
  showPeers(node.peers());
  showStorage();
  setInterval(tickAge, 1000);
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  phase('failed to start', err.message);
  log(`failed: ${err.stack ?? err}`);
});
