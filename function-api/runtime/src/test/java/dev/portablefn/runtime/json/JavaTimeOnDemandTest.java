package dev.portablefn.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.portablefn.api.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjuster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard mapper's on-demand java.time support reads and writes exactly as Jackson's JavaTimeModule does. */
class JavaTimeOnDemandTest {

    record EveryTimeType(Instant instant, OffsetDateTime offsetDateTime, ZonedDateTime zonedDateTime, Duration duration,
                         LocalDateTime localDateTime, LocalDate localDate, LocalTime localTime, MonthDay monthDay,
                         OffsetTime offsetTime, Period period, Year year, YearMonth yearMonth, ZoneId zoneId,
                         ZoneOffset zoneOffset, Map<LocalDate, String> byDay, Map<ZonedDateTime, Integer> byMoment,
                         List<Instant> instants, Month month, DayOfWeek dayOfWeek, String plain) {
    }

    private static final EveryTimeType VALUE = new EveryTimeType(Instant.parse("2026-01-05T10:15:30.123456789Z"),
            OffsetDateTime.parse("2026-01-05T12:00:00+02:00"), ZonedDateTime.parse("2026-03-29T02:30:00+01:00[Europe/Paris]"),
            Duration.ofMinutes(90).plusMillis(5), LocalDateTime.parse("2026-01-05T10:15:30"), LocalDate.parse("2026-02-28"),
            LocalTime.parse("23:59:59.5"), MonthDay.of(2, 29), OffsetTime.parse("10:15:30-05:00"), Period.of(1, 2, 3),
            Year.of(2026), YearMonth.of(2026, 12), ZoneId.of("America/New_York"), ZoneOffset.ofHoursMinutes(5, 30),
            Map.of(LocalDate.parse("2026-01-01"), "new year"), Map.of(ZonedDateTime.parse("2026-01-01T00:00:00Z"), 1),
            List.of(Instant.EPOCH, Instant.parse("2038-01-19T03:14:08Z")), Month.FEBRUARY, DayOfWeek.SUNDAY, "no time here");

    private static final ObjectMapper ON_DEMAND = JacksonJsonCodec.configure(Limits.defaults());
    /** The same configuration with Jackson's module registered directly (registered last, so its lookups win). */
    private static final ObjectMapper DIRECT = JacksonJsonCodec.configure(Limits.defaults()).registerModule(new JavaTimeModule());

    @Test
    void everyJavaTimeTypeIsWrittenAsJavaTimeModuleWritesIt() throws Exception {
        String written = ON_DEMAND.writeValueAsString(VALUE);

        assertThat(written).isEqualTo(DIRECT.writeValueAsString(VALUE));
        assertThat(written).contains("\"instant\":\"2026-01-05T10:15:30.123456789Z\"", "\"duration\":\"PT1H30M0.005S\"",
                "\"zoneId\":\"America/New_York\"", "\"month\":\"FEBRUARY\"", "\"byMoment\":{\"2026-01-01T00:00:00Z\":1}");
    }

    @Test
    void everyJavaTimeTypeIsReadAsJavaTimeModuleReadsIt() throws Exception {
        String json = DIRECT.writeValueAsString(VALUE);

        EveryTimeType read = ON_DEMAND.readValue(json, EveryTimeType.class);

        assertThat(read).isEqualTo(DIRECT.readValue(json, EveryTimeType.class));
        assertThat(read.localDate()).isEqualTo(VALUE.localDate());
        assertThat(read.byDay()).isEqualTo(VALUE.byDay());
        assertThat(read.zoneId()).isEqualTo(VALUE.zoneId());
    }

    @Test
    void numericTimestampsAndTimeKeysAreReadAsJavaTimeModuleReadsThem() throws Exception {
        String json = "{\"a\":1767608130.5,\"b\":1767608130}";
        TypeReference<Map<String, Instant>> instants = new TypeReference<>() {
        };
        TypeReference<Map<Instant, Duration>> keyed = new TypeReference<>() {
        };

        assertThat(ON_DEMAND.readValue(json, instants)).isEqualTo(DIRECT.readValue(json, instants));
        assertThat(ON_DEMAND.readValue("{\"2026-01-05T10:15:30Z\":\"PT1S\"}", keyed))
                .containsEntry(Instant.parse("2026-01-05T10:15:30Z"), Duration.ofSeconds(1));
    }

