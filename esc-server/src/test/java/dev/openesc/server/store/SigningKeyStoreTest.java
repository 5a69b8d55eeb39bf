package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

class SigningKeyStoreTest {

    private static byte[] pkcs8(String marker) {
        return ("-----PRIVATE " + marker + "-----").getBytes(StandardCharsets.US_ASCII);
    }

    @StoreTest
    void keysArePublishedBeforeTheySignAndUntilTheyRetire(StoreFixture fixture) {
        SigningKeyStore keys = new SigningKeyStore(fixture.db(), fixture.keyring());
        Instant now = fixture.db().now();
        keys.add("k1", "RS256", pkcs8("one"), "{\"kid\":\"k1\"}", now, now.plus(Duration.ofDays(2)));
        keys.add("k2", "RS256", pkcs8("two"), "{\"kid\":\"k2\"}", now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3)));

        assertThat(keys.published()).extracting(SigningKey::kid).containsExactly("k1", "k2");
        SigningKey current = keys.current().orElseThrow();
        assertThat(current.kid()).isEqualTo("k1");
        assertThat(current.privateKey()).isEqualTo(pkcs8("one"));
        assertThat(current.publicJwk()).isEqualTo("{\"kid\":\"k1\"}");

        fixture.clock().advance(Duration.ofDays(1));
        assertThat(keys.current().orElseThrow().kid()).isEqualTo("k2");
        fixture.clock().advance(Duration.ofDays(1));
        assertThat(keys.published()).extracting(SigningKey::kid).containsExactly("k2");
        assertThat(keys.deleteRetiredBefore(fixture.db().now())).isEqualTo(1);
        fixture.clock().advance(Duration.ofDays(1));
        assertThat(keys.current()).isEmpty();
        assertThatThrownBy(() -> keys.add("k2", "RS256", pkcs8("x"), "{}", now, now.plusSeconds(1)))
                .isInstanceOf(StoreException.Conflict.class);
    }

    @StoreTest
    void privateKeysAreEncryptedAtRest(StoreFixture fixture) {
        SigningKeyStore keys = new SigningKeyStore(fixture.db(), fixture.keyring());
        Instant now = fixture.db().now();
        keys.add("k1", "RS256", pkcs8("very-private"), "{}", now, now.plusSeconds(60));

        byte[] stored = fixture.db().read(connection -> Sql.first(connection,
                "SELECT private_key FROM signing_keys", row -> row.getBytes(1)).orElseThrow());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("very-private");
        assertThat(new SigningKeyStore(fixture.db(), fixture.keyring()).current().orElseThrow().privateKey())
                .isEqualTo(pkcs8("very-private"));
    }
}
