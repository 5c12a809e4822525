package dev.portablefn.azure.sdk;

import com.azure.core.client.traits.ConnectionStringTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.portablefn.api.PermanentFailure;
import java.time.Duration;

/**
 * The Storage account Storage queues and Blob Storage are reached in: a connection string from the setting
 * {@code PORTABLEFN_STORAGE_CONNECTION_SETTING} names (local use, Azurite), else the account
 * {@code PORTABLEFN_STORAGE_ACCOUNT} with the managed identity.
 */
final class StorageAccount {

    private final AzureSettings settings;

    StorageAccount(AzureSettings settings) {
        this.settings = settings;
    }

    /**
     * Points a Storage client builder at the account, with the shared JDK HTTP client and short SDK retries.
     *
     * @param builder a queue or blob service client builder
     * @param service {@code queue} or {@code blob}, the endpoint's service
     * @return the builder
     * @throws PermanentFailure naming both settings when neither is set
     */
    <B extends HttpTrait<B> & ConnectionStringTrait<B> & TokenCredentialTrait<B> & EndpointTrait<B>> B configure(
            B builder, String service) {
        builder.httpClient(settings.httpClient()).retryOptions(new RetryOptions(new ExponentialBackoffOptions()
                .setMaxRetries(2).setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(2))));
        String connectionString = settings.secretNamedBy(AzureSettings.STORAGE_CONNECTION_SETTING);
        if (connectionString != null) {
            return builder.connectionString(connectionString);
        }
        String account = settings.get(AzureSettings.STORAGE_ACCOUNT);
        if (account == null) {
            throw new PermanentFailure("no Storage account is configured: set " + AzureSettings.STORAGE_ACCOUNT
                    + "=ACCOUNT (with a managed identity holding 'Storage Queue Data Message Sender' or 'Storage Blob"
                    + " Data Contributor'), or " + AzureSettings.STORAGE_CONNECTION_SETTING + "=<the name of a setting"
                    + " holding a connection string, such as AzureWebJobsStorage>");
        }
        return builder.endpoint("https://" + account + "." + service + ".core.windows.net")
                .credential(settings.credential());
    }
}
