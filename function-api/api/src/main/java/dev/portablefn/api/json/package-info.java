/**
 * How a function's data is bound from and written to JSON: {@link dev.portablefn.api.json.JsonCodec}, whose
 * standard implementation the runtime ({@code portablefn-runtime}) registers with
 * {@link java.util.ServiceLoader}. An application replaces it only to use its own configured mapper.
 */
package dev.portablefn.api.json;
