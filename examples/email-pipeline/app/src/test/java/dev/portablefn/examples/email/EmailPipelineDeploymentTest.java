package dev.portablefn.examples.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Provider;
import dev.portablefn.deployment.Application;
import dev.portablefn.deployment.Render;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's one declaration: every provider accepts it, and it names the bucket and topic the code uses. */
class EmailPipelineDeploymentTest {

    private final Application declared = EmailPipelineDeployment.application();

    @Test
    void everyProviderAcceptsTheDeclaration(@TempDir Path target) throws IOException {
        for (Provider provider : List.of(Provider.AWS, Provider.GCP, Provider.AZURE)) {
            assertThat(Render.to(declared, provider, target.resolve(provider.name()), "com.example", "app.jar"))
                    .as(provider.name()).isNotEmpty();
        }
    }

    @Test
    void theDeclarationUsesTheBucketAndTopicTheCodeUses() {
        assertThat(declared.buckets()).containsExactly(EmailPipeline.INBOX_BUCKET);
        assertThat(declared.scopedBuckets()).as("bucket names are global").containsExactly(EmailPipeline.INBOX_BUCKET);
        assertThat(declared.topics()).containsExactly(EmailPipeline.ADDRESSES_TOPIC);
        assertThat(declared.function("incoming-emails").reads()).containsExactly(EmailPipeline.INBOX_BUCKET);
        assertThat(declared.function("incoming-emails").publishesTo()).containsExactly(EmailPipeline.ADDRESSES_TOPIC);
    }
}
