package dev.portablefn.bench.portable;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/**
 * The learning platform's courses function as its AWS module deploys it (the example's {@code CoursesHandler}, the
 * same three lines): routing, a Jakarta-validated {@code POST /courses} body, a log line per created course. The
 * cold-start variant {@code courses} runs it against {@code CoursesBaselineLambdaHandler}.
 */
public final class CoursesAwsHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public CoursesAwsHandler() {
        super(CloudDeployment.platform().coursesApi());
    }
}
