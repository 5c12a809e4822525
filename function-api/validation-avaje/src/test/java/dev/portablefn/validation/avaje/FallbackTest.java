package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import io.avaje.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FallbackTest {

    @Test
    void aConstrainedTypeWithoutAnAdapterIsStillValidatedByHibernateValidatorAndNamedInOneWarning() {
        BeanValidation validation = BeanValidation.using(new AvajeValidationEngine());

        String log = stderrOf(() -> {
            for (int i = 0; i < 3; i++) {
                InvalidInputException invalid = invalid(validation, new Shapes.Unadapted(" ", 0));
                assertThat(invalid.violations()).containsExactly(
                        new Violation("seats", "must be greater than 0"), new Violation("title", "must not be blank"));
            }
            validation.check(new Shapes.Unadapted("Java", 1), "body");
        });

        assertThat(log.lines().filter(line -> line.contains("WARN"))).singleElement().asString()
                .contains(Shapes.Unadapted.class.getName(), "no generated adapter", "Hibernate Validator",
                        "@jakarta.validation.Valid", "io.avaje:avaje-validator-generator", "annotationProcessorPaths");
    }

    @Test
    void typesWithAnAdapterLogNothing() {
        BeanValidation validation = BeanValidation.using(new AvajeValidationEngine());

        String log = stderrOf(() -> invalid(validation, new Shapes.NewCourse("", 1, "CS-101")));

        assertThat(log).doesNotContain("WARN");
    }

    @Test
    void aPatternWithABackslashIsLeftToHibernateValidatorSinceTheGeneratedAdapterChecksAnotherRegexp() {
        Shapes.Handle tabbed = new Shapes.Handle("a\tb");
        assertThat(Validator.builder().build().check(tabbed)).as("avaje's own adapter lets it through").isEmpty();
        BeanValidation validation = BeanValidation.using(new AvajeValidationEngine());

        String log = stderrOf(() -> {
            assertThat(invalid(validation, tabbed).violations())
                    .containsExactly(new Violation("name", "must match \"[^\\s]+\""));
            assertThat(invalid(validation, new Shapes.Account(List.of(new Shapes.Handle("ok"), tabbed))).violations())
                    .containsExactly(new Violation("handles[1].name", "must match \"[^\\s]+\""));
        });

        assertThat(log.lines().filter(line -> line.contains("WARN"))).hasSize(2)
                .allMatch(line -> line.contains("Handle.name") && line.contains("avaje/avaje-validator#359"));
    }

    @ParameterizedTest
    @CsvSource({
        "title, title",
        "address.zip, address.zip",
        "previous[1].city, previous[1].city",
        "aliases.[1, aliases[1]",
        "lessons[0].tags.[2, lessons[0].tags[2]",
        "'', ''"})
    void avajePathsAreWrittenAsHibernateValidatorWritesThem(String avaje, String expected) {
        assertThat(AvajeValidationEngine.fieldPath(avaje)).isEqualTo(expected);
    }

    private static InvalidInputException invalid(BeanValidation validation, Object value) {
        try {
            validation.check(value, "body");
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected a violation for " + value);
    }

    /** slf4j-simple writes to {@code System.err}, looked up per line by default. */
    private static String stderrOf(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
