/**
 * Runs portable functions on Azure Functions through the Java worker: {@link dev.portablefn.azure.AzureFunctions}
 * gives one-line delegations for each binding (HTTP, Queue Storage, Service Bus, Event Grid, Blob, Timer, Event
 * Hubs, Cosmos DB), so the class holding the {@code @FunctionName} methods stays a few lines.
 * {@link dev.portablefn.azure.AzureDecoder} is the {@code ProviderDecoder} the CLI uses.
 *
 * <p>Failures: HTTP delegations never throw; failures become problem responses. Every event delegation throws
 * when the function failed, retryably or permanently, because throwing is the only way the Azure host learns of a
 * failure: the host then retries the message and finally moves it to its poison or dead-letter store, so nothing
 * is acknowledged silently.
 */
package dev.portablefn.azure;
