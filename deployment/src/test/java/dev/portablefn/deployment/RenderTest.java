package dev.portablefn.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build's render step writes under the module's build directory. */
class RenderTest {

    /** The declaration a build names: one public static method returning the application. */
    public static final class Declaration {
        private Declaration() {
        }

        public static Application application() {
            return SampleApplication.declared();
        }
    }

    @TempDir
    Path target;

    @Test
    void theGcpScriptIsWrittenExecutableNextToTheJarAndTheEntryClassesAsSources() throws IOException {
        Render.to(SampleApplication.declared(), Provider.GCP, target, Rendered.PACKAGE, Rendered.JAR);

        assertThat(target.resolve("deploy/deploy-gcp.sh")).isExecutable();
        assertThat(target.resolve("deploy/.gcloudignore")).isRegularFile();
        assertThat(target.resolve(Render.GENERATED_SOURCES).resolve("com/example/entries/NightlyFunction.java"))
                .content().contains("extends dev.portablefn.gcp.GcpCloudEventFunction");
    }

    @Test
    void renderingAgainReplacesTheEntryClassesOfFunctionsNoLongerDeclared() throws IOException {
        Path stale = target.resolve(Render.GENERATED_SOURCES).resolve("com/example/entries/GoneHandler.java");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "class GoneHandler {}");

        Render.to(SampleApplication.declared(), Provider.AWS, target, Rendered.PACKAGE, Rendered.JAR);

        assertThat(stale).doesNotExist();
        assertThat(target.resolve("sam/template.yaml")).isRegularFile();
        assertThat(target.resolve(Render.GENERATED_SOURCES).resolve("com/example/entries/OrdersHandler.java")).isRegularFile();
    }

    @Test
    void aRefusedDeclarationWritesNothing() {
        Application app = SampleApplication.declared();
        Application tooLong = app.with(app.function("orders").withTimeout(java.time.Duration.ofHours(1)));

        assertThatThrownBy(() -> Render.to(tooLong, Provider.AWS, target, Rendered.PACKAGE, Rendered.JAR))
                .isInstanceOf(DeclarationException.class);
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void theDeclarationIsFoundByClassAndMethodOrByClassAlone() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(Render.declaration(Declaration.class.getName() + "#application", loader).name()).isEqualTo("shop");
        assertThat(Render.declaration(Declaration.class.getName(), loader).name()).isEqualTo("shop");
        assertThatThrownBy(() -> Render.declaration(Declaration.class.getName() + "#other", loader))
                .isInstanceOf(DeclarationException.class).hasMessageStartingWith("declaration: ");
    }
}
