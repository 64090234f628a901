// What the API accepts, reduced to what a worker sends to the bindings: JSON text.
//   proof: o1js `proof.toJSON()` ({publicInput, publicOutput, maxProofsVerified, proof}) as an
//          object or a JSON string, or an o1js Proof object (anything with toJSON()).
//   vk:    o1js VerificationKey {data, hash} (hash as string, bigint or Field), its JSON string,
//          or the base64 `data` alone. A given hash must match the key's data (vk_hash_mismatch
//          otherwise: a key whose hash is off is a confused key); without one it is only computed.
import { VerifierError } from './errors.mjs';

function invalid(message) {
  return new VerifierError('invalid_input', message);
}

function fieldString(x) {
  if (typeof x === 'string') return x;
  if (typeof x === 'bigint' || typeof x === 'number') return String(x);
  if (x && typeof x.toBigInt === 'function') return String(x.toBigInt());
  if (x && typeof x.toString === 'function') return x.toString();
  throw invalid('a field element must be a decimal string, a bigint or a Field');
}

export function proofJsonText(proof) {
  if (typeof proof === 'string') return proof;
  if (proof && typeof proof === 'object') {
    const json = typeof proof.toJSON === 'function' ? proof.toJSON() : proof;
    if (typeof json === 'string') return json;
    return JSON.stringify(json);
  }
  throw invalid('proof must be a proof.toJSON() object or its JSON string');
}

// → {text, hashGiven}: the bindings read {data, hash} JSON; a missing hash travels as "0" and
// is not compared.
export function vkJson(vk) {
  if (typeof vk === 'string') {
    if (vk.trimStart().startsWith('{')) {
      let parsed;
      try {
        parsed = JSON.parse(vk);
      } catch {
        return { text: vk, hashGiven: true }; // the bindings report malformed_json
      }
      if (parsed && typeof parsed === 'object' && parsed.hash == null) return vkJson(parsed);
      return { text: vk, hashGiven: true };
    }
    return { text: JSON.stringify({ data: vk, hash: '0' }), hashGiven: false };
  }
  if (vk && typeof vk === 'object' && typeof vk.data === 'string') {
    const hashGiven = vk.hash != null;
    return { text: JSON.stringify({ data: vk.data, hash: hashGiven ? fieldString(vk.hash) : '0' }), hashGiven };
  }
  throw invalid('verification key must be an o1js VerificationKey {data, hash}, its JSON, or the base64 data');
}

export function maxProofsVerifiedArg(mpv) {
  if (mpv === undefined || mpv === null) return -1;
  if (mpv === 0 || mpv === 1 || mpv === 2) return mpv;
  throw invalid('maxProofsVerified must be 0, 1 or 2');
}

// A block or protocol state: JSON (string or object: precomputed block, OpenMina best tip,
// {previous_state_hash, body}, GraphQL answer) or bin_prot bytes.
export function blockArgs(block) {
  if (typeof block === 'string') return { text: block };
  if (block instanceof ArrayBuffer) return { bytes: new Uint8Array(block) };
  if (ArrayBuffer.isView(block)) return { bytes: new Uint8Array(block.buffer, block.byteOffset, block.byteLength) };
  if (block && typeof block === 'object') return { text: JSON.stringify(block) };
  throw invalid('a block is its JSON (string or object) or bin_prot bytes');
}
