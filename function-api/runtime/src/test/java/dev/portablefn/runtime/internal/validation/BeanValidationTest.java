package dev.portablefn.runtime.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.api.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BeanValidationTest {

    record Plain(String name, int count, List<String> tags) {
    }

    record Course(@NotBlank String title, @Positive int seats, @Email String contact) {
    }

    record Lesson(@NotBlank String title, @Max(120) int minutes) {
    }

    record Syllabus(@NotNull @Valid Course course, @Valid List<Lesson> lessons) {
    }

    record Tagged(List<@NotBlank String> tags, Map<String, @Positive Integer> quotas) {
    }

    record Unvalidated(Course course) {
    }

    static class Bean {
        @Size(max = 2)
        private final String code;

        Bean(String code) {
            this.code = code;
        }
    }

    static class GetterBean {
        private final int value;

        GetterBean(int value) {
            this.value = value;
        }

        @Positive
        public int getValue() {
            return value;
        }
    }

    interface Named {
        @NotBlank
        String getName();
    }

    static final class Impl implements Named {
        @Override
        public String getName() {
            return "";
        }
    }

    private static InvalidInputException invalid(Object value) {
        try {
            new BeanValidation().check(value, "body");
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected a violation for " + value);
    }

    @Test
    void unconstrainedTypesNeverBootstrapTheValidator() {
        BeanValidation validation = new BeanValidation();

        validation.check(new Plain("a", 1, List.of()), "body");
        validation.check("text", "body");
        validation.check(new byte[] {1}, "body");
        validation.check(List.of(new Plain("b", 2, null)), "body");
        validation.check(Map.of("k", new Plain("c", 3, null)), "body");
        validation.check(null, "body");
        validation.check(new Unvalidated(new Course("", 0, null)), "body");

        assertThat(validation.isBootstrapped()).isFalse();
        assertThat(validation.isConstrained(Plain.class)).isFalse();
        assertThat(validation.isConstrained(Unvalidated.class)).isFalse();
    }

    @Test
    void firstConstrainedValueBootstrapsTheValidator() {
        BeanValidation validation = new BeanValidation();

        validation.check(new Course("Java", 3, "a@b.org"), "body");

        assertThat(validation.isBootstrapped()).isTrue();
    }

    @Test
    void unconstrainedCheckNeverLoadsHibernateValidatorClasses() throws Exception {
        try (IsolatedLoader loader = new IsolatedLoader()) {
            Class<?> beanValidation = loader.loadClass(BeanValidation.class.getName());
            Object shared = beanValidation.getMethod("shared").invoke(null);
            Method check = beanValidation.getMethod("check", Object.class, String.class);
            Object plain = construct(loader, Plain.class, "a", 1, List.of());

            check.invoke(shared, plain, "body");
            assertThat(loader.loaded("org.hibernate.validator.HibernateValidator")).isFalse();
            assertThat(loader.loaded("jakarta.validation.Validation")).isFalse();

            Object course = construct(loader, Course.class, "Java", 1, null);
            check.invoke(shared, course, "body");
            assertThat(loader.loaded("org.hibernate.validator.HibernateValidator")).isTrue();
        }
    }

    @Test
    void violationsAreSortedByFieldAndListedInTheMessage() {
        InvalidInputException e = invalid(new Course(" ", 0, "not-an-email"));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).containsExactly(
                new Violation("contact", "must be a well-formed email address"),
                new Violation("seats", "must be greater than 0"),
                new Violation("title", "must not be blank"));
        assertThat(e.getMessage()).isEqualTo("body is not a valid Course: contact must be a well-formed email address;"
                + " seats must be greater than 0; title must not be blank");
    }

    @Test
    void validValuesPass() {
        assertThatNoException().isThrownBy(() -> BeanValidation.shared().check(new Course("Java", 3, null), "body"));
    }

    @Test
    void nestedValidCascadesWithIndexedPaths() {
        InvalidInputException e = invalid(new Syllabus(new Course("", 1, null),
                List.of(new Lesson("ok", 10), new Lesson("long", 500))));

        assertThat(e.violations()).containsExactly(
                new Violation("course.title", "must not be blank"),
                new Violation("lessons[1].minutes", "must be less than or equal to 120"));
    }

    @Test
    void missingNestedObjectIsReported() {
        assertThat(invalid(new Syllabus(null, List.of())).violations()).containsExactly(new Violation("course", "must not be null"));
    }

    @Test
    void typeUseConstraintsOnContainerElementsAreChecked() {
        InvalidInputException e = invalid(new Tagged(List.of("java", " "), Map.of("a", 1, "b", -1)));

        assertThat(e.violations()).containsExactly(
                new Violation("quotas[b]", "must be greater than 0"),
                new Violation("tags[1]", "must not be blank"));
    }

    @Test
    void fieldsGettersAndInterfacesAreScanned() {
        assertThat(invalid(new Bean("abc")).violations()).containsExactly(new Violation("code", "size must be between 0 and 2"));
        assertThat(invalid(new GetterBean(-1)).violations()).containsExactly(new Violation("value", "must be greater than 0"));
        assertThat(invalid(new Impl()).violations()).containsExactly(new Violation("name", "must not be blank"));
    }

    @Test
    void elementsOfABoundListAreValidatedWithTheirIndex() {
        InvalidInputException e = invalid(List.of(new Course("a", 1, null), new Course("", 1, null)));

        assertThat(e.violations()).containsExactly(new Violation("[1].title", "must not be blank"));
        assertThat(e.getMessage()).startsWith("body is not a valid ");
    }

    @Test
    void elementsOfArraysAndMapsAreValidated() {
        assertThat(invalid(new Course[] {new Course("", 1, null)}).violations())
                .containsExactly(new Violation("[0].title", "must not be blank"));
        assertThat(invalid(Map.of("java", new Course("", 1, null))).violations())
                .containsExactly(new Violation("[java].title", "must not be blank"));
    }

    @Test
    void anotherEnginesViolationsArePrefixedSortedAndDescribedHere() {
        ValidationEngine reversed = new ValidationEngine() {
            @Override
            public List<Violation> validate(Object value) {
                return List.of(new Violation("title", "must not be blank"), new Violation("", "is odd"),
                        new Violation("contact", "must be a well-formed email address"));
            }

            @Override
            public void prime(Class<?> type) {
            }
        };

        InvalidInputException e = invalidWith(BeanValidation.using(reversed), List.of(new Course("", 1, "x")));

        assertThat(e.violations()).containsExactly(
                new Violation("[0]", "is odd"),
                new Violation("[0].contact", "must be a well-formed email address"),
                new Violation("[0].title", "must not be blank"));
        assertThat(e.getMessage()).endsWith(": [0] is odd; [0].contact must be a well-formed email address;"
                + " [0].title must not be blank");
    }

    @Test
    void theDefaultEngineIsHibernateValidator() {
        BeanValidation hibernate = BeanValidation.using(ValidationEngine.hibernateValidator());
        Course invalid = new Course(" ", 0, "not-an-email");

        assertThat(invalidWith(hibernate, invalid).violations()).isEqualTo(invalid(invalid).violations());
        assertThat(invalidWith(hibernate, invalid).getMessage()).isEqualTo(invalid(invalid).getMessage());
    }

    private static InvalidInputException invalidWith(BeanValidation validation, Object value) {
        try {
            validation.check(value, "body");
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected a violation for " + value);
    }

    @Test
    void messagesDoNotEvaluateExpressionLanguage() {
        assertThat(invalid(new Course("t", 1, "x")).violations().get(0).message()).doesNotContain("${");
    }

    private static Object construct(ClassLoader loader, Class<?> type, Object... arguments) throws Exception {
        java.lang.reflect.Constructor<?> constructor = loader.loadClass(type.getName()).getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    /** Loads function-api and its validation dependencies apart from the test's class path, to watch class loading. */
    private static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader() throws Exception {
            super(new URL[] {
                    location(BeanValidation.class), location(BeanValidationTest.class), location(dev.portablefn.api.InvalidInputException.class),
                    location(jakarta.validation.Validator.class),
                    location(org.hibernate.validator.HibernateValidator.class), location(org.jboss.logging.Logger.class),
                    location(com.fasterxml.classmate.TypeResolver.class)}, ClassLoader.getPlatformClassLoader());
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        boolean loaded(String className) {
            return findLoadedClass(className) != null;
        }
    }
}
