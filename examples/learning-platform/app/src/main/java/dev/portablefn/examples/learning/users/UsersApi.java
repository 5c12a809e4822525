package dev.portablefn.examples.learning.users;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;

/** The users HTTP API: {@code POST /users} registers, {@code GET /users/{id}} answers the profile. */
public final class UsersApi implements HttpFunction {

    private final UserAccounts accounts;
    private final HttpRouter router;

    /** @param accounts the accounts the API serves */
    public UsersApi(UserAccounts accounts) {
        this.accounts = accounts;
        this.router = routes(HttpRouter.builder()).build();
    }

    /** @param builder the router to add this API's routes to @return the same builder */
    public HttpRouter.Builder routes(HttpRouter.Builder builder) {
        return builder
                .post("/users", this::register)
                .get("/users/{id}", (request, context) ->
                        HttpResponse.ok().json(accounts.profile(request.pathParameter("id").orElseThrow())));
    }

    private HttpResponse register(HttpRequest request, Context context) {
        User user = accounts.register(request.bodyAs(Registration.class), context.clock());
        context.logger().info("registered user {}", user.id());
        return HttpResponse.created("/users/" + user.id()).json(user);
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return router.handle(request, context);
    }
}
