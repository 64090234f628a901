// Node 20's glue would try fetch() on a file path; hand it the bytes instead.
// Runs inside the generated module, after `Module` exists.
if (typeof process === 'object' && !Module['wasmBinary']) {
  Module['wasmBinary'] = require('fs').readFileSync(__filename.replace(/\.c?js$/, '.wasm'));
}
