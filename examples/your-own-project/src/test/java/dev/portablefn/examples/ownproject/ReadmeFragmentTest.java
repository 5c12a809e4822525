package dev.portablefn.examples.ownproject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your project" fragment is the one the build proves: the part of {@code src/it/orders/pom.xml}
 * between its FRAGMENT markers, which the invoker builds and tests as a project of its own.
 */
class ReadmeFragmentTest {

    private static final Path MODULE = Path.of(System.getProperty("project.dir", "."));

    @Test
    void theReadmeShowsExactlyTheFragmentTheBuildProves() throws IOException {
        String pom = Files.readString(MODULE.resolve("src/it/orders/pom.xml"));
        String fragment = between(pom, "<!-- FRAGMENT START -->\n", "  <!-- FRAGMENT END -->");
        String readme = Files.readString(MODULE.resolve("../../README.md"));

        assertThat(readme).contains("```xml\n" + fragment + "```");
    }

    @Test
    void theFragmentProjectHasNoParentOfOurs() throws IOException {
        String pom = Files.readString(MODULE.resolve("src/it/orders/pom.xml"));

        assertThat(pom).doesNotContain("<parent>").contains("<artifactId>portablefn-bom</artifactId>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as(start).isNotNegative();
        assertThat(to).as(end).isGreaterThan(from);
        return text.substring(from + start.length(), to);
    }
}
