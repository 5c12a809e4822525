package dev.portablefn.examples.learning.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the Lambda jar the package phase shaded: what the rendered target/sam/template.yaml's CodeUri uploads. */
class LambdaJarIT {

    private static final Path TEMPLATE = Path.of("target/sam/template.yaml");
    private static JsonNode template;
    private static Path jar;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
        jar = Path.of(System.getProperty("lambda.jar", "target/portablefn-example-learning-platform-aws.jar"));
    }

    @Test
    void theTemplatesCodeUriIsTheShadedJar() {
        // SAM resolves CodeUri against the template's directory.
        assertThat(TEMPLATE.getParent().resolve(template.at("/Globals/Function/CodeUri").asText()).toAbsolutePath().normalize())
                .isEqualTo(jar.toAbsolutePath().normalize())
                .isRegularFile();
    }

    @Test
    void theJarHoldsEveryHandlerTheTemplateNames() throws IOException {
        List<String> handlers = new ArrayList<>();
        template.get("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                String handler = resource.at("/Properties/Handler").asText();
                handlers.add(handler.substring(0, handler.indexOf("::")));
            }
        });
        assertThat(handlers).hasSize(7);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String handler : handlers) {
                assertThat(file.getEntry(handler.replace('.', '/') + ".class")).as(handler).isNotNull();
            }
            assertThat(file.getEntry("dev/portablefn/aws/LambdaHandler.class")).isNotNull();
            assertThat(file.getEntry("dev/portablefn/examples/learning/LearningPlatform.class")).isNotNull();
        }
    }

    @Test
    void theJarRegistersTheAwsPublisherAndBlobStore() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(service(file, "dev.portablefn.api.outbound.Publisher")).contains("dev.portablefn.aws.sdk.AwsPublisher");
            assertThat(service(file, "dev.portablefn.api.outbound.BlobStore")).contains("dev.portablefn.aws.sdk.AwsBlobStore");
        }
    }

    @Test
    void theJarValidatesBoundInputWithTheAdaptersTheAppsBuildGenerated() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(service(file, "dev.portablefn.runtime.internal.validation.ValidationEngine"))
                    .contains("dev.portablefn.validation.avaje.AvajeValidationEngine");
            assertThat(service(file, "io.avaje.validation.spi.ValidationExtension"))
                    .contains("dev.portablefn.examples.learning.valid.GeneratedValidatorComponent");
            assertThat(file.getEntry("dev/portablefn/examples/learning/courses/NewCourseValidationAdapter.class")).isNotNull();
        }
    }

    @Test
    void theJarCarriesNoOtherProvidersSdkOrRuntime() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> foreign = file.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("dev/portablefn/gcp/") || name.startsWith("dev/portablefn/azure/")
                            || name.startsWith("com/google/cloud/") || name.startsWith("com/azure/")
                            || name.startsWith("com/microsoft/azure/") || name.startsWith("com/amazonaws/services/lambda/runtime/")
                            || name.startsWith("dev/portablefn/deployment/"))
                    .limit(5).toList();
            assertThat(foreign).as("other providers' classes, or the provided Lambda runtime library").isEmpty();
        }
    }

    private static String service(JarFile file, String type) throws IOException {
        ZipEntry entry = file.getEntry("META-INF/services/" + type);
        assertThat(entry).as(type + " registration").isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
