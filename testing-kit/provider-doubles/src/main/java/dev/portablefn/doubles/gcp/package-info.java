/**
 * Doubles of the Google Cloud Functions Framework interfaces ({@code functions-framework-api} and the
 * {@code cloudevents-api} it brings): {@link dev.portablefn.doubles.gcp.FakeHttpRequest} and {@link
 * dev.portablefn.doubles.gcp.FakeHttpResponse} for an {@code HttpFunction}, {@link
 * dev.portablefn.doubles.gcp.FakeCloudEvent} for a {@code CloudEventsFunction}, {@link
 * dev.portablefn.doubles.gcp.FakeBackgroundContext} for a background function.
 */
package dev.portablefn.doubles.gcp;
