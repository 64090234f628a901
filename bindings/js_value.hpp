// Conversions at the C++ ↔ JS boundary. Every binding answers with a plain object: the result's
// fields, or {error: {code, message}} with `code` one of error_code_name's stable strings (plus
// the binding-level "out_of_memory" and "internal" for what the core cannot type itself).
// Nothing here throws into JS: a thrown exception would leave the caller guessing.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <new>
#include <string>

#include "base/bytes.hpp"
#include "base/error.hpp"

namespace mina::bindings {

using emscripten::val;

inline val error_value(const std::string& code, const std::string& message) {
  val e = val::object();
  e.set("code", code);
  e.set("message", message);
  val out = val::object();
  out.set("error", e);
  return out;
}

inline val error_value(const Error& e) { return error_value(error_code_name(e.code), e.message); }

// A Uint8Array (or any array-like of bytes) copied into the WASM heap.
inline Bytes bytes_from_js(const val& v) { return emscripten::convertJSArrayToNumberVector<uint8_t>(v); }

// A fresh Uint8Array owning a copy: a view into the heap would dangle at the next growth.
inline val bytes_to_js(ByteSpan b) {
  val view(emscripten::typed_memory_view(b.size(), b.data()));
  return view.call<val>("slice");
}

// Runs a binding body, turning exceptions into typed errors so the caller keeps running.
template <class F>
val guarded(F&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return error_value("out_of_memory", "the verifier ran out of WASM memory");
  } catch (const std::exception& e) {
    return error_value("internal", e.what());
  }
}

}  // namespace mina::bindings
