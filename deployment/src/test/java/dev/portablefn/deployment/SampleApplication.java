package dev.portablefn.deployment;

import java.time.Duration;

/** A declaration with one function of each trigger, its settings and its resources. */
final class SampleApplication {

    static final String ENTRIES = SampleFunctions.class.getName() + "#";

    private SampleApplication() {
    }

    static Application declared() {
        return Application.builder("shop")
                .topic("billing")
                .queue("refunds")
                .bucket("uploads")
                .schedule("nightly", "0 2 * * *", "UTC")
                .deadLetterQueue("billing-dlq")
                .deadLetterQueue("refunds-dlq")
                .setting("PORTABLEFN_LOG_FORMAT", "json")
                .function(FunctionSpec.of("orders", ENTRIES + "orders",
                                TriggerSpec.http("GET /orders", "POST /orders", "GET /orders/{id}"))
                        .withMemoryMb(512).withTimeout(Duration.ofSeconds(10)).withMaxConcurrency(20)
                        .withPublishing("billing").withSetting("CURRENCY", "EUR"))
                .function(FunctionSpec.of("billing", ENTRIES + "billing", TriggerSpec.topic("billing"))
                        .withTimeout(Duration.ofSeconds(30)).withMaxConcurrency(5).withRetries(4)
                        .withDeadLetter("billing-dlq"))
                .function(FunctionSpec.of("refunds", ENTRIES + "refunds", TriggerSpec.queue("refunds"))
                        .withRetries(3).withDeadLetter("refunds-dlq").withMaxConcurrency(3))
                .function(FunctionSpec.of("uploads", ENTRIES + "uploads", TriggerSpec.bucket("uploads", "incoming/"))
                        .withMemoryMb(256).withTimeout(Duration.ofMinutes(1)).withBucket("uploads"))
                .function(FunctionSpec.of("nightly", ENTRIES + "nightly", TriggerSpec.schedule("nightly"))
                        .withMemoryMb(1024).withTimeout(Duration.ofMinutes(5)).withMaxConcurrency(1).withRetries(4))
                .build();
    }
}
