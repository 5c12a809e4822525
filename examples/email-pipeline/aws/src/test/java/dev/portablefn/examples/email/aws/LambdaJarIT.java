package dev.portablefn.examples.email.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the Lambda jar the package phase shaded, at the path the rendered target/sam/template.yaml's {@code CodeUri}
 * names: it holds the
 * handlers, the pipeline and the AWS outbound module with its ServiceLoader registrations, and nothing of the GCP or
 * Azure SDKs or of Lambda's own runtime library.
 */
@Tag("packaged")
class LambdaJarIT {

    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        Path template = Path.of("target/sam/template.yaml");
        // SAM resolves CodeUri against the template's directory.
        Path codeUri = template.getParent().resolve(new ObjectMapper(new YAMLFactory()).readTree(template.toFile())
                .at("/Globals/Function/CodeUri").asText());
        Path built = Path.of(System.getProperty("lambda.jar", codeUri.toString()));
        assertThat(built.toAbsolutePath().normalize()).as("the rendered template's CodeUri")
                .isEqualTo(codeUri.toAbsolutePath().normalize());
        assertThat(built).as("shaded by the package phase").isRegularFile();
        jar = new JarFile(built.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void theJarHoldsTheHandlersAndThePipeline() {
        for (Class<?> type : List.of(IncomingEmailsHandler.class, ContactsHandler.class, DomainCounterHandler.class,
                dev.portablefn.examples.email.CloudDeployment.class, dev.portablefn.aws.LambdaHandler.class)) {
            assertThat(jar.getEntry(type.getName().replace('.', '/') + ".class")).as(type.getName()).isNotNull();
        }
        assertThat(jar.getEntry("jakarta/mail/internet/MimeMessage.class")).as("Jakarta Mail").isNotNull();
    }

    @Test
    void theJarRegistersTheAwsPublisherAndBlobStore() throws IOException {
        assertThat(service("dev.portablefn.api.outbound.Publisher")).containsExactly("dev.portablefn.aws.sdk.AwsPublisher");
        assertThat(service("dev.portablefn.api.outbound.BlobStore")).containsExactly("dev.portablefn.aws.sdk.AwsBlobStore");
        assertThat(jar.getEntry("software/amazon/awssdk/services/sns/SnsClient.class")).isNotNull();
        assertThat(jar.getEntry("software/amazon/awssdk/services/s3/S3Client.class")).isNotNull();
    }

    @Test
    void theJarCarriesNoOtherProvidersSdkNorLambdasRuntimeLibrary() {
        assertThat(jar.stream().map(ZipEntry::getName))
                .noneMatch(name -> name.startsWith("dev/portablefn/gcp/sdk/"))
                .noneMatch(name -> name.startsWith("dev/portablefn/azure/sdk/"))
                .noneMatch(name -> name.startsWith("com/google/cloud/"))
                .noneMatch(name -> name.startsWith("com/azure/"))
                .noneMatch(name -> name.startsWith("com/amazonaws/services/lambda/runtime/"))
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
