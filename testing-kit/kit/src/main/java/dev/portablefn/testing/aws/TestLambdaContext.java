package dev.portablefn.testing.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Lambda {@link Context} for tests: a request id, function name and ARN you choose, a deadline on a
 * clock you control (so {@link #getRemainingTimeInMillis()} shrinks as the clock moves), and a
 * {@link TestLambdaLogger} that records what is logged. {@code TestLambdaContext.create()} has defaults
 * like a freshly started 128 MB function with a 3 s timeout; {@link #builder()} changes them.
 */
public final class TestLambdaContext implements Context {

    private final String requestId;
    private final String functionName;
    private final String functionVersion;
    private final String region;
    private final String accountId;
    private final int memoryLimitInMb;
    private final Clock clock;
    private final Instant deadline;
    private final TestLambdaLogger logger = new TestLambdaLogger();

    private TestLambdaContext(Builder builder) {
        this.requestId = builder.requestId;
        this.functionName = builder.functionName;
        this.functionVersion = builder.functionVersion;
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.memoryLimitInMb = builder.memoryLimitInMb;
        this.clock = builder.clock;
        this.deadline = clock.instant().plus(builder.timeout);
    }

    /** @return a context for {@code test-function}, request {@code test-request-1}, 3 s left on the system clock */
    public static TestLambdaContext create() {
        return builder().build();
    }

    /** @return a builder starting from the defaults of {@link #create()} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2024/01/01/[" + functionVersion + "]0123456789abcdef0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    /** @return {@code null}: test invocations come from no Cognito identity */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** @return {@code null}: test invocations come from no mobile client */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** @return the milliseconds from the clock's current instant to the deadline, never negative */
    @Override
    public int getRemainingTimeInMillis() {
        long millis = Duration.between(clock.instant(), deadline).toMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public TestLambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String toString() {
        return "TestLambdaContext{" + functionName + ", " + requestId + "}";
    }

    /** Changes the defaults of a {@link TestLambdaContext}. */
    public static final class Builder {
        private String requestId = "test-request-1";
        private String functionName = "test-function";
        private String functionVersion = "$LATEST";
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int memoryLimitInMb = 128;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(3);

        private Builder() {
        }

        /** @param id the {@code awsRequestId} @return this builder */
        public Builder requestId(String id) {
            this.requestId = Objects.requireNonNull(id, "requestId");
            return this;
        }

        /** @param name the function name @return this builder */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name, "functionName");
            return this;
        }

        /** @param version the function version, {@code $LATEST} by default @return this builder */
        public Builder functionVersion(String version) {
            this.functionVersion = Objects.requireNonNull(version, "functionVersion");
            return this;
        }

        /** @param region the region in the ARN @return this builder */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** @param memory the memory limit in MB @return this builder */
        public Builder memoryLimitInMb(int memory) {
            if (memory <= 0) {
                throw new IllegalArgumentException("memoryLimitInMb must be positive, got " + memory);
            }
            this.memoryLimitInMb = memory;
            return this;
        }

        /** @param clock the clock the remaining time is measured on (a {@code TestClock} to control it) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param timeout the time left when the context is built @return this builder */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** @return the context */
        public TestLambdaContext build() {
            return new TestLambdaContext(this);
        }
    }
}
