package dev.portablefn.runtime.internal.json;

import dev.portablefn.api.json.JsonCodec;
import java.lang.reflect.Type;

/**
 * What {@code JsonCodec.standard()} finds through {@link java.util.ServiceLoader}: the standard binder, which reads
 * with the standard Jackson codec and validates with Hibernate Validator.
 */
public final class StandardJsonCodec implements JsonCodec {

    /** Made by {@link java.util.ServiceLoader}; every instance binds with the one standard binder. */
    public StandardJsonCodec() {
    }

    @Override
    public <T> T bind(Object data, Type type, String what) {
        return DataBinder.standard().bind(data, type, what);
    }

    @Override
    public byte[] write(Object value) {
        return DataBinder.standard().write(value);
    }
}
