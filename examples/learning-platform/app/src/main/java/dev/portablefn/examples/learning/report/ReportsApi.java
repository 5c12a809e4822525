package dev.portablefn.examples.learning.report;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads nightly reports: {@code GET /reports/latest} and {@code GET /reports/{date}} (ISO date). */
public final class ReportsApi implements HttpFunction {

    private final ReportRepository reports;
    private final HttpRouter router;

    /** @param reports where reports are stored */
    public ReportsApi(ReportRepository reports) {
        this.reports = reports;
        this.router = routes(HttpRouter.builder()).build();
    }

    /** @param builder the router to add this API's routes to @return the same builder */
    public HttpRouter.Builder routes(HttpRouter.Builder builder) {
        return builder
                .get("/reports/latest", (request, context) -> HttpResponse.ok().json(reports.latest().orElseThrow(() ->
                        PermanentFailure.withStatus(404, "no nightly report has been built yet"))))
                .get("/reports/{date}", (request, context) -> {
                    LocalDate date = parse(request.pathParameter("date").orElseThrow());
                    return HttpResponse.ok().json(reports.find(date).orElseThrow(() ->
                            PermanentFailure.withStatus(404, "there is no nightly report for " + date)));
                });
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PermanentFailure("'" + text + "' is not a date; use YYYY-MM-DD", e);
        }
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return router.handle(request, context);
    }
}
