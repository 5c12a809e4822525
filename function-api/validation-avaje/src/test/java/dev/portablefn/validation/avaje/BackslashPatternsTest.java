package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackslashPatternsTest {

    record Plain(@Pattern(regexp = "[a-z]+") String name) {
    }

    record Repeated(@Pattern(regexp = "[a-z]+") @Pattern(regexp = "[^\\s]+") String name) {
    }

    record Elements(List<@Pattern(regexp = "\\d+") String> codes) {
    }

    record Nested(List<Repeated> entries) {
    }

    @Test
    void aTypeWhosePatternsHaveNoBackslashIsNotReported() {
        assertThat(BackslashPatterns.find(Plain.class)).isNull();
    }

    @Test
    void aBackslashInARepeatedPatternIsFound() {
        assertThat(BackslashPatterns.find(Repeated.class)).isEqualTo("Repeated.name");
    }

    @Test
    void aBackslashInAPatternOnATypeArgumentIsFound() {
        assertThat(BackslashPatterns.find(Elements.class)).isEqualTo("Elements.codes");
    }

    @Test
    void aBackslashInANestedTypeIsFound() {
        assertThat(BackslashPatterns.find(Nested.class)).isEqualTo("Repeated.name");
    }
}
