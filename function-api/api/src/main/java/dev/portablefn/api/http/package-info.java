/**
 * The portable HTTP types an {@link dev.portablefn.api.HttpFunction} handles: the immutable
 * {@link dev.portablefn.api.http.HttpRequest} decoded from any provider's HTTP trigger, the
 * {@link dev.portablefn.api.http.HttpResponse} built fluently in reply, their headers, query parameters and
 * cookies, the {@link dev.portablefn.api.http.Problem} body of error responses, and
 * {@link dev.portablefn.api.http.HttpRouter}, which routes by method and path template.
 */
package dev.portablefn.api.http;
