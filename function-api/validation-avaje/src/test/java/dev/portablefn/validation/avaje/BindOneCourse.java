package dev.portablefn.validation.avaje;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.http.HttpRequest;

/**
 * A whole process that binds and validates one {@code POST /courses} body the way a function does
 * ({@code request.bodyAs}), once valid and once not, and prints the outcome. {@link HibernateValidatorStaysUnloadedTest}
 * runs it with class loading logged.
 */
public final class BindOneCourse {

    private BindOneCourse() {
    }

    public static void main(String[] args) {
        Shapes.NewCourse valid = post("{\"title\":\"Java\",\"seats\":30,\"code\":\"CS-101\"}").bodyAs(Shapes.NewCourse.class);
        System.out.println("bound " + valid);
        try {
            post("{\"title\":\" \",\"seats\":-1,\"code\":\"cs-101\"}").bodyAs(Shapes.NewCourse.class);
            System.out.println("not rejected");
        } catch (InvalidInputException rejected) {
            System.out.println("rejected: " + rejected.getMessage());
        }
    }

    private static HttpRequest post(String body) {
        return HttpRequest.builder("POST", "/courses").header("Content-Type", "application/json").body(body).build();
    }
}
