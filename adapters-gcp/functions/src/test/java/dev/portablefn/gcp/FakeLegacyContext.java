package dev.portablefn.gcp;

import com.google.cloud.functions.Context;

/** The Functions Framework's legacy event context over fixed values. */
record FakeLegacyContext(String eventId, String timestamp, String eventType, String resource) implements Context {
}
