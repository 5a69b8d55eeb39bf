/**
 * The REST layer: the ESC REST API of {@code shared/api/CONTRACT.md} over Javalin (Jetty 12), as a thin
 * adapter. Each endpoint turns one HTTP request into one {@code EscService} call; the caller is
 * authenticated once, in a before-handler ({@link dev.openesc.server.http.TokenAuthentication}), and every
 * failure becomes a JSON error body in one place ({@link dev.openesc.server.http.ErrorMapper}).
 *
 * <p>Operations endpoints sit beside the API: {@code /healthz}, {@code /readyz} and {@code /metrics}.
 * Request logs are structured key/value lines with no header, body or query string in them, so neither a
 * token nor a secret can reach a log.
 */
package dev.openesc.server.http;
