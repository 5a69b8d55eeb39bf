package dev.openesc.server.http;

import dev.openesc.api.EscService;
import dev.openesc.server.oidc.OidcIssuer;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The REST API as a started Javalin application: operations endpoints, token authentication for
 * everything under {@code /api/}, every endpoint of the contract, one error mapper, request logs and
 * metrics. {@link #close()} stops accepting connections and lets requests in flight finish (up to the
 * stop timeout) before it returns.
 */
public final class HttpApi implements AutoCloseable {

    private static final String API_PREFIX = "/api/";

    private final Javalin app;

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving {@code service}.
     *
     * @param ready    whether the backend can serve (for {@code /readyz})
     * @param registry where request metrics go; {@code /metrics} scrapes it
     */
    public static HttpApi start(EscService service, HttpSettings settings, BooleanSupplier ready,
                                PrometheusMeterRegistry registry) {
        return start(service, settings, ready, registry, () -> null);
    }

    /**
     * Starts serving {@code service} and the OIDC issuer's documents.
     *
     * @param oidc the issuer, or null while it is not built yet (its URL may need the port chosen here)
     */
    public static HttpApi start(EscService service, HttpSettings settings, BooleanSupplier ready,
                                PrometheusMeterRegistry registry, Supplier<OidcIssuer> oidc) {
        RequestBodies bodies = new RequestBodies(settings.maxBodyBytes());
        TokenAuthentication authentication = new TokenAuthentication(service);
        RequestLog requestLog = new RequestLog(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.strictContentTypes = false;
            config.http.generateEtags = false;
            // Javalin decides per response whether its type may be compressed by scanning a list of excluded types
            // (images, archives...) for a case-insensitive substring: 3 % of a small GET. The types we answer are
            // looked up here first; none of them was excluded, so what gets compressed is unchanged.
            config.http.compressionStrategy = compression();
            // The SDK reads one property at ".../open//{id}"; an empty segment routes like none.
            config.router.treatMultipleSlashesAsSingleSlash = true;
            config.router.javaLangErrorHandler(ErrorMapper::fatal);
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.stopTimeout().toMillis());
                GracefulHandler graceful = new GracefulHandler();
                // While stopping, a connection idle this long is closed: idle keep-alive connections go
                // quickly, and a request whose body is still arriving (slowly) gets this long to finish it.
                // Half the stop timeout at most, so an idle connection never outlasts the stop itself.
                graceful.setShutdownIdleTimeout(Math.min(2000, settings.stopTimeout().toMillis() / 2));
                server.insertHandler(graceful);
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            config.requestLogger.http(requestLog::record);

            var routes = config.routes;
            ErrorMapper.register(routes);
            EnvironmentEndpoints environments = new EnvironmentEndpoints(service, bodies);
            environments.registerDefinition(routes);
            Operations.register(routes, ready, registry);
            new OidcEndpoints(oidc).register(routes);
            // Every API handler authenticates first, after routing, so that logs and metrics of a refused request
            // still name its route. A wrapper rather than a beforeMatched("/api/*") handler: Javalin looks the
            // route up three more times for a beforeMatched handler, about a tenth of a small GET's CPU.
            config.router.handlerWrapper(endpoint -> isApi(endpoint) ? ctx -> {
                bodies.checkDeclaredLength(ctx);
                authentication.authenticate(ctx);
                endpoint.handler.handle(ctx);
            } : endpoint.handler);
            TagEndpoints tags = new TagEndpoints(service, bodies);
            OpenEndpoints open = new OpenEndpoints(service, bodies);
            open.register(routes);
            environments.register(routes);
            // Tag routes before the version routes: ".../versions/tags" is a listing, not revision "tags".
            tags.register(routes);
            environments.registerVersions(routes);
            open.registerVersions(routes);
            // Javalin tries a method's routes in this order, a regular expression each, until one matches: the
            // environment routes, which take nearly all requests, come first. No route below shares their prefix.
            new UserEndpoints(service).register(routes);
            new AdminEndpoints(service, bodies).register(routes);
        });
        app.start();
        return new HttpApi(app);
    }

    /** Javalin's default (gzip), with the types we answer found before the list of excluded ones is scanned. */
    private static CompressionStrategy compression() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        strategy.setAllowedMimeTypes(List.of(Responses.YAML, Json.CONTENT_TYPE));
        return strategy;
    }

    /** A route of the API proper (not operations or OIDC documents): it needs a token. */
    private static boolean isApi(Endpoint endpoint) {
        return endpoint.method.isHttpMethod() && endpoint.path.startsWith(API_PREFIX);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    /**
     * Stops: no new connections, requests in flight get the stop timeout to finish. Running out of it is an
     * expected outcome of a graceful stop, not a failure: Jetty has closed everything by then, so it is logged.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            LoggerFactory.getLogger(HttpApi.class).warn("stopped with requests still in flight after the stop timeout");
        }
    }
}
