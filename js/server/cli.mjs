// `mina-webnode serve [--port P] [--host H] [--network mainnet|devnet] [--blocks DIR]
//  [--upstream URL]… [--index INDEX.json] [--data-dir DIR] [--k N] [--smoke]`
// Starts the server peer and prints one JSON line when it listens ({"serving": url, …}); logs go
// to stderr. --smoke exits 0 once a verified tip is served (1 if none within --smoke-timeout s),
// for CI. Usage errors print {"error":{code,message}} and exit 2, as the other commands do.
import { startServer } from './index.mjs';

const USAGE =
  'serve [--port 8080] [--host 127.0.0.1] [--network mainnet|devnet] [--blocks DIR] [--upstream URL]… ' +
  '[--index INDEX.json] [--data-dir DIR] [--k N] [--smoke] [--smoke-timeout SECONDS]';

class UsageError extends Error {}

export function parseServeArgs(argv) {
  const o = { upstream: [], port: 8080, host: '127.0.0.1', network: 'mainnet', smokeTimeout: 170 };
  const value = (i) => {
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  const int = (flag, text, min, max) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} must be an integer in ${min}..${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--port': o.port = int(a, value(i++), 0, 65535); break;
      case '--host': o.host = value(i++); break;
      case '--network':
        o.network = value(i++);
        if (o.network !== 'mainnet' && o.network !== 'devnet') throw new UsageError('--network is mainnet or devnet');
        break;
      case '--blocks': o.blocksDir = value(i++); break;
      case '--upstream': {
        const u = value(i++);
        if (!/^https?:\/\//.test(u)) throw new UsageError(`--upstream takes an http(s) GraphQL URL, got ${u}`);
        o.upstream.push(u);
        break;
      }
      case '--index': o.indexPath = value(i++); break;
      case '--data-dir': o.dataDir = value(i++); break;
      case '--k': o.k = int(a, value(i++), 1, 290); break;
      case '--smoke': o.smoke = true; break;
      case '--smoke-timeout': o.smokeTimeout = int(a, value(i++), 1, 3600); break;
      case '--help': case '-h': throw new UsageError(`usage: mina-webnode ${USAGE}`);
      default: throw new UsageError(`unknown argument ${a} (usage: mina-webnode ${USAGE})`);
    }
  }
  return o;
}

const line = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

export async function serveMain(argv) {
  let o;
  try {
    o = parseServeArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    line({ error: { code: 'invalid_argument', message: e.message } });
    return 2;
  }
  const log = (msg) => process.stderr.write(`[serve ${new Date().toISOString()}] ${msg}\n`);
  let server;
  try {
    server = await startServer({
      port: o.port,
      host: o.host,
      network: o.network,
      blocksDir: o.blocksDir,
      upstream: o.upstream,
      indexPath: o.indexPath,
      k: o.k,
      storage: o.dataDir ? { backend: 'files', dir: o.dataDir } : { backend: 'memory' },
      log,
    });
  } catch (e) {
    const code = e.code === 'EADDRINUSE' ? 'address_in_use' : e.code === 'ENOENT' ? 'not_found' : e.code ?? 'internal';
    line({ error: { code, message: e.message } });
    return 2;
  }
  line({ serving: server.url, graphql: server.graphqlUrl, network: o.network });
  log(`webnode page: ${server.url}/   (GraphQL ${server.graphqlUrl}, health ${server.url}/health, metrics ${server.url}/metrics)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (!o.smoke) return new Promise(() => {}); // runs until a signal
  const ok = await smokeCheck(server, o.smokeTimeout * 1000, log);
  await server.close();
  return ok ? 0 : 1;
}

// Healthy, and a verified tip served over HTTP the way a client would read it.
async function smokeCheck(server, timeoutMs, log) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const health = await (await fetch(`${server.url}/health`)).json();
      if (health.ready) {
        const r = await fetch(server.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ networkID bestChain(maxLength: 1) { stateHash protocolState { consensusState { blockchainLength } } } }' }),
        });
        const tip = (await r.json()).data?.bestChain?.at(-1);
        if (tip) {
          line({ smoke: 'ok', stateHash: tip.stateHash, height: Number(tip.protocolState.consensusState.blockchainLength) });
          return true;
        }
      }
    } catch (e) {
      log(`smoke: ${e.message}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  line({ smoke: 'failed', message: `no verified tip served within ${timeoutMs / 1000} s`, health: server.health() });
  return false;
}
