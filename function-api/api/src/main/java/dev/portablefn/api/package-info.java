/**
 * What a portable function is written against, the same on every cloud: the function shapes
 * ({@link dev.portablefn.api.HttpFunction}, {@link dev.portablefn.api.EventFunction},
 * {@link dev.portablefn.api.BatchFunction}), the {@link dev.portablefn.api.Event} and
 * {@link dev.portablefn.api.Context} they receive, and {@link dev.portablefn.api.PortableFunction}, which
 * carries a function with its configuration to an adapter's entry class.
 *
 * <p>Failures: a function may throw anything. {@link dev.portablefn.api.PermanentFailure} (and its
 * subtypes for undecodable or invalid input) is never retried and reaches an HTTP caller as a 4xx problem;
 * {@link dev.portablefn.api.RetryableException} and any other exception ask the provider to retry an event
 * and give an HTTP caller a 5xx response that reveals nothing of the exception.
 */
package dev.portablefn.api;
