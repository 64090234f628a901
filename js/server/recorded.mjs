// A directory of recorded blocks as an upstream: Mina's precomputed-block JSON files, named as
// Mina's block archive names them (NETWORK-HEIGHT-STATEHASH.json). The best chain is the highest
// block that carries its protocol-state proof (ties: the first file name), with its ancestors as
// far as the directory links them by previous_state_hash, at most `k` blocks.
//
// Nothing here is trusted: the names and contents are what an upstream claims; the server's light
// node verifies the chain before anything is served from it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { graphqlBlockFromPrecomputed } from '../peers/block_form.mjs';

const NAME = /^([a-z]+)-(\d+)-(3N[1-9A-HJ-NP-Za-km-z]+)\.json$/;
const MAX_FILE_BYTES = 16 << 20;

// {network, height, stateHash, file} for each recorded block file in `dir`.
export async function listRecorded(dir) {
  const entries = [];
  for (const name of (await readdir(dir)).sort()) {
    const m = NAME.exec(name);
    if (m) entries.push({ network: m[1], height: Number(m[2]), stateHash: m[3], file: join(dir, name) });
  }
  return entries;
}

async function readBlock(file) {
  const text = await readFile(file, 'utf8');
  if (text.length > MAX_FILE_BYTES) throw new Error(`${file}: larger than ${MAX_FILE_BYTES} bytes`);
  const json = JSON.parse(text);
  return json.data ?? json;
}

// The directory's best chain as GraphQL blocks, oldest first ([] when no block has a proof).
export async function recordedChain(dir, { network = 'mainnet', k = 8 } = {}) {
  const entries = (await listRecorded(dir)).filter((e) => e.network === network);
  const byHash = new Map(entries.map((e) => [e.stateHash, e]));
  const candidates = [];
  for (const e of entries) {
    const data = await readBlock(e.file).catch(() => null);
    if (data && typeof data.protocol_state_proof === 'string') candidates.push({ ...e, data });
  }
  candidates.sort((a, b) => b.height - a.height || (a.file < b.file ? -1 : 1));
  const tip = candidates[0];
  if (!tip) return [];
  const chain = [graphqlBlockFromPrecomputed(tip.data, tip.stateHash)];
  let previous = tip.data.protocol_state?.previous_state_hash;
  while (chain.length < k && byHash.has(previous)) {
    const e = byHash.get(previous);
    const data = await readBlock(e.file).catch(() => null);
    if (!data?.protocol_state) break;
    chain.unshift(graphqlBlockFromPrecomputed(data, e.stateHash));
    previous = data.protocol_state.previous_state_hash;
  }
  return chain;
}
