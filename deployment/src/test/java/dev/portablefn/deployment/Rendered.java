package dev.portablefn.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portablefn.api.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a declaration in memory and reads the outputs back: SAM as YAML, host.json as JSON, the script by line. */
final class Rendered {

    static final String PACKAGE = "com.example.entries";
    static final String JAR = "shop.jar";

    private Rendered() {
    }

    static Map<String, String> files(Application app, Provider provider) {
        return Render.files(app, provider, PACKAGE, JAR, Rendered.class.getClassLoader());
    }

    /** @return the SAM template's functions' Properties, by FunctionName */
    static Map<String, JsonNode> samFunctions(JsonNode template) {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        template.get("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.put(resource.at("/Properties/FunctionName").asText(), resource.get("Properties"));
            }
        });
        return functions;
    }

    static JsonNode sam(Application app) {
        return yaml(files(app, Provider.AWS).get("sam/template.yaml"));
    }

    static JsonNode hostJson(Application app) {
        try {
            return new ObjectMapper().readTree(files(app, Provider.AZURE).get("azure/host.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String script(Application app) {
        return files(app, Provider.GCP).get("deploy/deploy-gcp.sh");
    }

    static JsonNode yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return each {@code gcloud functions deploy} command, continuation lines joined, by function name */
    static Map<String, String> gcloudDeploys(String script) {
        Map<String, String> deploys = new LinkedHashMap<>();
        Matcher deploy = Pattern.compile("(?m)^gcloud functions deploy (\\S+) (.*)$").matcher(joined(script));
        while (deploy.find()) {
            deploys.put(deploy.group(1), deploy.group(2));
        }
        return deploys;
    }

    /** @return the value of {@code --option=} in a command */
    static String option(String command, String option) {
        Matcher value = Pattern.compile("--" + option + "=(\\S+)").matcher(command);
        return value.find() ? value.group(1) : null;
    }

    /** @return the text with each continuation line joined to its command by one space */
    static String joined(String text) {
        return text.replaceAll(" *\\\\\n\\s*", " ");
    }

    static List<String> lines(String text, String containing) {
        return joined(text).lines().filter(line -> line.contains(containing)).toList();
    }
}
