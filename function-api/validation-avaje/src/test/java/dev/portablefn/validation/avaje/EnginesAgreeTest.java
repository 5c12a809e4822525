package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import dev.portablefn.runtime.internal.validation.ValidationEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same values checked through {@code BeanValidation} on each engine give the same exception, to the letter. */
class EnginesAgreeTest {

    private static final BeanValidation HIBERNATE = BeanValidation.using(ValidationEngine.hibernateValidator());
    private static final BeanValidation AVAJE = BeanValidation.using(new AvajeValidationEngine());

    static Stream<Arguments> samples() {
        Samples samples = new Samples(22);
        List<String> courseMessages = List.of("must not be blank", "size must be between 0 and 80",
                "must be greater than or equal to 0", "must look like CS-101");
        return Stream.of(
                Arguments.of("NewCourse", samples.courses(300), courseMessages),
                Arguments.of("Profile", samples.profiles(1500), List.of("must not be null", "must not be blank",
                        "must not be empty", "size must be between 2 and 5", "size must be between 0 and 3",
                        "must be greater than or equal to 18", "must be less than or equal to 120",
                        "must be greater than 0", "must be greater than or equal to 0", "must be less than 0",
                        "must match \"[a-z]+\"", "must be three digits", "must be a well-formed email address",
                        "size must be between 5 and 5")),
                Arguments.of("List<NewCourse>", samples.courseLists(200), courseMessages));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void bothEnginesReportTheSameViolationsAndDetail(String type, List<Object> values, List<String> everyMessage) {
        int valid = 0;
        Set<String> messages = new HashSet<>();
        List<String> disagreements = new ArrayList<>();
        for (Object value : values) {
            InvalidInputException byHibernate = outcome(HIBERNATE, value);
            InvalidInputException byAvaje = outcome(AVAJE, value);
            if (byHibernate == null && byAvaje == null) {
                valid++;
                continue;
            }
            if (byHibernate == null || byAvaje == null
                    || !byHibernate.violations().equals(byAvaje.violations())
                    || !byHibernate.getMessage().equals(byAvaje.getMessage())) {
                disagreements.add(value + "\n  Hibernate Validator: " + describe(byHibernate)
                        + "\n  avaje:               " + describe(byAvaje));
                continue;
            }
            byAvaje.violations().stream().map(Violation::message).forEach(messages::add);
        }

        assertThat(disagreements).as("values the engines disagree on").isEmpty();
        assertThat(valid).as("valid samples").isPositive();
        assertThat(values.size() - valid).as("invalid samples").isGreaterThan(values.size() / 4);
        assertThat(messages).as("every constraint was violated somewhere").containsExactlyInAnyOrderElementsOf(everyMessage);
    }

    private static InvalidInputException outcome(BeanValidation validation, Object value) {
        try {
            validation.check(value, "request body");
            return null;
        } catch (InvalidInputException invalid) {
            return invalid;
        }
    }

    private static String describe(InvalidInputException invalid) {
        return invalid == null ? "valid" : invalid.getMessage();
    }
}
