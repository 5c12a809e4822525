package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A failing call through a {@link LoopbackAwsServer} whose 403 answer echoes the request's {@code Authorization}
 * header back in its message, as a careless proxy might, while everything logs at DEBUG into a list. Proves that
 * neither the failure's message (nor any cause) nor any line logged at INFO or above, nor any line portablefn logs
 * at any level, carries the secret key or the request's signature. The SDK's own DEBUG lines are left out of the
 * check on purpose: at DEBUG the SDK logs the service's answer verbatim, which this module cannot redact (see the
 * README).
 */
class SecretsStayOutOfFailuresTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

    private final LoopbackAwsServer server = new LoopbackAwsServer();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();

    @AfterEach
    void restore() {
        root.detachAppender(logged);
        root.setLevel(rootLevel);
        server.close();
    }

    @Test
    void failureMessagesAndLogLinesCarryNeitherTheSecretKeyNorTheSignature() {
        server.answer(403, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code>"
                + "<Message>denied for Authorization: ${authorization}</Message></Error>"
                + "<RequestId>r-9</RequestId></ErrorResponse>");
        logged.start();
        root.addAppender(logged);
        root.setLevel(Level.DEBUG);
        Throwable failure;
        try (AwsPublisher publisher = new AwsPublisher(
                LogicalNames.from(Map.of("PORTABLEFN_DESTINATION_ORDERS", "arn:aws:sns:us-east-1:1:orders")::get),
                AwsClients.at(server.endpoint(), Region.US_EAST_1,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET)))
                        .withMaxAttempts(1))) {
            failure = catchThrowable(() -> publisher.publish("orders", "hello", Map.of()));
        }

        String authorization = server.requests().get(0).header("Authorization");
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        assertThat(signature).hasSize(64);
        assertThat(failure).isInstanceOf(PermanentFailure.class).hasMessageContaining("AuthorizationError")
                .hasMessageContaining("Signature=[REDACTED]");
        List<String> texts = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
        }
        for (ILoggingEvent event : logged.list) {
            if (!event.getLevel().isGreaterOrEqual(Level.INFO) && !event.getLoggerName().startsWith("dev.portablefn")) {
                continue;
            }
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
            }
        }
        assertThat(logged.list).as("logging was on: the SDK logged the call at DEBUG").isNotEmpty();
        assertThat(texts).noneMatch(text -> text.contains(SECRET)).noneMatch(text -> text.contains(signature));
    }
}
