/**
 * Runs portable functions on Google Cloud Functions / Cloud Run functions, gen1 and gen2, through the
 * Functions Framework: {@link dev.portablefn.gcp.GcpHttpFunction} for HTTP,
 * {@link dev.portablefn.gcp.GcpCloudEventFunction} for CloudEvents (Pub/Sub, Cloud Storage, Firestore in JSON
 * encoding, Cloud Scheduler, any other event as {@code CUSTOM}) and {@link dev.portablefn.gcp.GcpBackgroundFunction}
 * for gen1 background events, which are converted with the Functions Framework's legacy-to-CloudEvent mapping so a
 * function sees the same portable event on either generation. {@link dev.portablefn.gcp.GcpDecoder} is the
 * {@code ProviderDecoder} the CLI uses.
 *
 * <p>Failures of event functions: a retryable failure (any exception but {@code PermanentFailure}) is thrown to
 * the framework, which answers 500, so the platform redelivers the event when the trigger has retries enabled;
 * a permanent failure or an event that cannot be decoded is logged at ERROR with the event id and acknowledged,
 * because redelivering the same event cannot succeed. Pub/Sub push delivers one message per request, so there is
 * no partial batch to report: a {@code BatchFunction} sees a batch of one and its failure is reported as above.
 */
package dev.portablefn.gcp;
