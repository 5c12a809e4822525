package dev.portablefn.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Redaction;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

class AccessLogMiddlewareTest {

    private final Context context = Context.builder().requestId("r-1").functionName("fn").provider(Provider.LOCAL).build();

    @Test
    void logsRequestLineAndStatusWithCredentialsHidden() throws Exception {
        Logger log = mock(Logger.class);
        when(log.isInfoEnabled()).thenReturn(true);
        Middleware accessLog = new AccessLogMiddleware(Redaction.standard(), log);
        HttpRequest request = HttpRequest.builder("GET", "/courses")
                .header("Authorization", "Bearer top-secret").header("Accept", "application/json").build();

        Object result = accessLog.around(new Invocation(request, context), invocation -> HttpResponse.ok());

        assertThat(result).isInstanceOf(HttpResponse.class);
        ArgumentCaptor<Object[]> arguments = ArgumentCaptor.forClass(Object[].class);
        verify(log).info(anyString(), arguments.capture());
        String line = java.util.Arrays.toString(arguments.getValue());
        assertThat(line).contains("GET /courses").contains("200").contains(Redaction.MASK).doesNotContain("top-secret");
    }

    @Test
    void failuresAreLoggedByTypeAndRethrown() {
        Logger log = mock(Logger.class);
        when(log.isInfoEnabled()).thenReturn(true);
        Middleware accessLog = new AccessLogMiddleware(Redaction.standard(), log);
        HttpRequest request = HttpRequest.builder("POST", "/pay").build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accessLog.around(new Invocation(request, context), invocation -> {
            throw new IllegalStateException("card 4111 declined");
        })).hasMessageContaining("declined");

        ArgumentCaptor<Object[]> arguments = ArgumentCaptor.forClass(Object[].class);
        verify(log).info(anyString(), arguments.capture());
        assertThat(java.util.Arrays.toString(arguments.getValue())).contains("IllegalStateException").doesNotContain("4111");
    }

    @Test
    void doesNothingWhenInfoIsDisabled() throws Exception {
        Logger log = mock(Logger.class);
        Middleware accessLog = new AccessLogMiddleware(Redaction.standard(), log);

        accessLog.around(new Invocation(HttpRequest.builder().build(), context), invocation -> HttpResponse.ok());

        verify(log, org.mockito.Mockito.never()).info(anyString(), any(Object[].class));
    }

    @Test
    void anEncodedNewlineInThePathCannotStartAForgedLogLine() throws Exception {
        Logger log = mock(Logger.class);
        when(log.isInfoEnabled()).thenReturn(true);
        Middleware accessLog = new AccessLogMiddleware(Redaction.standard(), log);
        HttpRequest request = HttpRequest.builder("GET", "/a\nINFO user=admin action=grant")   // "/a%0AINFO..." decoded
                .header("X-Note", "x\r\ny").build();

        accessLog.around(new Invocation(request, context), invocation -> HttpResponse.ok());

        ArgumentCaptor<Object[]> arguments = ArgumentCaptor.forClass(Object[].class);
        verify(log).info(anyString(), arguments.capture());
        String line = java.util.Arrays.toString(arguments.getValue());
        assertThat(line).doesNotContain("\n").doesNotContain("\r").contains("/a\\nINFO user=admin").contains("x\\r\\ny");
    }
}
