// A small reader for the GraphQL the server peer answers: one operation, root fields with
// arguments (literals or $variables), nested selections. It reads what a client sends so that a
// malformed request gets a 400 with a reason instead of a guess; it does not validate against a
// schema beyond the root fields (answers are whole objects, see answer.mjs).
//
//   parseQuery(text, variables) → [{name, alias, args}]   or throws GraphqlError
export class GraphqlError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'GraphqlError';
    this.code = code;
  }
}

const MAX_DEPTH = 32; // nested selections; Mina's deepest block field is 8 levels down
const MAX_TOKENS = 20_000;

const PUNCTUATION = new Set(['{', '}', '(', ')', ':', '!', '$', '[', ']', '=', '@']);

function tokenize(text) {
  const tokens = [];
  let i = 0;
  const fail = (why) => {
    throw new GraphqlError('graphql_parse', `${why} at offset ${i}`);
  };
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\ufeff') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256));
      tokens.push({ kind: 'name', value: m[0] });
      i += m[0].length;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!m) fail('bad number');
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\n') fail('newline in string');
        if (text[j] === '\\') {
          const e = text[j + 1];
          const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e in simple) {
            s += simple[e];
            j += 2;
          } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            s += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
            j += 6;
          } else fail('bad escape');
        } else s += text[j++];
      }
      if (j >= text.length) fail('unterminated string');
      tokens.push({ kind: 'string', value: s });
      i = j + 1;
    } else {
      fail(`unexpected character ${JSON.stringify(c)}`);
    }
    if (tokens.length > MAX_TOKENS) throw new GraphqlError('limit_exceeded', `more than ${MAX_TOKENS} tokens`);
  }
  return tokens;
}

class Reader {
  constructor(tokens, variables) {
    this.tokens = tokens;
    this.at = 0;
    this.variables = variables;
  }
  peek(value) {
    const t = this.tokens[this.at];
    return t && (value === undefined || t.value === value) ? t : undefined;
  }
  next() {
    const t = this.tokens[this.at++];
    if (!t) throw new GraphqlError('graphql_parse', 'unexpected end of query');
    return t;
  }
  expect(value) {
    const t = this.next();
    if (t.value !== value) throw new GraphqlError('graphql_parse', `expected ${value}, got ${JSON.stringify(t.value)}`);
    return t;
  }
  name() {
    const t = this.next();
    if (t.kind !== 'name') throw new GraphqlError('graphql_parse', `expected a name, got ${JSON.stringify(t.value)}`);
    return t.value;
  }

  // query Name($a: Type!, …) — the types are read and ignored (variables come typed as JSON).
  variableDefinitions() {
    this.expect('(');
    while (!this.peek(')')) {
      this.expect('$');
      this.name();
      this.expect(':');
      this.type();
      if (this.peek('=')) {
        this.next();
        this.value();
      }
    }
    this.expect(')');
  }
  type() {
    if (this.peek('[')) {
      this.next();
      this.type();
      this.expect(']');
    } else this.name();
    if (this.peek('!')) this.next();
  }

  value() {
    const t = this.next();
    if (t.value === '$' && t.kind === 'punct') {
      const name = this.name();
      return this.variables[name] ?? null;
    }
    if (t.kind === 'number' || t.kind === 'string') return t.value;
    if (t.kind === 'name') return t.value === 'true' ? true : t.value === 'false' ? false : t.value === 'null' ? null : t.value;
    if (t.value === '[') {
      const list = [];
      while (!this.peek(']')) list.push(this.value());
      this.next();
      return list;
    }
    throw new GraphqlError('graphql_parse', `unexpected ${JSON.stringify(t.value)} in a value`);
  }

  arguments() {
    const args = {};
    this.expect('(');
    while (!this.peek(')')) {
      const name = this.name();
      this.expect(':');
      args[name] = this.value();
    }
    this.expect(')');
    return args;
  }

  selectionSet(depth) {
    if (depth > MAX_DEPTH) throw new GraphqlError('limit_exceeded', `selections nested deeper than ${MAX_DEPTH}`);
    this.expect('{');
    const fields = [];
    while (!this.peek('}')) {
      let name = this.name();
      let alias = name;
      if (this.peek(':')) {
        this.next();
        name = this.name();
      }
      const args = this.peek('(') ? this.arguments() : {};
      if (this.peek('@')) throw new GraphqlError('unsupported', 'directives are not supported');
      if (this.peek('{')) this.selectionSet(depth + 1);
      fields.push({ name, alias, args });
    }
    this.expect('}');
    if (fields.length === 0) throw new GraphqlError('graphql_parse', 'empty selection');
    return fields;
  }
}

// The root fields of the one operation in `text` (a query; mutations and subscriptions are
// refused), arguments resolved against `variables`.
export function parseQuery(text, variables = {}) {
  if (typeof text !== 'string' || !text.trim()) throw new GraphqlError('bad_request', 'no query');
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables))
    throw new GraphqlError('bad_request', 'variables must be an object');
  const r = new Reader(tokenize(text), variables);
  const first = r.peek();
  if (first?.kind === 'name') {
    const op = r.name();
    if (op !== 'query') throw new GraphqlError('unsupported', `${op} operations are not served (read-only peer)`);
    if (r.peek()?.kind === 'name') r.name();
    if (r.peek('(')) r.variableDefinitions();
  }
  const fields = r.selectionSet(1);
  if (r.peek()) throw new GraphqlError('graphql_parse', 'one operation per request');
  return fields;
}
