package dev.portablefn.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Provider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One change in the declaration reaches every provider's output that can carry it, and nothing else changes. */
class ChangingOneFunctionTest {

    private final Application declared = SampleApplication.declared();

    @Test
    void changingOneFunctionsTimeoutShowsInAllThreeOutputs() {
        Application changed = declared.with(declared.function("nightly").withTimeout(Duration.ofMinutes(7)));

        assertThat(Rendered.samFunctions(Rendered.sam(declared)).get("nightly").get("Timeout").asInt()).isEqualTo(300);
        assertThat(Rendered.samFunctions(Rendered.sam(changed)).get("nightly").get("Timeout").asInt()).isEqualTo(420);
        assertThat(Rendered.option(Rendered.gcloudDeploys(Rendered.script(declared)).get("nightly"), "timeout"))
                .isEqualTo("300s");
        assertThat(Rendered.option(Rendered.gcloudDeploys(Rendered.script(changed)).get("nightly"), "timeout"))
                .isEqualTo("420s");
        // Azure's timeout is the host's: the longest function's.
        assertThat(Rendered.hostJson(declared).get("functionTimeout").asText()).isEqualTo("00:05:00");
        assertThat(Rendered.hostJson(changed).get("functionTimeout").asText()).isEqualTo("00:07:00");
        assertThat(Rendered.hostJson(changed).at("/extensions/serviceBus/maxAutoLockRenewalDuration").asText())
                .isEqualTo("00:07:00");
    }

    @Test
    void changingOneFunctionsTimeoutChangesNoOtherFunction() {
        Application changed = declared.with(declared.function("orders").withTimeout(Duration.ofSeconds(25)));

        var before = Rendered.samFunctions(Rendered.sam(declared));
        var after = Rendered.samFunctions(Rendered.sam(changed));
        assertThat(after.get("orders").get("Timeout").asInt()).isEqualTo(25);
        after.remove("orders");
        before.remove("orders");
        assertThat(after).isEqualTo(before);
        assertThat(Rendered.option(Rendered.gcloudDeploys(Rendered.script(changed)).get("orders"), "timeout"))
                .isEqualTo("25s");
    }

    @Test
    void changingOneFunctionsMemoryShowsOnAwsAndGcpWhileAzuresIsThePlans() {
        Application changed = declared.with(declared.function("orders").withMemoryMb(2048));

        assertThat(Rendered.samFunctions(Rendered.sam(changed)).get("orders").get("MemorySize").asInt()).isEqualTo(2048);
        assertThat(Rendered.option(Rendered.gcloudDeploys(Rendered.script(changed)).get("orders"), "memory"))
                .isEqualTo("2Gi");
        assertThat(Rendered.option(Rendered.gcloudDeploys(Rendered.script(declared)).get("orders"), "memory"))
                .isEqualTo("512Mi");
        assertThat(Rendered.files(changed, Provider.AZURE)).isEqualTo(Rendered.files(declared, Provider.AZURE));
    }
}
