package dev.portablefn.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One function of an {@link Application}: its name, its entry (a static factory returning the portable function),
 * one trigger, and what each provider should give it. Immutable: the {@code with…} methods return copies.
 *
 * <p>Start from {@link #of(String, String, TriggerSpec)}: 512 MB, a 30 s timeout, no concurrency cap, 2 retries of a
 * failed event, no dead-letter queue, no settings. What each provider does with a value is on its {@code with…}
 * method; a value a provider cannot honour is refused by {@link Render} with a {@link DeclarationException} naming
 * the field.
 *
 * @param name           the function's name on every provider (lower case, digits and '-')
 * @param entry          {@code "fully.qualified.Class#method"}: a public static method without parameters returning
 *                       an {@code HttpFunction}, {@code EventFunction}, {@code BatchFunction} or {@code PortableFunction}
 * @param trigger        what invokes it
 * @param memoryMb       its memory in MB (AWS MemorySize, GCP --memory; Azure's is the plan's, not rendered)
 * @param timeout        how long one invocation may run (Azure: the host's functionTimeout is the longest of all)
 * @param maxConcurrency the most instances or invocations at once, 0 for no cap
 * @param retries        how often a failed event is retried before it is dead-lettered or dropped
 * @param deadLetter     the dead-letter queue, declared in the application, a failed event is kept in
 * @param publishesTo    the logical topics and queues it publishes to ({@code Publisher.registered()})
 * @param reads          the logical buckets it reads ({@code BlobStore.registered()})
 * @param environment    settings of its own, beside the application's
 */
public record FunctionSpec(String name, String entry, TriggerSpec trigger, int memoryMb, Duration timeout,
                           int maxConcurrency, int retries, Optional<String> deadLetter, List<String> publishesTo,
                           List<String> reads, Map<String, String> environment) {

    /** @throws NullPointerException when a reference is null */
    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadLetter, "deadLetter");
        publishesTo = List.copyOf(publishesTo);
        reads = List.copyOf(reads);
        environment = Map.copyOf(environment);
    }

    /**
     * @param name    the function's name
     * @param entry   {@code "fully.qualified.Class#method"}, checked when rendering
     * @param trigger what invokes it; a missing one is refused when rendering
     * @return the function with the defaults
     */
    public static FunctionSpec of(String name, String entry, TriggerSpec trigger) {
        return new FunctionSpec(name, entry, trigger, 512, Duration.ofSeconds(30), 0, 2, Optional.empty(), List.of(),
                List.of(), Map.of());
    }

    /**
     * @param megabytes AWS: 128 to 10,240; GCP: one of 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768
     * @return a copy with this memory
     */
    public FunctionSpec withMemoryMb(int megabytes) {
        return new FunctionSpec(name, entry, trigger, megabytes, timeout, maxConcurrency, retries, deadLetter,
                publishesTo, reads, environment);
    }

    /**
     * @param limit AWS: at most 15 min; GCP: 60 min for HTTP, 9 min for events; Azure (Consumption plan): 10 min
     * @return a copy with this timeout
     */
    public FunctionSpec withTimeout(Duration limit) {
        return new FunctionSpec(name, entry, trigger, memoryMb, limit, maxConcurrency, retries, deadLetter,
                publishesTo, reads, environment);
    }

    /**
     * @param cap AWS ReservedConcurrentExecutions, GCP --max-instances; on Azure the host caps each kind of trigger
     *            at the largest cap among its functions ({@code http.maxConcurrentRequests},
     *            {@code serviceBus.maxConcurrentCalls})
     * @return a copy with this concurrency cap
     */
    public FunctionSpec withMaxConcurrency(int cap) {
        return new FunctionSpec(name, entry, trigger, memoryMb, timeout, cap, retries, deadLetter, publishesTo, reads,
                environment);
    }

    /**
     * @param count retries of a failed event. Lambda retries an asynchronous invocation (SNS, S3, schedule) at most
     *              twice, so AWS renders the smaller of the two; Pub/Sub dead-letters after 5 to 100 delivery
     *              attempts, so GCP renders at least 5; Azure's host.json retries the largest count of its functions.
     *              Rendering refuses a negative count or more than 99.
     * @return a copy with this retry count
     */
    public FunctionSpec withRetries(int count) {
        return new FunctionSpec(name, entry, trigger, memoryMb, timeout, maxConcurrency, count, deadLetter,
                publishesTo, reads, environment);
    }

    /**
     * @param queue a dead-letter queue the application declares ({@link Application.Builder#deadLetterQueue}):
     *              AWS keeps failed asynchronous events there (and SNS its undeliverable ones); GCP makes it the
     *              dead-letter topic of the function's Pub/Sub subscription; Azure Service Bus keeps its own
     *              dead-letter sub-queue, so nothing is rendered there
     * @return a copy that keeps failed events in the queue
     */
    public FunctionSpec withDeadLetter(String queue) {
        return new FunctionSpec(name, entry, trigger, memoryMb, timeout, maxConcurrency, retries,
                Optional.of(queue), publishesTo, reads, environment);
    }

    /**
     * @param destination a topic or queue the application declares; the function gets the
     *                    {@code PORTABLEFN_DESTINATION_<NAME>} setting mapping it, and on AWS the policy to publish
     * @return a copy that publishes to it
     */
    public FunctionSpec withPublishing(String destination) {
        List<String> more = new ArrayList<>(publishesTo);
        more.add(destination);
        return new FunctionSpec(name, entry, trigger, memoryMb, timeout, maxConcurrency, retries, deadLetter, more,
                reads, environment);
    }

    /**
     * @param bucket a bucket the application declares; the function gets the {@code PORTABLEFN_BUCKET_<NAME>}
     *               setting mapping it, and on AWS the policy to read it
     * @return a copy that reads the bucket
     */
    public FunctionSpec withBucket(String bucket) {
        List<String> more = new ArrayList<>(reads);
        more.add(bucket);
        return new FunctionSpec(name, entry, trigger, memoryMb, timeout, maxConcurrency, retries, deadLetter,
                publishesTo, more, environment);
    }

    /**
     * @param name  an environment variable's name
     * @param value its value on every provider
     * @return a copy with this setting (replacing one of the same name)
     */
    public FunctionSpec withSetting(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(name, value);
        return new FunctionSpec(this.name, entry, trigger, memoryMb, timeout, maxConcurrency, retries, deadLetter,
                publishesTo, reads, more);
    }
}
