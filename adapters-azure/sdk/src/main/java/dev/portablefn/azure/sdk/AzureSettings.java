package dev.portablefn.azure.sdk;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings an Azure deployment gives the outbound module, and what is built from them once per instance: the
 * HTTP client (the JDK's) and the credential ({@code DefaultAzureCredential}). Connection strings are never settings
 * themselves: a {@code *_CONNECTION_SETTING} names the setting that holds one, as Functions bindings do, so the
 * secret stays where the platform keeps secrets and never appears in a message.
 */
final class AzureSettings {

    /** Service Bus namespace, {@code NAMESPACE.servicebus.windows.net} (or just {@code NAMESPACE}). */
    static final String SERVICE_BUS_NAMESPACE = "PORTABLEFN_SERVICEBUS_NAMESPACE";
    /** Names the setting that holds a Service Bus connection string, for local use. */
    static final String SERVICE_BUS_CONNECTION_SETTING = "PORTABLEFN_SERVICEBUS_CONNECTION_SETTING";
    /** Service Bus message size limit in bytes: 262144 on the standard tier; premium entities allow up to 100 MB. */
    static final String SERVICE_BUS_MAX_MESSAGE_BYTES = "PORTABLEFN_SERVICEBUS_MAX_MESSAGE_BYTES";
    /** Storage account name, for Storage queues and Blob Storage. */
    static final String STORAGE_ACCOUNT = "PORTABLEFN_STORAGE_ACCOUNT";
    /** Names the setting that holds a Storage connection string ({@code AzureWebJobsStorage}, say), for local use. */
    static final String STORAGE_CONNECTION_SETTING = "PORTABLEFN_STORAGE_CONNECTION_SETTING";
    /** Names the setting that holds an Event Grid topic access key, for local use. */
    static final String EVENT_GRID_KEY_SETTING = "PORTABLEFN_EVENTGRID_KEY_SETTING";

    static final long STANDARD_SERVICE_BUS_MAX_BYTES = 256 * 1024;

    private final UnaryOperator<String> lookup;
    private final LogicalNames names;
    private volatile HttpClient httpClient;
    private volatile TokenCredential credential;

    AzureSettings(UnaryOperator<String> lookup) {
        this(lookup, null);
    }

    /** @param httpClient the HTTP client to use instead of the JDK's default one (tests: a TLS trust of their own) */
    AzureSettings(UnaryOperator<String> lookup, HttpClient httpClient) {
        this.lookup = Objects.requireNonNull(lookup, "settings");
        this.names = LogicalNames.from(lookup);
        this.httpClient = httpClient;
    }

    LogicalNames names() {
        return names;
    }

    /** @return the setting's stripped value, or {@code null} when it is missing or blank */
    String get(String setting) {
        String value = lookup.apply(setting);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Reads the secret a {@code *_CONNECTION_SETTING} (or key setting) points at.
     *
     * @return the secret, or {@code null} when {@code pointer} is not set
     * @throws PermanentFailure when {@code pointer} names a setting that is missing; the message never holds a value
     */
    String secretNamedBy(String pointer) {
        String name = get(pointer);
        if (name == null) {
            return null;
        }
        String secret = get(name);
        if (secret == null) {
            throw new PermanentFailure(pointer + " names the setting '" + name + "', which is not set: add it to the"
                    + " function's settings, or remove " + pointer + " to use a managed identity");
        }
        return secret;
    }

    /** @return the setting as a positive number, or {@code fallback} when it is not set */
    long positiveLong(String setting, long fallback) {
        String value = get(setting);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new PermanentFailure(setting + "='" + value + "' is not a positive number of bytes");
    }

    /** @return the HTTP client every HTTP-based Azure client of this instance shares: the JDK's, built once */
    HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                client = httpClient;
                if (client == null) {
                    client = new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10)).build();
                    httpClient = client;
                }
            }
        }
        return client;
    }

    /**
     * Gives the credential: {@code DefaultAzureCredential}, which finds the managed identity when deployed (a
     * user-assigned one through {@code AZURE_CLIENT_ID}) and the developer's Azure CLI login locally.
     *
     * @return the credential, built on first use
     */
    TokenCredential credential() {
        TokenCredential found = credential;
        if (found == null) {
            synchronized (this) {
                found = credential;
                if (found == null) {
                    found = new DefaultAzureCredentialBuilder().httpClient(httpClient()).build();
                    credential = found;
                }
            }
        }
        return found;
    }
}
