package dev.openesc.server.oidc;

import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.providers.identity.Audience;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.crypto.OrgKeyring;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.SigningKeyStore;
import dev.openesc.server.testing.StoreFixture;
import java.time.Duration;
import java.util.List;

/** One replica's issuer over a test store: the issuer, its token signer and its rotation step. */
record OidcWorld(Database db, SigningKeyStore keys, OidcIssuer issuer, TokenIssuer tokens, KeyRotation rotation) {

    static final String PUBLIC_URL = "https://esc.example.test/";
    static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(4), Duration.ofDays(1),
            Duration.ofHours(1), 2048);

    /** The replica on the fixture's own database pool. */
    static OidcWorld on(StoreFixture fixture) {
        return build(fixture.db(), new SigningKeyStore(fixture.db(), fixture.keyring()), fixture);
    }

    /** Another replica: its own pool and keyring over the same database, the same master key. */
    static OidcWorld replica(StoreFixture fixture) {
        Database db = fixture.open(DatabaseOptions.defaults().withClock(fixture.clock()));
        OrgKeyring keyring = new OrgKeyring(db, LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY));
        return build(db, new SigningKeyStore(db, keyring), fixture);
    }

    private static OidcWorld build(Database db, SigningKeyStore keys, StoreFixture fixture) {
        OidcIssuer issuer = new OidcIssuer(PUBLIC_URL, keys);
        return new OidcWorld(db, keys, issuer, new TokenIssuer(issuer, keys, fixture.clock()),
                new KeyRotation(keys, POLICY, fixture.clock()));
    }

    static TokenRequest awsRequest() {
        return new TokenRequest("acme", "app/dev", "shared/aws", "alice", Audience.AWS.of("acme", "app"),
                List.of(), Duration.ofHours(1));
    }
}
