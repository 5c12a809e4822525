package dev.portablefn.examples.email.domains;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.examples.email.parsing.ExtractedAddresses;
import dev.portablefn.examples.email.parsing.Mailbox;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Subscriber on the addresses topic that counts distinct addresses per domain in each e-mail
 * (sender and recipients).
 */
public final class DomainCounter implements EventFunction<ExtractedAddresses> {

    private final DomainCountRepository counts;

    /** @param counts where the counts are kept */
    public DomainCounter(DomainCountRepository counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    @Override
    public void handle(Event<ExtractedAddresses> event, Context context) {
        ExtractedAddresses addresses = event.data();
        Map<String, Integer> perDomain = count(addresses);
        if (counts.add(addresses.messageId(), perDomain)) {
            context.logger().info("counted domains {} from {}", perDomain, addresses.messageId());
        } else {
            context.logger().info("{} was counted before; repeated delivery ignored", addresses.messageId());
        }
    }

    static Map<String, Integer> count(ExtractedAddresses addresses) {
        Map<String, Integer> perDomain = new TreeMap<>();
        Stream.concat(Stream.of(addresses.sender()), addresses.recipients().stream())
                .map(m -> m.address().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .map(address -> new Mailbox(address, null).domain())
                .filter(domain -> !domain.isEmpty())
                .forEach(domain -> perDomain.merge(domain, 1, Integer::sum));
        return perDomain;
    }
}
