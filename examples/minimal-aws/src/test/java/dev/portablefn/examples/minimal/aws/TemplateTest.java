package dev.portablefn.examples.minimal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Path PROJECT = Path.of(System.getProperty("project.dir", "."));

    private static String property(String name) throws IOException {
        String template = Files.readString(PROJECT.resolve("template.yaml"), StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("(?m)^\\s+" + name + ":\\s*(\\S+)\\s*$").matcher(template);
        assertThat(matcher.find()).as("template.yaml has a %s", name).isTrue();
        return matcher.group(1);
    }

    @Test
    void handlerNamesARequestStreamHandlerClass() throws Exception {
        String handler = property("Handler");
        assertThat(handler).endsWith("::handleRequest");
        Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
        assertThat(RequestStreamHandler.class).isAssignableFrom(type);
        assertThat(type.getConstructor().newInstance()).isInstanceOf(RequestStreamHandler.class);
    }

    @Test
    void codeUriPointsAtTheShadedJar() throws Exception {
        Path codeUri = PROJECT.resolve(property("CodeUri")).normalize();
        assertThat(codeUri).isEqualTo(Path.of(System.getProperty("lambda.jar")).normalize());
    }

    @Test
    void handlerAnswersAnHttpApiRequest() throws Exception {
        String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /hello\",\"rawPath\":\"/hello\","
                + "\"rawQueryString\":\"name=Lambda\",\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\","
                + "\"path\":\"/hello\",\"sourceIp\":\"1.2.3.4\"},\"requestId\":\"r1\"},\"isBase64Encoded\":false}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HelloHandler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode response = new ObjectMapper().readTree(out.toByteArray());
        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.get("body").textValue()).get("message").textValue())
                .isEqualTo("Hello, Lambda!");
    }

    @Test
    void everyInvocationWritesAnAccessLine() throws Exception {
        assertThat(property("PORTABLEFN_ACCESS_LOG")).isEqualTo("\"true\"");
    }
}
