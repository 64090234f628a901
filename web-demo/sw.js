// The webnode page's service worker: keeps the page working offline after its first load. It
// stores the page, the package's modules and the WASM verifier (the list the server gives in
// webnode.json `assets`), and answers from that store only when the network fails: online, every
// file comes fresh from the server (network first), so an update is never hidden by the cache.
// The node's own state (verified tip, window, peers) is in IndexedDB, not here; GraphQL, health
// and metrics are never cached (a cached answer would be a stale peer).
const CACHE = 'mina-webnode-shell-v1';
const NEVER = ['/graphql', '/health', '/metrics'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const config = await (await fetch('webnode.json', { cache: 'no-store' })).json();
      await cache.addAll(config.assets ?? []);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || NEVER.includes(url.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const fresh = await fetch(event.request);
        if (fresh.ok) await cache.put(event.request, fresh.clone());
        return fresh;
      } catch (err) {
        const stored = await cache.match(event.request, { ignoreSearch: true });
        if (stored) return stored;
        throw err;
      }
    })(),
  );
});
