package dev.portablefn.api;

/**
 * A function triggered by a non-HTTP event: a queue or topic message, a storage change, a schedule
 * tick, a stream or database record, or a custom event.
 *
 * <p>The event's data is already bound to {@code T} (JSON through the codec, or {@code String},
 * {@code byte[]}, or a portable type such as {@link dev.portablefn.api.event.StorageObject}) and
 * validated when {@code T} carries Jakarta Validation constraints. Return normally to acknowledge.
 * Throwing a {@link PermanentFailure} (or failing validation) sends the event to the provider's
 * dead-letter path without retrying; any other exception asks the provider to retry it.
 *
 * @param <T> the type the event data is bound to
 */
@FunctionalInterface
public interface EventFunction<T> {

    /**
     * Handles one event; for a provider batch it is called once per record.
     *
     * @param event   the event with its data bound to {@code T}
     * @param context the invocation's request id, deadline, trace id and logger
     * @throws Exception to fail the event; see the type's description for what the provider does
     */
    void handle(Event<T> event, Context context) throws Exception;
}
