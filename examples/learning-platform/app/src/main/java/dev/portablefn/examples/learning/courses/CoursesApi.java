package dev.portablefn.examples.learning.courses;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import java.util.Map;

/**
 * The courses HTTP API: {@code POST /courses}, {@code GET /courses}, {@code GET /courses/{id}}.
 * Invalid bodies are answered 400 with the wrong fields by the library's binding.
 */
public final class CoursesApi implements HttpFunction {

    private final CourseCatalog catalog;
    private final HttpRouter router;

    /** @param catalog the catalogue the API serves */
    public CoursesApi(CourseCatalog catalog) {
        this.catalog = catalog;
        this.router = routes(HttpRouter.builder()).build();
    }

    /**
     * Adds this API's routes to a router, so several APIs can share one (as the dev server does).
     *
     * @param builder the router to add to
     * @return the same builder
     */
    public HttpRouter.Builder routes(HttpRouter.Builder builder) {
        return builder
                .post("/courses", this::create)
                .get("/courses", (request, context) -> HttpResponse.ok().json(Map.of("courses", catalog.list())))
                .get("/courses/{id}", (request, context) ->
                        HttpResponse.ok().json(catalog.get(request.pathParameter("id").orElseThrow())));
    }

    private HttpResponse create(HttpRequest request, Context context) {
        Course course = catalog.create(request.bodyAs(NewCourse.class), context.clock());
        context.logger().info("created course {} '{}'", course.id(), course.title());
        return HttpResponse.created("/courses/" + course.id()).json(course);
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return router.handle(request, context);
    }
}
