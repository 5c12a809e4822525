package dev.portablefn.examples.learning.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads target/deploy after the package phase: what the rendered deploy-gcp.sh in it uploads to Cloud Functions. */
class DeployDirectoryIT {

    private static final Path DEPLOY = Path.of(System.getProperty("deploy.directory", "target/deploy"));
    private static String script;

    @BeforeAll
    static void readScript() throws IOException {
        script = Files.readString(DEPLOY.resolve("deploy-gcp.sh"));
    }

    @Test
    void theDeployDirectoryHoldsTheOneJarAndTheScriptWhichGcloudLeavesOut() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "portablefn-example-learning-platform-gcp.jar", "deploy-gcp.sh", ".gcloudignore");
        }
        assertThat(Files.readAllLines(DEPLOY.resolve(".gcloudignore"))).contains("deploy-gcp.sh");
    }

    @Test
    void theJarHoldsEveryEntryClassTheScriptNames() throws IOException {
        Matcher entries = Pattern.compile("--entry-point=\"\\$PACKAGE\\.(\\w+Function)\\b")
                .matcher(script);
        try (JarFile jar = jar()) {
            int found = 0;
            while (entries.find()) {
                String path = getClass().getPackageName().replace('.', '/') + "/" + entries.group(1) + ".class";
                assertThat(jar.getEntry(path)).as(path).isNotNull();
                found++;
            }
            assertThat(found).isEqualTo(8);
            assertThat(jar.getEntry("dev/portablefn/gcp/GcpCloudEventFunction.class")).isNotNull();
        }
    }

    @Test
    void theJarRegistersTheGcpPublisherAndBlobStore() throws IOException {
        try (JarFile jar = jar()) {
            assertThat(service(jar, "dev.portablefn.api.outbound.Publisher")).contains("dev.portablefn.gcp.sdk.PubSubPublisher");
            assertThat(service(jar, "dev.portablefn.api.outbound.BlobStore"))
                    .contains("dev.portablefn.gcp.sdk.CloudStorageBlobStore");
        }
    }

    @Test
    void theJarCarriesNoOtherProvidersSdkNorTheProvidedFrameworkApi() throws IOException {
        try (JarFile jar = jar()) {
            List<String> foreign = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("dev/portablefn/aws/") || name.startsWith("dev/portablefn/azure/")
                            || name.startsWith("software/amazon/awssdk/") || name.startsWith("com/azure/")
                            || name.startsWith("com/microsoft/azure/") || name.startsWith("com/google/cloud/functions/")
                            || name.startsWith("dev/portablefn/deployment/"))
                    .limit(5).toList();
            assertThat(foreign).isEmpty();
        }
    }

    private static JarFile jar() throws IOException {
        return new JarFile(DEPLOY.resolve("portablefn-example-learning-platform-gcp.jar").toFile());
    }

    private static String service(JarFile jar, String type) throws IOException {
        ZipEntry entry = jar.getEntry("META-INF/services/" + type);
        assertThat(entry).as(type + " registration").isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
