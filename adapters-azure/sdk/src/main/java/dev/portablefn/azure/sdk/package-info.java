/**
 * The outbound ports on the Azure SDK for Java: {@link dev.portablefn.azure.sdk.AzurePublisher} publishes to Service
 * Bus queues and topics, Event Grid topics and Storage queues, {@link dev.portablefn.azure.sdk.AzureBlobStore} reads
 * and writes Blob Storage. Both are registered with {@link java.util.ServiceLoader}, so
 * {@code Publisher.registered()} and {@code BlobStore.registered()} find them; settings map each logical name to
 * an Azure resource, and credentials come from {@code DefaultAzureCredential} (a managed identity when deployed).
 */
package dev.portablefn.azure.sdk;
