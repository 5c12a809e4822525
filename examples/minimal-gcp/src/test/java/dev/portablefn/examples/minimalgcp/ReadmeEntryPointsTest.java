package dev.portablefn.examples.minimalgcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deploy commands in the README name entry classes that exist and implement the matching framework type. */
class ReadmeEntryPointsTest {

    private static final Pattern DEPLOY = Pattern.compile(
            "gcloud functions deploy [\\s\\S]*?--entry-point (\\S+)[\\s\\S]*?--trigger-(http|topic)");

    @Test
    void everyEntryPointInTheReadmeExistsAndMatchesItsTrigger() throws IOException, ReflectiveOperationException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher deploy = DEPLOY.matcher(readme);
        List<String> entryPoints = new ArrayList<>();
        while (deploy.find()) {
            Class<?> entry = Class.forName(deploy.group(1));
            Class<?> expected = deploy.group(2).equals("http") ? HttpFunction.class : CloudEventsFunction.class;
            assertThat(entry).as(deploy.group(1)).isAssignableTo(expected);
            assertThat(entry.getConstructor().newInstance()).isNotNull();
            entryPoints.add(deploy.group(1));
        }
        assertThat(entryPoints).containsExactly("dev.portablefn.examples.minimalgcp.HelloHttp",
                "dev.portablefn.examples.minimalgcp.OnOrderPlacedPubSub");
        assertThat(readme).contains("--gen2", "--runtime java17");
    }

    @Test
    void pomRunsTheHttpEntryPointLocally() throws IOException {
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<run.functionTarget>dev.portablefn.examples.minimalgcp.HelloHttp</run.functionTarget>")
                .contains("<functionTarget>${run.functionTarget}</functionTarget>");
    }
}
