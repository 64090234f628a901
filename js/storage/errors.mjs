// Errors of the storage layer: one class with a stable `code`.
//   format (same strings as the C++ core's error_code_name): truncated, invalid_encoding,
//     unsupported, trailing_bytes, limit_exceeded, bad_checksum, invalid_length, invalid_argument;
//   store: corrupt_chunk (a stored chunk failed its checks and was not returned),
//     quota_exceeded (the platform refused to store more), io_error (anything else the platform
//     threw; the original is in `cause`), closed.
export class StorageError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.name = 'StorageError';
    this.code = code;
    Object.assign(this, extra);
  }
}
