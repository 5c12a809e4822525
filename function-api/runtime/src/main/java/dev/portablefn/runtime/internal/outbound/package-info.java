/**
 * Internal: what every provider's outbound module shares, so each rule has one home. {@link
 * dev.portablefn.runtime.internal.outbound.CurrentInvocation} tells a publish which invocation it runs in (its
 * trace and deadline), {@link dev.portablefn.runtime.internal.outbound.LogicalNames} maps the logical names
 * functions use to the provider resources a deployment configures, and {@link
 * dev.portablefn.runtime.internal.outbound.OutboundCalls} holds the checks and derivations every implementation
 * makes before it calls its SDK. {@link dev.portablefn.runtime.internal.outbound.MessageEnvelope} carries a body
 * with its attributes through a transport that carries a body only, for the publisher that wraps and the inbound
 * adapter that opens.
 */
package dev.portablefn.runtime.internal.outbound;
