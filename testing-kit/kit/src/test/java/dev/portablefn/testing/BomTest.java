package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM users import has no parent (so it brings no build configuration along) and therefore repeats the versions
 * of the libraries it manages beside portablefn; this checks it repeats exactly the versions the build uses.
 */
class BomTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Pattern PROPERTY = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>");

    @Test
    void theBomManagesTheVersionsTheBuildUses() throws IOException {
        Map<String, String> bom = properties(ROOT.resolve("bom/pom.xml"));
        Map<String, String> build = properties(ROOT.resolve("pom.xml"));

        assertThat(bom).containsKeys("jackson.version", "junit.version", "jakarta-validation.version",
                "slf4j.version", "aws-lambda-java-core.version", "functions-framework-api.version",
                "azure-functions-java-library.version", "avaje-validator.version", "logback.version");
        bom.forEach((name, version) -> assertThat(build).as(name).containsEntry(name, version));
    }

    @Test
    void theBomManagesEveryPublishedArtifactTheBuildManages() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        String build = Files.readString(ROOT.resolve("pom.xml"));
        Matcher managed = Pattern.compile("<artifactId>(portablefn-[\\w-]+)</artifactId>\\s*<version>\\$\\{project.version}")
                .matcher(build.substring(build.indexOf("<dependencyManagement>"), build.indexOf("</dependencyManagement>")));
        int found = 0;
        while (managed.find()) {
            assertThat(bom).as(managed.group(1)).contains("<artifactId>" + managed.group(1) + "</artifactId>");
            found++;
        }
        assertThat(found).isGreaterThan(10);
        assertThat(bom).contains("<artifactId>portablefn-deployment</artifactId>");
    }

    private static Map<String, String> properties(Path pom) throws IOException {
        String xml = Files.readString(pom);
        String properties = xml.substring(xml.indexOf("<properties>"), xml.indexOf("</properties>"));
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PROPERTY.matcher(properties);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2).trim());
        }
        return found;
    }
}
