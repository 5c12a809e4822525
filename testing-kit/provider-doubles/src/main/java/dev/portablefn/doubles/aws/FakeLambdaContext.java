package dev.portablefn.doubles.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A Lambda {@link Context} for tests and benchmarks: a request id, function name and ARN you choose, the time left
 * either counted down on a clock you control ({@link #builder()}) or fixed ({@link #of(String, String, int)}), and a
 * {@link FakeLambdaLogger} that records what is logged. {@link #create()} has the defaults of a freshly started
 * 128 MB function with a 3 s timeout.
 */
public final class FakeLambdaContext implements Context {

    private final String requestId;
    private final String functionName;
    private final String functionVersion;
    private final String region;
    private final String accountId;
    private final int memoryLimitInMb;
    /** {@code null} when the remaining time is fixed. */
    private final Clock clock;
    private final long deadlineMillis;
    private final int fixedRemainingMillis;
    private LambdaLogger logger;

    private FakeLambdaContext(String requestId, String functionName, String functionVersion, String region,
                              String accountId, int memoryLimitInMb, Clock clock, long deadlineMillis,
                              int fixedRemainingMillis) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.region = region;
        this.accountId = accountId;
        this.memoryLimitInMb = memoryLimitInMb;
        this.clock = clock;
        this.deadlineMillis = deadlineMillis;
        this.fixedRemainingMillis = fixedRemainingMillis;
    }

    /**
     * Makes a context with every default.
     *
     * @return a context for {@code test-function}, request {@code test-request-1}, 3 s left on the system clock
     */
    public static FakeLambdaContext create() {
        return builder().build();
    }

    /**
     * Makes a context whose remaining time never changes, as if the function's clock stood still: for tests that
     * compare a deadline exactly and for benchmarks, where reading a clock per call would be charged to the code
     * under measurement. The other values are those of {@link #create()}.
     *
     * @param requestId             the {@code awsRequestId}
     * @param functionName          the function name
     * @param remainingTimeInMillis what {@link #getRemainingTimeInMillis()} answers on every call
     * @return the context
     * @throws IllegalArgumentException if the remaining time is negative
     */
    public static FakeLambdaContext of(String requestId, String functionName, int remainingTimeInMillis) {
        if (remainingTimeInMillis < 0) {
            throw new IllegalArgumentException("remainingTimeInMillis must be zero or positive, got " + remainingTimeInMillis);
        }
        return new FakeLambdaContext(Objects.requireNonNull(requestId, "requestId"),
                Objects.requireNonNull(functionName, "functionName"), Builder.VERSION, Builder.REGION, Builder.ACCOUNT,
                Builder.MEMORY_MB, null, 0, remainingTimeInMillis);
    }

    /**
     * Starts a context from the defaults of {@link #create()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells the request id.
     *
     * @return the request id
     */
    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    /**
     * Tells the log group, named after the function as Lambda names it.
     *
     * @return {@code /aws/lambda/<function name>}
     */
    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    /**
     * Tells the log stream, shaped like Lambda's ({@code date/[version]instance}).
     *
     * @return the log stream name
     */
    @Override
    public String getLogStreamName() {
        return "2024/01/01/[" + functionVersion + "]0123456789abcdef0123456789abcdef";
    }

    /**
     * Tells the function name.
     *
     * @return the function name
     */
    @Override
    public String getFunctionName() {
        return functionName;
    }

    /**
     * Tells the function version.
     *
     * @return the version, {@code $LATEST} unless set
     */
    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    /**
     * Tells the ARN the function was invoked by.
     *
     * @return {@code arn:aws:lambda:<region>:<account>:function:<name>}
     */
    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    /**
     * Tells the Cognito identity of a mobile caller.
     *
     * @return {@code null}: fake invocations come from no Cognito identity
     */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /**
     * Tells the mobile client context.
     *
     * @return {@code null}: fake invocations come from no mobile client
     */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /**
     * Tells how long the function may still run.
     *
     * @return the fixed remaining time, or the milliseconds from the clock's current instant to the deadline, never
     *         negative
     */
    @Override
    public int getRemainingTimeInMillis() {
        if (clock == null) {
            return fixedRemainingMillis;
        }
        long millis = deadlineMillis - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
    }

    /**
     * Tells the configured memory.
     *
     * @return the memory limit in MB
     */
    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    /**
     * Gives the logger that writes to the function's log stream.
     *
     * @return the same recording logger on every call; {@link #logger()} gives it with the lines it recorded
     */
    @Override
    public synchronized LambdaLogger getLogger() {
        // Made on first use, by a factory typed as the interface, so a context nobody logs through loads no logger
        // class, not even LambdaLogger (the cold-start benchmark counts the classes its context loads).
        if (logger == null) {
            logger = FakeLambdaLogger.create();
        }
        return logger;
    }

    /**
     * Gives the recording logger, to read what was logged.
     *
     * @return the logger {@link #getLogger()} gives
     */
    public FakeLambdaLogger logger() {
        return (FakeLambdaLogger) getLogger();
    }

    /**
     * Describes this double briefly.
     *
     * @return the function name and request id, for test failure messages
     */
    @Override
    public String toString() {
        return "FakeLambdaContext{" + functionName + ", " + requestId + "}";
    }

    /** Changes the defaults of a {@link FakeLambdaContext}; the deadline is set when {@link #build()} is called. */
    public static final class Builder {
        private static final String VERSION = "$LATEST";
        private static final String REGION = "us-east-1";
        private static final String ACCOUNT = "123456789012";
        private static final int MEMORY_MB = 128;

        private String requestId = "test-request-1";
        private String functionName = "test-function";
        private String functionVersion = VERSION;
        private String region = REGION;
        private int memoryLimitInMb = MEMORY_MB;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(3);

        private Builder() {
        }

        /**
         * Sets the request id.
         *
         * @param id the {@code awsRequestId}
         * @return this builder
         */
        public Builder requestId(String id) {
            this.requestId = Objects.requireNonNull(id, "requestId");
            return this;
        }

        /**
         * Sets the function name.
         *
         * @param name the function name
         * @return this builder
         */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name, "functionName");
            return this;
        }

        /**
         * Sets the function version.
         *
         * @param version the version, {@code $LATEST} by default
         * @return this builder
         */
        public Builder functionVersion(String version) {
            this.functionVersion = Objects.requireNonNull(version, "functionVersion");
            return this;
        }

        /**
         * Sets the region named in the function's ARN.
         *
         * @param region the region, {@code us-east-1} by default
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets the configured memory.
         *
         * @param memory the memory limit in MB, 128 by default
         * @return this builder
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder memoryLimitInMb(int memory) {
            if (memory <= 0) {
                throw new IllegalArgumentException("memoryLimitInMb must be positive, got " + memory);
            }
            this.memoryLimitInMb = memory;
            return this;
        }

        /**
         * Sets the clock the remaining time is counted down on.
         *
         * @param clock the clock; one the test advances makes the remaining time shrink on demand
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the time left when the context is built.
         *
         * @param timeout the time left, 3 s by default
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null} or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Builds the context; its deadline is the clock's current instant plus the timeout.
         *
         * @return the context
         */
        public FakeLambdaContext build() {
            return new FakeLambdaContext(requestId, functionName, functionVersion, region, ACCOUNT, memoryLimitInMb,
                    clock, clock.millis() + timeout.toMillis(), 0);
        }
    }
}