    @Test
    void aLambdaAdjusterIsWrittenAsJavaTimeModuleWritesIt() throws Exception {
        TemporalAdjuster sameDay = temporal -> temporal;

        assertThat(ON_DEMAND.writeValueAsString(Map.of("adjuster", sameDay)))
                .isEqualTo(DIRECT.writeValueAsString(Map.of("adjuster", sameDay)))
                .isEqualTo("{\"adjuster\":{}}");
    }

    @Test
    void aMalformedTimeIsRefusedWithJavaTimeModulesMessage() {
        String json = "{\"instant\":\"yesterday\"}";

        assertThatThrownBy(() -> ON_DEMAND.readValue(json, EveryTimeType.class))
                .hasMessageStartingWith("Cannot deserialize value of type `java.time.Instant` from String \"yesterday\"")
                .satisfies(thrown -> assertThatThrownBy(() -> DIRECT.readValue(json, EveryTimeType.class))
                        .hasMessage(thrown.getMessage()));
    }

    @Test
    void javaTimeSupportIsSetUpOnlyOnceATimeTypeIsBoundWritingOneMakesOnlyItsSerializerAndReadingOneTheDeserializers(
            @TempDir Path dir)
            throws Exception {
        Path output = dir.resolve("class-loading.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), BindPlainThenTimed.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        int plainBound = lines.indexOf(BindPlainThenTimed.PLAIN_BOUND);
        int timedWritten = lines.indexOf(BindPlainThenTimed.TIMED_WRITTEN);

        assertThat(finished).as("the JVM finished within two minutes").isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())))
                .isZero();
        assertThat(plainBound).as("the child printed its marker").isPositive();
        assertThat(timedWritten).as("the child wrote a date").isGreaterThan(plainBound);
        assertThat(lines.subList(0, plainBound)).noneMatch(line -> line.contains("com.fasterxml.jackson.datatype.jsr310."));
        assertThat(lines.subList(plainBound, timedWritten))
                .anyMatch(line -> line.contains("com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer"))
                .noneMatch(line -> line.contains("com.fasterxml.jackson.datatype.jsr310.ser.ZonedDateTimeSerializer"))
                .noneMatch(line -> line.contains("com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer"))
                .noneMatch(line -> line.contains("com.fasterxml.jackson.datatype.jsr310.deser."));
        assertThat(lines.subList(timedWritten, lines.size()))
                .anyMatch(line -> line.contains("com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer"))
                .contains(BindPlainThenTimed.TIMED_BOUND);
    }

    /**
     * The forked JVM: binds a record without dates through the standard codec, then writes one with a date, then reads
     * one, printing a marker after each.
     */
    static final class BindPlainThenTimed {
        static final String PLAIN_BOUND = "plain record bound";
        static final String TIMED_WRITTEN = "timed record written: {\"at\":\"2026-01-05T10:15:30Z\"}";
        static final String TIMED_BOUND = "timed record bound: 2026-01-05T10:15:30Z";

        record Plain(String title, int seats) {
        }

        record Timed(Instant at) {
        }

        public static void main(String[] args) throws Exception {
            JacksonCodec codec = JacksonCodec.standard();
            Plain plain = codec.read("{\"title\":\"t\",\"seats\":2}".getBytes(StandardCharsets.UTF_8), codec.type(Plain.class));
            codec.write(plain);
            System.out.println(PLAIN_BOUND);
            System.out.println("timed record written: "
                    + new String(codec.write(new Timed(Instant.parse("2026-01-05T10:15:30Z"))), StandardCharsets.UTF_8));
            System.out.flush();
            Timed timed = codec.read("{\"at\":\"2026-01-05T10:15:30Z\"}".getBytes(StandardCharsets.UTF_8), codec.type(Timed.class));
            System.out.println("timed record bound: " + timed.at());
        }
    }
}
