/**
 * JSON on Jackson for portable functions: {@link dev.portablefn.runtime.json.JacksonCodec} is the one place JSON
 * is read and written, with the input limits enforced on every read. Applications use it to hand a function a
 * mapper of their own ({@code PortableFunction.withCodec(JacksonCodec.of(mapper))}); everything else in the
 * runtime is internal.
 */
package dev.portablefn.runtime.json;
