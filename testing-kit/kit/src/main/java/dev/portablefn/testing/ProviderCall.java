package dev.portablefn.testing;

import dev.portablefn.api.http.HttpResponse;
import java.util.List;

/**
 * One provider invocation as a driver saw it.
 *
 * @param raw            the raw response bytes
 * @param nativeResponse the provider's response object, or the bytes
 * @param http           the response decoded back to a portable one, or {@code null} when not HTTP
 * @param failedIds      ids of the messages the provider would redeliver
 * @param failure        what the entry point threw, or {@code null}
 */
record ProviderCall(byte[] raw, Object nativeResponse, HttpResponse http, List<String> failedIds, Throwable failure) {
    ProviderCall {
        failedIds = List.copyOf(failedIds);
    }
}
