package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portablefn.api.Provider;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order messages in LocalCloud, the in-memory cloud that retries and dead-letters like the real ones. */
class OrderPlacedTest {

    record Confirmation(String order, String item, int quantity) {
    }

    private static LocalCloud cloud() {
        LocalCloud cloud = LocalCloud.like(Provider.LOCAL).createQueue("orders").createTopic("confirmations")
                .createQueue("confirmed").subscribe("confirmations", "confirmed");
        return cloud.deploy("order-placed", new OrderPlaced(cloud.publisher())).subscribe("orders", "order-placed");
    }

    @Test
    void aPlacedOrderIsConfirmed() {
        LocalCloud cloud = cloud();

        String id = cloud.send("orders", "{\"item\":\"book\",\"quantity\":2}");
        cloud.awaitQuiescence();

        Confirmation confirmation = cloud.messages("confirmed", Confirmation.class).get(0).data();
        assertEquals(new Confirmation(id, "book", 2), confirmation);
    }

    @Test
    void anInvalidOrderIsDeadLetteredNotLost() {
        LocalCloud cloud = cloud();

        String id = cloud.send("orders", "{\"item\":\"\",\"quantity\":0}");
        cloud.awaitQuiescence();
        cloud.advance(Duration.ofHours(1));

        assertTrue(cloud.deadLetters("orders").stream().anyMatch(letter -> letter.messageId().equals(id)),
                () -> "dead letters: " + cloud.deadLetters());
        assertTrue(cloud.messages("confirmed").isEmpty());
    }
}
