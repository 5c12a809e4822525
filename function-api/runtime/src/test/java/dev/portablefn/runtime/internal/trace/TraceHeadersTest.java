package dev.portablefn.runtime.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceHeadersTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesTraceparent() {
        TraceContext trace = TraceHeaders.fromTraceparent(" " + TRACEPARENT + " ").orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.sampled()).isTrue();
        assertThat(trace.header()).isEqualTo(TRACEPARENT);
        assertThat(trace.toTraceparent()).isEqualTo(TRACEPARENT);
    }

    @Test
    void traceparentIsLowerCasedAndFlagsDecideSampling() {
        TraceContext trace = TraceHeaders.fromTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-02").orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.sampled()).isFalse();
    }

    @Test
    void futureTraceparentVersionMayCarryMoreFields() {
        assertThat(TraceHeaders.fromTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage", " ",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
            "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz"})
    void malformedTraceparentIsEmpty(String header) {
        assertThat(TraceHeaders.fromTraceparent(header)).isEmpty();
    }

    @Test
    void overlongHeaderIsIgnored() {
        assertThat(TraceHeaders.fromTraceparent(TRACEPARENT + " ".repeat(600))).isEmpty();
    }

    @Test
    void parsesXRay() {
        TraceContext trace = TraceHeaders.fromXRay("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                .orElseThrow();

        assertThat(trace.traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(trace.spanId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(trace.sampled()).isTrue();
        assertThat(trace.toTraceparent()).isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
    }

    @Test
    void xRayWithoutParentOrSamplingHasNoSpan() {
        TraceContext trace = TraceHeaders.fromXRay("Root=1-5759E988-BD862E3FE1BE46A994272793; Lineage=a:1").orElseThrow();

        assertThat(trace.traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(trace.spanId()).isNull();
        assertThat(trace.sampled()).isFalse();
        assertThat(trace.toTraceparent()).isEqualTo("00-5759e988bd862e3fe1be46a994272793-0000000000000001-00");
    }

    @Test
    void xRayWithMalformedParentKeepsTheTraceWithoutSpan() {
        assertThat(TraceHeaders.fromXRay("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=xyz").orElseThrow().spanId()).isNull();
    }

    @Test
    void writesATraceparentTraceAsXRayThatReadsBackToTheSameTrace() {
        TraceContext trace = TraceHeaders.fromTraceparent(TRACEPARENT).orElseThrow();

        String xRay = TraceHeaders.toXRay(trace);

        assertThat(xRay).isEqualTo("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1");
        TraceContext back = TraceHeaders.fromXRay(xRay).orElseThrow();
        assertThat(back.traceId()).isEqualTo(trace.traceId());
        assertThat(back.spanId()).isEqualTo(trace.spanId());
        assertThat(back.sampled()).isTrue();
    }

    @Test
    void writesXRayWithoutParentWhenTheTraceHasNoSpan() {
        TraceContext trace = new TraceContext("5759e988bd862e3fe1be46a994272793", null, false, "x");

        assertThat(TraceHeaders.toXRay(trace)).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "Parent=53995c3f42cd8ad8", "Root=2-5759e988-bd862e3fe1be46a994272793",
            "Root=1-5759e98-bd862e3fe1be46a994272793", "Root=1-5759e988-bd862e3fe1be46a99427279",
            "Root=1-5759e988-bd862e3fe1be46a99427279z", "Root=1-5759e988", "Root=1-5759e988-bd862e3fe1be46a994272793-x"})
    void malformedXRayIsEmpty(String header) {
        assertThat(TraceHeaders.fromXRay(header)).isEmpty();
    }

    @Test
    void parsesCloudTraceContextWithDecimalSpan() {
        TraceContext trace = TraceHeaders.fromCloudTraceContext("105445aa7843bc8bf206b12000100000/1;o=1").orElseThrow();

        assertThat(trace.traceId()).isEqualTo("105445aa7843bc8bf206b12000100000");
        assertThat(trace.spanId()).isEqualTo("0000000000000001");
        assertThat(trace.sampled()).isTrue();
    }

    @Test
    void cloudTraceSpanIsAnUnsigned64BitNumber() {
        assertThat(TraceHeaders.fromCloudTraceContext("105445aa7843bc8bf206b12000100000/18446744073709551615;o=0")
                .orElseThrow().spanId()).isEqualTo("ffffffffffffffff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"105445aa7843bc8bf206b12000100000", "105445aa7843bc8bf206b12000100000/",
            "105445aa7843bc8bf206b12000100000/abc", "105445aa7843bc8bf206b12000100000/99999999999999999999",
            "105445aa7843bc8bf206b12000100000/0"})
    void cloudTraceWithoutUsableSpanKeepsTheTrace(String header) {
        TraceContext trace = TraceHeaders.fromCloudTraceContext(header).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("105445aa7843bc8bf206b12000100000");
        assertThat(trace.spanId()).isNull();
        assertThat(trace.sampled()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "105445aa/1;o=1", "00000000000000000000000000000000/1",
            "105445aa7843bc8bf206b1200010000g/1", ";o=1"})
    void malformedCloudTraceIsEmpty(String header) {
        assertThat(TraceHeaders.fromCloudTraceContext(header)).isEmpty();
    }

    @Test
    void firstOfTriesFormatsInOrder() {
        String xRay = "Root=1-5759e988-bd862e3fe1be46a994272793";
        String cloud = "105445aa7843bc8bf206b12000100000/1;o=1";

        assertThat(TraceHeaders.firstOf(TRACEPARENT, xRay, cloud).map(TraceContext::traceId))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceHeaders.firstOf("bad", xRay, cloud).map(TraceContext::traceId))
                .contains("5759e988bd862e3fe1be46a994272793");
        assertThat(TraceHeaders.firstOf(null, "bad", cloud).map(TraceContext::traceId))
                .contains("105445aa7843bc8bf206b12000100000");
        assertThat(TraceHeaders.firstOf(null, null, null)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        "FF-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x",
        "  00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03  "})
    void usualTraceparentShapeParsesLikeTheGeneralRules(String header) {
        String[] parts = header.trim().split("-", -1);
        boolean valid = !parts[0].equalsIgnoreCase("ff") && !parts[1].matches("0+") && !parts[2].matches("0+")
                && parts[3].matches("[0-9a-fA-F]{2}");

        Optional<TraceContext> parsed = TraceHeaders.fromTraceparent(header);

        assertThat(parsed.isPresent()).isEqualTo(valid);
        parsed.ifPresent(trace -> {
            assertThat(trace.traceId()).isEqualTo(parts[1].toLowerCase(java.util.Locale.ROOT));
            assertThat(trace.spanId()).isEqualTo(parts[2].toLowerCase(java.util.Locale.ROOT));
            assertThat(trace.sampled()).isEqualTo((Integer.parseInt(parts[3], 16) & 1) == 1);
            assertThat(trace.header()).isEqualTo(header.trim());
        });
    }
}
