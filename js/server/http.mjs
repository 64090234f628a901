// The server peer's HTTP surface:
//   POST|GET /graphql   the GraphQL subset (answer.mjs), JSON in and out
//   GET /health         JSON: ready (a verified tip is served), tip, peers, counts
//   GET /metrics        Prometheus text
//   GET /webnode.json   what the page needs to start its own node (network, GraphQL path, index)
//   GET anything else   static files (the page, the package's js/ and dist/)
// Every answer carries CORS headers (any origin may read verified data: it is public and each
// reader verifies it again). Limits: request bodies (413), URL length (414), time to receive a
// request (408, node's requestTimeout), time to answer (503); errors are JSON with a stable code.
import { answerRequest, errorBody } from './answer.mjs';

export const DEFAULT_LIMITS = {
  maxBodyBytes: 64 * 1024, // the node's largest query (bestChain) is ~3 KB
  maxUrlBytes: 8 * 1024,
  answerTimeoutMs: 10_000,
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, accept',
  'access-control-max-age': '600',
};

function send(res, status, body, type = 'application/json', extra = {}) {
  if (res.headersSent || res.destroyed) return;
  const bytes = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  res.writeHead(status, { ...CORS, 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...extra });
  res.end(bytes);
}

// Reads the body up to `limit` bytes; rejects with {status, code} past it.
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject({ status: 413, code: 'payload_too_large', message: `request body over ${limit} bytes` });
      return;
    }
    const parts = [];
    let size = 0;
    let failed = false;
    req.on('data', (d) => {
      if (failed) return;
      size += d.length;
      if (size > limit) {
        failed = true;
        reject({ status: 413, code: 'payload_too_large', message: `request body over ${limit} bytes` });
        return;
      }
      parts.push(d);
    });
    req.on('end', () => failed || resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', (e) => failed || reject({ status: 400, code: 'bad_request', message: e.message }));
  });
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject({ status: 503, code: 'timeout', message: `no answer within ${ms} ms` }), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ctx: {view, metrics, statics(path) → file|undefined, health() → object, config() → object, limits}
export function createHandler(ctx) {
  const limits = { ...DEFAULT_LIMITS, ...ctx.limits };
  const { metrics } = ctx;

  async function graphql(req, res, url) {
    let request;
    if (req.method === 'POST') {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/(json|graphql-response\+json)\b/i.test(type) && type !== '')
        throw { status: 415, code: 'unsupported_media_type', message: 'POST a JSON body (content-type: application/json)' };
      const text = await readBody(req, limits.maxBodyBytes);
      try {
        request = JSON.parse(text);
      } catch {
        throw { status: 400, code: 'malformed_json', message: 'the body is not JSON' };
      }
    } else if (req.method === 'GET') {
      let variables = {};
      try {
        variables = url.searchParams.has('variables') ? JSON.parse(url.searchParams.get('variables')) : {};
      } catch {
        throw { status: 400, code: 'malformed_json', message: 'variables is not JSON' };
      }
      request = { query: url.searchParams.get('query'), variables };
    } else {
      throw { status: 405, code: 'method_not_allowed', message: 'GraphQL takes POST (or GET with ?query=)' };
    }
    const r = await withTimeout(answerRequest(request, ctx.view), limits.answerTimeoutMs);
    for (const field of r.fields ?? []) metrics.inc('mina_webnode_graphql_fields_total', { field });
    return r;
  }

  return async function handle(req, res) {
    const started = performance.now();
    let route = 'static';
    let status = 500;
    try {
      if ((req.url ?? '').length > limits.maxUrlBytes) throw { status: 414, code: 'uri_too_long', message: `URL over ${limits.maxUrlBytes} bytes` };
      const url = new URL(req.url, 'http://localhost');
      const path = url.pathname;
      if (req.method === 'OPTIONS') {
        route = 'preflight';
        status = 204;
        res.writeHead(204, CORS).end();
        return;
      }
      if (path === '/graphql') {
        route = 'graphql';
        const r = await graphql(req, res, url);
        status = r.status;
        send(res, status, r.body);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw { status: 405, code: 'method_not_allowed', message: `${req.method} ${path}` };
      if (path === '/health') {
        route = 'health';
        status = 200;
        send(res, status, ctx.health());
        return;
      }
      if (path === '/metrics') {
        route = 'metrics';
        status = 200;
        send(res, status, metrics.text(), 'text/plain; version=0.0.4; charset=utf-8');
        return;
      }
      if (path === '/webnode.json') {
        route = 'config';
        status = 200;
        send(res, status, ctx.config());
        return;
      }
      const file = await ctx.statics(decodeURIComponent(path));
      if (!file) throw { status: 404, code: 'not_found', message: `no ${path}` };
      status = 200;
      send(res, 200, req.method === 'HEAD' ? '' : file.body, file.type);
    } catch (err) {
      const known = err && typeof err.status === 'number';
      status = known ? err.status : 500;
      send(res, status, errorBody(known ? err.code : 'internal', known ? err.message : 'internal error'));
      if (!known) ctx.onError?.(err);
    } finally {
      metrics.inc('mina_webnode_http_requests_total', { route, status: String(status) });
      metrics.inc('mina_webnode_http_request_seconds_sum', { route }, (performance.now() - started) / 1000);
    }
  };
}
