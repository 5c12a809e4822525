package dev.portablefn.doubles.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FakeLambdaContextTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void lambdaContextRemainingTimeFollowsTheClock() {
        ManualClock clock = new ManualClock();
        FakeLambdaContext context = FakeLambdaContext.builder().clock(clock).timeout(Duration.ofSeconds(3))
                .functionName("orders").requestId("r-1").build();

        clock.advance(Duration.ofMillis(1200));

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(1800);
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
        assertThat(context.getAwsRequestId()).isEqualTo("r-1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(context.getRemainingTimeInMillis()).isZero();
        context.getLogger().log("line");
        assertThat(context.logger().lines()).containsExactly("line");
    }

    @Test
    void fixedRemainingTimeNeverChangesAndTheRestHasTheDefaults() {
        FakeLambdaContext context = FakeLambdaContext.of("abc-123", "billing", 2_500);

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(2_500);
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(2_500);
        assertThat(context.getAwsRequestId()).isEqualTo("abc-123");
        assertThat(context.getFunctionName()).isEqualTo("billing");
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/billing");
        assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(128);
        assertThat(context.getIdentity()).isNull();
        assertThat(context.getClientContext()).isNull();
        assertThatThrownBy(() -> FakeLambdaContext.of("r", "f", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void builderRejectsImpossibleValuesNamingThem() {
        assertThatThrownBy(() -> FakeLambdaContext.builder().memoryLimitInMb(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimitInMb");
        assertThatThrownBy(() -> FakeLambdaContext.builder().timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void loggerKeepsLinesWithTheirLevelAndIsTheSameOnEveryCall() {
        FakeLambdaContext context = FakeLambdaContext.create();

        context.getLogger().log("plain");
        context.getLogger().log("warned", LogLevel.WARN);
        context.getLogger().log("bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(context.getLogger()).isSameAs(context.getLogger());
        assertThat(context.logger().lines()).containsExactly("plain", "[WARN] warned", "bytes");
        assertThat(context.getFunctionName()).isEqualTo("test-function");
        assertThat(context.getRemainingTimeInMillis()).isBetween(1, 3_000);
    }
}
