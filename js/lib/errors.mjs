// Errors of the package: one class, a stable `code` string users can match on.
//   from the verifier core: error_code_name's strings (malformed_json, invalid_point, …) and the
//     bindings' out_of_memory / internal / no_setup;
//   from the pool: worker_crashed, timeout, cancelled, closed, setup_failed, invalid_input.
// `instanceof VerifierError` also holds for errors made by the CommonJS entry (same name + code).
export class VerifierError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.name = 'VerifierError';
    this.code = code;
    Object.assign(this, extra);
  }

  static [Symbol.hasInstance](x) {
    return x instanceof Error && x.name === 'VerifierError' && typeof x.code === 'string';
  }
}

// An {code, message, …} record from a worker (structured clone loses the class) back into one.
export function errorFromRecord(record, extra = {}) {
  const { code = 'internal', message = 'unknown error', ...rest } = record ?? {};
  return new VerifierError(code, message, { ...rest, ...extra });
}
