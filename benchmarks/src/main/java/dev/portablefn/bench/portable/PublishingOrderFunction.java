package dev.portablefn.bench.portable;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.Receipt;
import java.util.Objects;

/**
 * The portable side of the cold-start variant {@code publish}: what {@link OrderHttpFunction} does, plus one message
 * per invocation. It binds the body to an {@link Order}, publishes its {@link Receipt} as JSON to the logical
 * destination {@value #DESTINATION} and answers the receipt.
 */
public final class PublishingOrderFunction implements HttpFunction {

    /** The logical destination; a deployment maps it with {@code PORTABLEFN_DESTINATION_ORDERS}. */
    public static final String DESTINATION = "orders";

    private final Publisher publisher;

    /** Publishes through the provider module the deployment carries ({@link Publisher#registered()}). */
    public PublishingOrderFunction() {
        this(Publisher.registered());
    }

    /**
     * Publishes through the given publisher (a test's).
     *
     * @param publisher where the receipts go
     */
    public PublishingOrderFunction(Publisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        Receipt receipt = Receipt.of(request.bodyAs(Order.class));
        publisher.publish(DESTINATION, receipt);
        return HttpResponse.ok().json(receipt);
    }
}
