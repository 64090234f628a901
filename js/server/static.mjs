// Static files for the webnode page: mounted folders only (URL prefix → directory), no listings,
// nothing outside a mount (no `..`, no symlink escapes), GET/HEAD only.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};
const MAX_FILE_BYTES = 64 << 20;

export function staticFiles(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  // The file for a URL path, or undefined (→ 404).
  return async function find(pathname) {
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    if (!prefix) return undefined;
    let rest = pathname.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    if (rest.includes('\0')) return undefined;
    const base = mounts[prefix];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base + sep)) return undefined;
    try {
      const real = await realpath(file);
      const realBase = await realpath(base);
      if (!real.startsWith(realBase + sep)) return undefined;
      const st = await stat(real);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
      return { body: await readFile(real), type: TYPES[extname(real)] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  };
}
