// Asking a server peer: one GraphQL POST, bounded in time and size. Every failure is a PeerError
// with a stable code the node scores by:
//   timeout      no complete answer within timeoutMs (a stalled peer)
//   unreachable  connection refused / reset / DNS
//   http_status  a non-2xx status
//   malformed    not JSON, too large, or no `data`
//   graphql      the answer has `errors` and no usable data
//   cancelled    the caller's AbortSignal fired
export class PeerError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.name = 'PeerError';
    this.code = code;
    Object.assign(this, extra);
  }
}

export const MAX_ANSWER_BYTES = 64 << 20; // a bestChain answer with proofs is ~20 KB per block

async function readBounded(response, limit) {
  const reader = response.body.getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new PeerError('malformed', `answer larger than ${limit} bytes`);
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder('utf-8').decode(all);
}

// POST {query, variables} to `url`; resolves to the answer's `data`.
export async function graphqlRequest(url, body, { timeoutMs = 10_000, signal, fetchImpl = globalThis.fetch, maxBytes = MAX_ANSWER_BYTES } = {}) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let text;
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: combined,
    });
    if (!response.ok) throw new PeerError('http_status', `HTTP ${response.status}`, { status: response.status });
    text = await readBounded(response, maxBytes);
  } catch (err) {
    if (err instanceof PeerError) throw err;
    if (timeout.aborted) throw new PeerError('timeout', `no answer within ${timeoutMs} ms`);
    if (signal?.aborted) throw new PeerError('cancelled', 'cancelled', { cause: signal.reason });
    throw new PeerError('unreachable', err?.cause?.code ?? err?.message ?? String(err), { cause: err });
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PeerError('malformed', 'the answer is not JSON');
  }
  if (!json || typeof json !== 'object') throw new PeerError('malformed', 'the answer is not an object');
  if (!json.data || typeof json.data !== 'object') {
    const message = Array.isArray(json.errors) ? json.errors.map((e) => e?.message).join('; ') : 'no data';
    throw new PeerError(Array.isArray(json.errors) ? 'graphql' : 'malformed', message);
  }
  return json.data;
}
