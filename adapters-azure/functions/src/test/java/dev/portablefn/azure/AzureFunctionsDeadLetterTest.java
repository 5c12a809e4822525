package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without a dead-letter destination a permanent failure is thrown so the host poisons or dead-letters it; with one,
 * it is published there and the delegation returns; a failed publish throws again.
 */
class AzureFunctionsDeadLetterTest {

    /** Rejects permanently every event whose data mentions "reject". */
    static final class Picky implements EventFunction<String> {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(Event<String> event, Context context) {
            seen.add(event.data());
            if (event.data().contains("reject")) {
                throw new PermanentFailure("rejected " + event.id());
            }
        }
    }

    static final class Letters implements Publisher {
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final boolean failing;

        Letters(boolean failing) {
            this.failing = failing;
        }

        @Override
        public String publish(String destination, String body, Map<String, String> attributes) {
            if (failing) {
                throw new RetryableException("dead-letter queue unavailable");
            }
            bodies.add(body);
            return "letter-" + bodies.size();
        }
    }

    private static FakeExecutionContext context() {
        return FakeExecutionContext.builder().invocationId("inv-1").functionName("orders").build();
    }

    private static AzureFunctions azure(Picky function, Letters letters) {
        PortableFunction portable = PortableFunction.event(String.class, function);
        return AzureFunctions.of(letters == null ? portable : portable.withDeadLetter("orders-failed", letters));
    }

    @Test
    void permanentFailureOfAQueueMessageIsThrownSoTheHostRetriesThenPoisonsIt() {
        assertThatThrownBy(() -> azure(new Picky(), null).queue("reject", "m-1", 1, null, context()))
                .isInstanceOf(PermanentFailure.class).hasMessage("rejected m-1");
    }

    @Test
    void permanentFailureWithADeadLetterDestinationIsPublishedThereAndAcknowledged() {
        Letters letters = new Letters(false);

        azure(new Picky(), letters).queue("reject", "m-1", 2, null, context());

        assertThat(letters.bodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"reason\":\"rejected m-1\"", "\"provider\":\"AZURE\"", "\"function\":\"orders\"",
                        "\"attempt\":2", "\"id\":\"m-1\""));
    }

    @Test
    void aFailedDeadLetterPublishHandsTheEventBackToThePlatform() {
        assertThatThrownBy(() -> azure(new Picky(), new Letters(true)).queue("reject", "m-1", 1, null, context()))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void undecodableServiceBusMessageIsPublishedRawWithADeadLetterDestinationAndThrownWithout() {
        Letters letters = new Letters(false);
        Picky function = new Picky();

        azure(function, letters).serviceBusQueue("hello", "sb-1", 1, null, "{not json", context());

        assertThat(function.seen).isEmpty();
        assertThat(letters.bodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"id\":\"sb-1\"", "dev.portablefn.undecodable", "\"data\":\"hello\""));
        assertThatThrownBy(() -> azure(new Picky(), null).serviceBusQueue("hello", "sb-1", 1, null, "{not json", context()))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void eventHubsRecordsAfterADeadLetteredOneRunOnInTheSameInvocation() {
        Letters letters = new Letters(false);
        Picky function = new Picky();

        azure(function, letters).eventHubs(new String[] {"a", "reject", "c"}, null, null, null, context());

        assertThat(function.seen).containsExactly("a", "reject", "c");
        assertThat(letters.bodies).hasSize(1);
    }
}
