/**
 * Internal: reading provider payloads and binding function data, used by the adapters and the runtime, not for
 * functions to call. It holds the field readers whose errors name the field and the payload, the binder that
 * turns decoded data into a function's type and validates it, the codec {@code JsonCodec.standard()} finds, and
 * redaction of JSON before it is logged.
 */
package dev.portablefn.runtime.internal.json;
