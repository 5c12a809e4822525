package dev.portablefn.examples.minimal.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What Lambda does once, for {@link LambdaJarIT}'s fresh JVM: builds the handler the template names and hands it one
 * HTTP API request, then prints the response as the last line. Uses only the JDK and the Lambda library, so the
 * deployable jar must bring everything else.
 */
public final class InvokeOnce {

    private static final String REQUEST = """
            {"version":"2.0","routeKey":"GET /hello","rawPath":"/hello","rawQueryString":"name=jar",
             "headers":{"host":"example.execute-api.us-east-1.amazonaws.com",
                        "x-amzn-trace-id":"Root=1-5e9f0c65-1de4d666d4dd26aced652b6c;Sampled=1"},
             "queryStringParameters":{"name":"jar"},
             "requestContext":{"accountId":"123456789012","apiId":"example","http":{"method":"GET","path":"/hello",
               "protocol":"HTTP/1.1","sourceIp":"192.0.2.1","userAgent":"it"},"requestId":"gw-1","routeKey":"GET /hello",
               "stage":"$default","timeEpoch":1764720000000},
             "isBase64Encoded":false}
            """;

    private InvokeOnce() {
    }

    /**
     * @param args the handler class name
     * @throws Exception when the handler cannot be built or fails
     */
    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)), out, new OneContext());
        System.out.flush();
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }

    /** The invocation's context as Lambda gives it: a request id, a function name and 30 seconds left. */
    private static final class OneContext implements Context {
        private final long deadline = System.currentTimeMillis() + 30_000;

        @Override public String getAwsRequestId() { return "jar-request-1"; }
        @Override public String getLogGroupName() { return "/aws/lambda/hello"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "hello"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:hello"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) (deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
