package dev.openesc.server.http;

import dev.openesc.server.oidc.OidcIssuer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.function.Supplier;

/**
 * The OIDC issuer's public documents, without a token: relying parties (AWS, Azure, GCP, Vault, Ceph RGW)
 * fetch them to verify our tokens. The issuer is supplied late because its URL may hold the port chosen at
 * start; until it is there the documents answer 503.
 */
final class OidcEndpoints {

    /** Relying parties may cache the keys this long; a new key is published well ahead of this. */
    private static final String CACHE = "public, max-age=300";

    private final Supplier<OidcIssuer> issuer;

    OidcEndpoints(Supplier<OidcIssuer> issuer) {
        this.issuer = issuer;
    }

    void register(RoutesConfig routes) {
        routes.get(OidcIssuer.DISCOVERY_PATH, ctx -> {
            OidcIssuer current = available(ctx);
            if (current != null) {
                ctx.header("Cache-Control", CACHE);
                Json.ok(ctx, current.discoveryDocument());
            }
        });
        routes.get(OidcIssuer.JWKS_PATH, ctx -> {
            OidcIssuer current = available(ctx);
            if (current != null) {
                ctx.header("Cache-Control", CACHE);
                Json.raw(ctx, 200, current.keySet().toString(true));
            }
        });
    }

    private OidcIssuer available(Context ctx) {
        OidcIssuer current = issuer.get();
        if (current == null) {
            Json.send(ctx, 503, new ErrorBody(503, "the OIDC issuer is not ready", null));
        }
        return current;
    }
}
