package dev.portablefn.azure.sdk;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a logical destination goes, read from its {@code PORTABLEFN_DESTINATION_<NAME>} setting by one rule: the
 * value names the service, a colon, and the resource — {@code servicebus:ENTITY} (a queue or topic),
 * {@code eventgrid:https://TOPIC.REGION-1.eventgrid.azure.net/api/events} or {@code storagequeue:QUEUE}.
 *
 * @param kind   the service
 * @param target the entity name, topic endpoint or queue name
 */
record Destination(Kind kind, String target) {

    /** An example setting value, for the message that asks for a missing one. */
    static final String EXAMPLE = "servicebus:orders";

    /** The services a destination can be on. */
    enum Kind {
        SERVICE_BUS("servicebus:"), EVENT_GRID("eventgrid:"), STORAGE_QUEUE("storagequeue:");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * Reads a destination setting.
     *
     * @param logical the logical destination, for the message
     * @param value   the setting's value
     * @return the destination
     * @throws PermanentFailure naming the setting and the accepted forms when the value follows no rule
     */
    static Destination parse(String logical, String value) {
        for (Kind kind : Kind.values()) {
            if (value.regionMatches(true, 0, kind.prefix, 0, kind.prefix.length())) {
                String target = value.substring(kind.prefix.length()).strip();
                if (!target.isEmpty() && (kind != Kind.EVENT_GRID || isHttpUrl(target))) {
                    return new Destination(kind, target);
                }
            }
        }
        throw new PermanentFailure(LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, logical) + "='"
                + OutboundCalls.redact(value) + "' does not name an Azure destination for '" + logical + "': use"
                + " servicebus:ENTITY (a Service Bus queue or topic), eventgrid:https://TOPIC.REGION-1.eventgrid.azure.net"
                + "/api/events (an Event Grid topic) or storagequeue:QUEUE (a Storage queue)");
    }

    private static boolean isHttpUrl(String target) {
        try {
            URI uri = new URI(target);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
