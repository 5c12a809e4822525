package dev.portablefn.testing.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A table's documents changes reach its subscriber in order, as each provider's change feed delivers them: created,
 * updated with the document before, deleted — except on Azure, whose Cosmos DB change feed carries only upserts.
 */
class LocalCloudTablesTest {

    @SuppressWarnings("rawtypes")
    static final class Changes implements EventFunction<DocumentChange> {
        final List<Event<DocumentChange>> seen = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Event<DocumentChange> event, Context context) {
            seen.add(event);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Changes run(Provider provider) {
        Changes changes = new Changes();
        LocalCloud cloud = LocalCloud.like(provider)
                .deploy("catalogue", PortableFunction.event(DocumentChange.class, changes))
                .createTable("courses").subscribe("courses", "catalogue");
        cloud.putDocument("courses", "c-1", Map.of("title", "Intro", "seats", 40));
        cloud.putDocument("courses", "c-1", Map.of("title", "Intro", "seats", 41));
        cloud.deleteDocument("courses", "c-1");
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();
        assertThat(cloud.deadLetters()).isEmpty();
        return changes;
    }

    private static int seats(Object document) {
        return ((JsonNode) document).get("seats").asInt();
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"LOCAL", "AWS", "GCP"})
    @SuppressWarnings("rawtypes")
    void createUpdateAndDeleteArriveInOrderWithTheDocumentBefore(Provider provider) {
        List<Event<DocumentChange>> seen = run(provider).seen;

        assertThat(seen).extracting(Event::trigger).containsOnly(Trigger.DATABASE);
        assertThat(seen).extracting(event -> event.data().kind()).containsExactly(DocumentChange.Kind.CREATED,
                DocumentChange.Kind.UPDATED, DocumentChange.Kind.DELETED);
        assertThat(seen).extracting(event -> event.data().collection()).containsOnly("courses");
        assertThat(seen).extracting(event -> event.data().key()).containsOnly(Map.of("id", "c-1"));
        assertThat(seats(seen.get(1).data().before())).isEqualTo(40);
        assertThat(seats(seen.get(1).data().after())).isEqualTo(41);
        assertThat(seats(seen.get(2).data().before())).isEqualTo(41);
        assertThat(seen.get(2).data().after()).isNull();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void onAzureEveryChangeIsAnUpsertAndADeletionSendsNothing() {
        List<Event<DocumentChange>> seen = run(Provider.AZURE).seen;

        assertThat(seen).extracting(event -> event.data().kind()).containsExactly(DocumentChange.Kind.UPSERTED,
                DocumentChange.Kind.UPSERTED);
        assertThat(seats(seen.get(1).data().after())).isEqualTo(41);
    }

    @Test
    void aDocumentMustBeAJsonObjectAndTheTableMustExist() {
        LocalCloud cloud = LocalCloud.create().createTable("courses");

        assertThatThrownBy(() -> cloud.putDocument("courses", "c-1", "just text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> cloud.putDocument("lessons", "l-1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lessons");
        assertThat(cloud.deleteDocument("courses", "never-stored")).isNull();
    }
}
