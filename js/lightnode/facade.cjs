// createNode for the CommonJS entry (js/index.cjs). CommonJS cannot load the ES module node
// synchronously, so this returns a node whose calls wait for it; listeners added before it has
// loaded are attached first, so no event is missed. `tip`, `window` and `peers()` read empty until
// then (start() resolves after loading).
'use strict';

function createNode(options) {
  let loaded = null;
  const node = import('./index.mjs').then((m) => (loaded = m.createNode(options)));
  node.catch(() => {}); // reported by the first call instead
  const facade = {
    get tip() {
      return loaded ? loaded.tip : undefined;
    },
    get window() {
      return loaded ? loaded.window : [];
    },
    peers: () => (loaded ? loaded.peers() : []),
    start: () => node.then((n) => n.start()),
    waitForTip: (o) => node.then((n) => n.waitForTip(o)),
    getAccount: (publicKey, tokenId) => node.then((n) => n.getAccount(publicKey, tokenId)),
    close: () => node.then((n) => n.close()),
  };
  for (const method of ['on', 'once', 'off'])
    facade[method] = (event, fn) => {
      node.then((n) => n[method](event, fn));
      return facade;
    };
  return facade;
}

module.exports = { createNode };
