package dev.portablefn.resilience;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequirementTest {

    @Test
    void missingModuleIsAClearErrorNamingTheDependency() {
        assertThatThrownBy(() -> Requirement.require("io.github.resilience4j.nothing.Missing",
                "io.github.resilience4j:resilience4j-nothing", "CallPolicy.nothing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add io.github.resilience4j:resilience4j-nothing")
                .hasMessageContaining("CallPolicy.nothing");
    }

    @Test
    void presentModulesPass() {
        assertThatCode(() -> {
            Requirement.require(Requirement.CORE, "core", "x");
            Requirement.require(Requirement.RETRY, "retry", "x");
            Requirement.require(Requirement.CIRCUIT_BREAKER, "cb", "x");
            Requirement.require(Requirement.BULKHEAD, "bh", "x");
            Requirement.require(Requirement.TIME_LIMITER, "tl", "x");
        }).doesNotThrowAnyException();
    }
}
