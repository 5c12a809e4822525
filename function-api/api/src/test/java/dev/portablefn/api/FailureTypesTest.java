package dev.portablefn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.portablefn.api.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureTypesTest {

    @Test
    void permanentFailureDefaultsTo400() {
        IllegalStateException cause = new IllegalStateException("x");

        assertThat(new PermanentFailure("bad").status()).isEqualTo(400);
        assertThat(new PermanentFailure("bad", cause).getCause()).isSameAs(cause);
        assertThat(PermanentFailure.withStatus(404, "no course 7").status()).isEqualTo(404);
        assertThat(PermanentFailure.withStatus(404, "no course 7")).hasMessage("no course 7");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 399, 500, 503})
    void permanentFailureNeeds4xx(int status) {
        assertThatIllegalArgumentException().isThrownBy(() -> PermanentFailure.withStatus(status, "x"))
                .withMessageContaining(String.valueOf(status));
    }

    @Test
    void invalidInputCopiesViolationsAndKeepsStatus() {
        List<Violation> violations = new ArrayList<>(List.of(new Violation("a", "b")));

        InvalidInputException invalid = new InvalidInputException(415, "msg", violations, null);
        violations.clear();

        assertThat(invalid.status()).isEqualTo(415);
        assertThat(invalid.violations()).containsExactly(new Violation("a", "b"));
        assertThat(new InvalidInputException("m", List.of(), null).status()).isEqualTo(400);
    }

    @Test
    void hierarchyTellsTheLibraryHowToClassify() {
        assertThat(new EventDecodingException("SQS record 3: 'body' is missing")).isInstanceOf(PermanentFailure.class);
        assertThat(new EventDecodingException("m", new RuntimeException()).status()).isEqualTo(400);
        assertThat(new InvalidInputException("m", List.of(), null)).isInstanceOf(PermanentFailure.class);
        assertThat(new RetryableException("busy")).isInstanceOf(PortableFunctionException.class)
                .isNotInstanceOf(PermanentFailure.class);
        assertThat(new RetryableException("busy", new RuntimeException("c")).getCause()).hasMessage("c");
        assertThat(new PortableFunctionException("m", null)).isInstanceOf(RuntimeException.class);
    }
}
