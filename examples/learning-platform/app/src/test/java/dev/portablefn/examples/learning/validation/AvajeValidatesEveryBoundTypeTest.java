package dev.portablefn.examples.learning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform opted in to avaje validation: in a fresh JVM with this module's test class path (Hibernate Validator
 * on it, as in every deployable), every type its functions bind is checked by the adapter avaje-validator's generator
 * wrote for it, and no Hibernate Validator class is loaded, so none of its bootstrap is paid at cold start.
 */
class AvajeValidatesEveryBoundTypeTest {

    @Test
    void everyBoundTypeIsCheckedByItsGeneratedAdapterWithoutLoadingHibernateValidator(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("class-loading.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-Duser.language=en", "-cp", System.getProperty("java.class.path"),
                BindEveryBody.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(finished).as("the JVM finished within two minutes").isTrue();
        assertThat(process.exitValue()).as(tail(lines)).isZero();
        assertThat(lines.stream().filter(line -> line.startsWith("bound "))).hasSize(4);
        assertThat(lines.stream().filter(line -> line.startsWith("rejected: "))).hasSize(4);
        assertThat(lines).noneMatch(line -> line.startsWith("not rejected"));
        assertThat(lines).anyMatch(line -> line.contains("dev.portablefn.validation.avaje.AvajeValidationEngine "));
        for (String adapter : List.of("courses.NewCourseValidationAdapter", "users.RegistrationValidationAdapter",
                "payments.PaymentRequestValidationAdapter", "payments.PaymentCompletedValidationAdapter")) {
            assertThat(lines).anyMatch(line -> line.contains("dev.portablefn.examples.learning." + adapter + " "));
        }
        assertThat(lines).noneMatch(line -> line.contains("org.hibernate.validator"));
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
