package dev.portablefn.bench.baseline.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.bench.baseline.BaselineProblem;

/** API Gateway's response shape as the hand-written realistic handlers write it by hand: status, content type, body. */
final class ApiGatewayResponses {

    private ApiGatewayResponses() {
    }

    /**
     * @param mapper  the handler's mapper, which writes the problem
     * @param problem the problem
     * @return the problem+json response
     * @throws JsonProcessingException never for a problem
     */
    static ObjectNode problem(ObjectMapper mapper, BaselineProblem problem) throws JsonProcessingException {
        return response(mapper, problem.status(), BaselineProblem.MEDIA_TYPE, mapper.writeValueAsString(problem));
    }

    /**
     * @param mapper      the handler's mapper, which builds the response tree
     * @param status      the HTTP status
     * @param contentType the body's media type
     * @param body        the body text
     * @return the response
     */
    static ObjectNode response(ObjectMapper mapper, int status, String contentType, String body) {
        ObjectNode response = mapper.createObjectNode();
        response.put("statusCode", status);
        response.putObject("headers").put("content-type", contentType);
        response.put("body", body);
        response.put("isBase64Encoded", false);
        return response;
    }
}
