package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemTest {

    @ParameterizedTest
    @CsvSource({"400, Bad Request", "404, Not Found", "405, Method Not Allowed", "413, Content Too Large",
            "415, Unsupported Media Type", "500, Internal Server Error", "503, Service Unavailable",
            "451, Client Error", "599, Server Error"})
    void ofTitlesAfterTheStatus(int status, String title) {
        Problem problem = Problem.of(status, "detail");

        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.title()).isEqualTo(title);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.detail()).isEqualTo("detail");
        assertThat(problem.errors()).isEmpty();
    }

    @Test
    void withErrorsCopiesTheList() {
        List<Violation> violations = new ArrayList<>(List.of(new Violation("price", "must be greater than 0")));

        Problem problem = Problem.of(400, "bad").withErrors(violations);
        violations.clear();

        assertThat(problem.errors()).containsExactly(new Violation("price", "must be greater than 0"));
    }

    @Test
    void serialisesErrorsAndOmitsEmptyParts() throws Exception {
        JsonNode withErrors = JacksonCodec.standard().readTree(JacksonCodec.standard().write(
                Problem.of(400, "bad").withErrors(List.of(new Violation("title", "must not be blank")))));
        JsonNode bare = JacksonCodec.standard().readTree(JacksonCodec.standard().write(Problem.of(500, null)));

        assertThat(withErrors.get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(withErrors.get("errors").get(0).get("message").asText()).isEqualTo("must not be blank");
        assertThat(bare.has("detail")).isFalse();
        assertThat(bare.has("errors")).isFalse();
        assertThat(bare.get("status").asInt()).isEqualTo(500);
    }

    @Test
    void typeAndTitleAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new Problem(null, "t", 400, null, null));
        assertThatNullPointerException().isThrownBy(() -> new Problem("about:blank", null, 400, null, null));
        assertThat(new Problem("about:blank", "t", 400, null, null).errors()).isEmpty();
    }
}
