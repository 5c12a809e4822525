package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void permanentFailuresAreClassifiedPermanent() {
        assertThat(Outcome.failure(new PermanentFailure("x")).status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(Outcome.failure(new InvalidInputException("x", List.of(), null)).status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(Outcome.failure(new EventDecodingException("x")).status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
    }

    @Test
    void everythingElseIsRetryable() {
        assertThat(Outcome.failure(new RetryableException("x")).status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(Outcome.failure(new IllegalStateException("x")).status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(Outcome.failure(new OutOfMemoryError()).isSuccess()).isFalse();
        assertThat(Outcome.isPermanent(new RuntimeException())).isFalse();
    }

    @Test
    void successHasNoFailureAndFailuresNeedOne() {
        assertThat(Outcome.success().isSuccess()).isTrue();
        assertThat(Outcome.success().failure()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcome(Outcome.Status.SUCCEEDED, new RuntimeException()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcome(Outcome.Status.RETRYABLE_FAILURE, null))
                .withMessage("RETRYABLE_FAILURE outcome needs a failure");
        assertThatNullPointerException().isThrownBy(() -> Outcome.failure(null));
    }

    @Test
    void decodedEventsAreCopiedAndNeedOrdering() {
        List<dev.portablefn.api.Event<?>> events = new ArrayList<>(List.of(dev.portablefn.api.Event.builder().id("1").source("s")
                .type("t").trigger(Trigger.QUEUE).build()));

        Decoded.Events decoded = new Decoded.Events(events, Ordering.ORDERED, true);
        events.clear();

        assertThat(decoded.events()).hasSize(1);
        assertThat(decoded.batch()).isTrue();
        assertThatNullPointerException().isThrownBy(() -> new Decoded.Events(List.of(), null, false));
        assertThatNullPointerException().isThrownBy(() -> new Decoded.Http(null));
        assertThat(new Decoded.Http(HttpRequest.builder().build()).request().method()).isEqualTo("GET");
    }
}
