package dev.portablefn.api.json;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Holds the codec the runtime registers, found once, on first use of {@link JsonCodec#standard()}. */
final class StandardCodec {

    static final JsonCodec INSTANCE = load();

    private StandardCodec() {
    }

    private static JsonCodec load() {
        Iterator<JsonCodec> found = ServiceLoader.load(JsonCodec.class, JsonCodec.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("no JSON codec is registered; add dev.portablefn:portablefn-runtime"
                    + " (every adapter brings it) to the classpath");
        }
        return found.next();
    }
}
