package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a fresh JVM, binding and validating a type avaje has an adapter for loads no Hibernate Validator class, and
 * avaje's logging goes to SLF4J without setting up {@code java.util.logging}.
 */
class HibernateValidatorStaysUnloadedTest {

    @Test
    void bindingATypeWithAnAdapterLoadsNoHibernateValidatorClass(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("class-loading.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-Duser.language=en", "-cp", System.getProperty("java.class.path"),
                BindOneCourse.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(finished).as("the JVM finished within two minutes").isTrue();
        assertThat(process.exitValue()).as(tail(lines)).isZero();
        assertThat(lines).contains("rejected: request body is not a valid NewCourse: code must look like CS-101;"
                + " seats must be greater than or equal to 0; title must not be blank");
        assertThat(lines).anyMatch(line -> line.contains("io.avaje.validation.core.DValidator"));
        assertThat(lines).anyMatch(line -> line.contains("Shapes$NewCourseValidationAdapter"));
        assertThat(lines).noneMatch(line -> line.contains("org.hibernate.validator"));
        assertThat(lines).anyMatch(line -> line.contains(AvajeLogging.class.getName()))
                .noneMatch(line -> line.contains("java.util.logging.LogManager"));
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
