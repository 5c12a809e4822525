package dev.portablefn.examples.email.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads target/deploy, the directory the rendered deploy-gcp.sh sits in and uploads: it holds one jar (the script and
 * its .gcloudignore are left out of the upload), with the entry points, the
 * pipeline and the GCP outbound module with its ServiceLoader registrations, and nothing of the AWS or Azure SDKs or
 * of the Functions Framework API the platform provides.
 */
@Tag("packaged")
class DeployDirectoryIT {

    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        Path directory = Path.of(System.getProperty("deploy.directory", "target/deploy"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.toList();
        }
        assertThat(files).as("what gcloud functions deploy uploads, and the script").extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("portablefn-example-email-pipeline-gcp.jar", "deploy-gcp.sh", ".gcloudignore");
        assertThat(Files.readAllLines(directory.resolve(".gcloudignore"))).contains("deploy-gcp.sh");
        jar = new JarFile(directory.resolve("portablefn-example-email-pipeline-gcp.jar").toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void theJarHoldsTheEntryPointsAndThePipeline() {
        for (String type : List.of(getClass().getPackageName() + ".IncomingEmailsFunction",
                getClass().getPackageName() + ".ContactsFunction", getClass().getPackageName() + ".DomainCounterFunction",
                dev.portablefn.examples.email.CloudDeployment.class.getName(),
                dev.portablefn.gcp.GcpCloudEventFunction.class.getName())) {
            assertThat(jar.getEntry(type.replace('.', '/') + ".class")).as(type).isNotNull();
        }
        assertThat(jar.getEntry("jakarta/mail/internet/MimeMessage.class")).as("Jakarta Mail").isNotNull();
    }

    @Test
    void theJarRegistersThePubSubPublisherAndCloudStorageBlobStore() throws IOException {
        assertThat(service("dev.portablefn.api.outbound.Publisher")).containsExactly("dev.portablefn.gcp.sdk.PubSubPublisher");
        assertThat(service("dev.portablefn.api.outbound.BlobStore")).containsExactly("dev.portablefn.gcp.sdk.CloudStorageBlobStore");
        assertThat(jar.getEntry("com/google/cloud/pubsub/v1/Publisher.class")).isNotNull();
        assertThat(jar.getEntry("com/google/cloud/storage/Storage.class")).isNotNull();
    }

    @Test
    void theJarCarriesNoOtherProvidersSdkNorTheFunctionsFrameworkApi() {
        assertThat(jar.stream().map(ZipEntry::getName))
                .noneMatch(name -> name.startsWith("dev/portablefn/aws/sdk/"))
                .noneMatch(name -> name.startsWith("dev/portablefn/azure/sdk/"))
                .noneMatch(name -> name.startsWith("software/amazon/awssdk/"))
                .noneMatch(name -> name.startsWith("com/azure/"))
                .noneMatch(name -> name.startsWith("com/google/cloud/functions/"))
                .noneMatch(name -> name.startsWith("dev/portablefn/deployment/"));
    }

    private static List<String> service(String type) throws IOException {
        ZipEntry entry = jar.getEntry("META-INF/services/" + type);
        assertThat(entry).as(type + " registrations").isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
