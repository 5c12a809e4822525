/**
 * Internal: how the adapters run a portable function, the same on every provider. The adapters and the testing
 * kit call it; functions must not, and it may change in any release. {@link dev.portablefn.runtime.internal.FunctionRunner}
 * binds input, runs the middleware chain and classifies failures into an
 * {@link dev.portablefn.runtime.internal.Outcome}; {@link dev.portablefn.runtime.internal.BatchRunner} is the one
 * home of batch bookkeeping; {@link dev.portablefn.runtime.internal.ProviderDecoder} turns a provider's payload
 * into a {@link dev.portablefn.runtime.internal.Decoded} request or events.
 */
package dev.portablefn.runtime.internal;
