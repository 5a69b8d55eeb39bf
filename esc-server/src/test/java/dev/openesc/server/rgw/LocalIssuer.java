package dev.openesc.server.rgw;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.http.HttpApi;
import dev.openesc.server.http.HttpSettings;
import dev.openesc.server.oidc.Oidc;
import dev.openesc.server.oidc.OidcIssuer;
import dev.openesc.server.oidc.RotationPolicy;
import dev.openesc.server.service.LocalEscService;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import dev.openesc.server.testing.MutableClock;
import dev.openesc.server.testing.StoreFixture;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's OIDC issuer on a real port, as RGW fetches it: the REST layer of the server over a SQLite
 * store in {@code dataDir}, with a clock the test moves, so that keys rotate and tokens expire on demand.
 */
public final class LocalIssuer implements AutoCloseable {

    private final Storage storage;
    private final HttpApi http;
    private final Oidc oidc;
    private final PrometheusMeterRegistry registry;

    private LocalIssuer(Storage storage, HttpApi http, Oidc oidc, PrometheusMeterRegistry registry) {
        this.storage = storage;
        this.http = http;
        this.oidc = oidc;
        this.registry = registry;
    }

    /** Starts serving on a free loopback port; no key exists until the test runs the rotation step. */
    public static LocalIssuer start(Path dataDir, MutableClock clock, RotationPolicy policy) {
        Database database = Database.open(DatabaseUrl.sqliteFile(dataDir.resolve("esc.db")),
                DatabaseOptions.defaults().withClock(clock));
        Storage storage = Storage.on(database, LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY),
                SessionPolicy.defaults());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<OidcIssuer> issuer = new AtomicReference<>();
        HttpApi http = HttpApi.start(new LocalEscService(storage),
                new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY, Duration.ofSeconds(5)),
                () -> true, registry, issuer::get);
        Oidc oidc = Oidc.over(storage.signingKeys(), clock, "http://127.0.0.1:" + http.port(), policy);
        issuer.set(oidc.issuer());
        return new LocalIssuer(storage, http, oidc, registry);
    }

    public Oidc oidc() {
        return oidc;
    }

    /** {@code http://127.0.0.1:PORT/oidc}: the {@code iss} of its tokens. */
    public String url() {
        return oidc.issuer().issuer();
    }

    /** The key set as a relying party fetches it now, over HTTP. */
    public JWKSet fetchJwks() {
        return Rgw.fetchJwks(oidc.issuer().jwksUri());
    }

    /** The kids of the published keys, in the JWKS's order. */
    public List<String> publishedKids() {
        return fetchJwks().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** Thumbprints of the published keys' certificates, for registering the issuer with RGW. */
    public List<String> thumbprints() {
        return Rgw.thumbprints(fetchJwks());
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            storage.close();
            registry.close();
        }
    }
}
