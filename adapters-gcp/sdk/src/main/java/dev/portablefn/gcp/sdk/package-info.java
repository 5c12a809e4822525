/**
 * The outbound ports on Google Cloud: {@link dev.portablefn.gcp.sdk.PubSubPublisher} publishes to Pub/Sub topics and
 * {@link dev.portablefn.gcp.sdk.CloudStorageBlobStore} reads and writes Cloud Storage objects, both registered with
 * {@link java.util.ServiceLoader} so that {@code Publisher.registered()} and {@code BlobStore.registered()} find
 * them. Logical names map to topics and buckets through {@code PORTABLEFN_DESTINATION_<NAME>} and
 * {@code PORTABLEFN_BUCKET_<NAME>}; credentials come from Application Default Credentials.
 */
package dev.portablefn.gcp.sdk;
