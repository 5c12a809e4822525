package dev.portablefn.examples.email.domains;

import java.util.Map;

/** Counts addresses per domain; counting is idempotent per e-mail, since the topic delivers at least once. */
public interface DomainCountRepository {

    /**
     * Adds one e-mail's counts, unless that e-mail was counted before.
     *
     * @param messageId the e-mail's id
     * @param counts    addresses per domain in it
     * @return whether they were added; {@code false} for a repeated e-mail
     */
    boolean add(String messageId, Map<String, Integer> counts);

    /** @return the totals per domain, by domain */
    Map<String, Integer> totals();
}
