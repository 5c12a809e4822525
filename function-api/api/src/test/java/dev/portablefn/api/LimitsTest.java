package dev.portablefn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void defaultsAreDocumentedValues() {
        Limits limits = Limits.defaults();

        assertThat(limits.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(limits.maxBatchSize()).isEqualTo(10_000);
        assertThat(limits.maxJsonDepth()).isEqualTo(200);
        assertThat(limits.maxStringLength()).isEqualTo(20 * 1024 * 1024);
        assertThat(limits.maxNumberLength()).isEqualTo(1000);
        assertThat(limits.maxQueryParameters()).isEqualTo(1000);
        assertThat(limits.maxHeaders()).isEqualTo(200);
    }

    @Test
    void withersChangeOneLimit() {
        Limits limits = Limits.defaults().withMaxBodyBytes(1).withMaxBatchSize(2).withMaxJsonDepth(3)
                .withMaxStringLength(4).withMaxNumberLength(5).withMaxQueryParameters(6).withMaxHeaders(7);

        assertThat(limits).isEqualTo(new Limits(1, 2, 3, 4, 5, 6, 7));
        assertThat(Limits.defaults().maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void limitsMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxBodyBytes(0))
                .withMessageContaining("every limit must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxBatchSize(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxJsonDepth(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxStringLength(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxNumberLength(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxQueryParameters(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withMaxHeaders(0));
    }
}
