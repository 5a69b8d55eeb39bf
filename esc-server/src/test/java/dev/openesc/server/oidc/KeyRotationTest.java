package dev.openesc.server.oidc;

import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokenException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import dev.openesc.server.store.ExclusiveJob;
import dev.openesc.server.store.Leases;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class KeyRotationTest {

    private static List<String> publishedKids(OidcWorld world) {
        return world.issuer().keySet().getKeys().stream().map(JWK::getKeyID).toList();
    }

    @StoreTest
    void aNewKeyIsPublishedBeforeItSignsAndTheOldOneStaysUntilItsLastTokenExpires(StoreFixture fixture)
            throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        Instant start = fixture.clock().instant();
        String first = world.rotation().rotate().orElseThrow();
        assertThat(world.rotation().rotate()).isEmpty();
        fixture.clock().advance(Duration.ofDays(1));
        assertThat(world.rotation().rotate()).isEmpty();

        // Two pre-publication periods before the first key's signing period ends, its successor is
        // published, to sign one pre-publication period later.
        fixture.clock().set(start.plus(Duration.ofDays(2)));
        String second = world.rotation().rotate().orElseThrow();
        assertThat(publishedKids(world)).containsExactly(first, second);
        assertThat(world.keys().published().get(1).notBefore()).isEqualTo(start.plus(Duration.ofDays(3)));
        assertThat(world.tokens().issue(OidcWorld.awsRequest()).kid()).isEqualTo(first);
        assertThat(world.rotation().rotate()).isEmpty();

        fixture.clock().set(start.plus(Duration.ofDays(3)).minus(Duration.ofMinutes(30)));
        IdToken lastOfFirst = world.tokens().issue(OidcWorld.awsRequest());
        assertThat(lastOfFirst.kid()).isEqualTo(first);

        fixture.clock().set(start.plus(Duration.ofDays(3)));
        assertThat(world.tokens().issue(OidcWorld.awsRequest()).kid()).isEqualTo(second);
        assertThat(world.rotation().rotate()).isEmpty();
        // The first key signs no more: it retires when its last possible token has expired.
        Instant retirement = start.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).plus(KeyRotation.CLOCK_SKEW);
        assertThat(world.keys().published().get(0).retireAfter()).isEqualTo(retirement);
        fixture.clock().advance(Duration.ofMinutes(29));
        // The signing key leads the set (RGW tries only the first key); the retiring one follows.
        assertThat(publishedKids(world)).containsExactly(second, first);
        assertThat(TokenVerifier.verify(lastOfFirst.token(), world.issuer().keySet(), world.issuer().issuer(),
                "aws:acme", fixture.clock()).getSubject()).isEqualTo("pulumi:environments:org:acme:env:app/dev");

        fixture.clock().set(retirement);
        assertThat(world.rotation().rotate()).isEmpty();
        assertThat(publishedKids(world)).containsExactly(second);
        assertThat(world.keys().published()).hasSize(1);
        assertThatThrownBy(() -> TokenVerifier.verify(lastOfFirst.token(), world.issuer().keySet(),
                world.issuer().issuer(), "aws:acme", fixture.clock())).hasMessageContaining("no matching key");
    }

    @StoreTest
    void whenRotationIsLateTokensDoNotOutliveTheirKeyAndANewKeySignsAtOnce(StoreFixture fixture) {
        OidcWorld world = OidcWorld.on(fixture);
        Instant start = fixture.clock().instant();
        String first = world.rotation().rotate().orElseThrow();
        Instant retirement = start.plus(Duration.ofDays(4)).plus(Duration.ofHours(1));

        fixture.clock().set(start.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(30)));
        IdToken late = world.tokens().issue(OidcWorld.awsRequest());
        assertThat(late.kid()).isEqualTo(first);
        assertThat(late.expires()).isEqualTo(Instant.ofEpochSecond(retirement.getEpochSecond()));

        fixture.clock().set(retirement);
        assertThatThrownBy(() -> world.tokens().issue(OidcWorld.awsRequest())).isInstanceOf(IdentityTokenException.class);
        String replacement = world.rotation().rotate().orElseThrow();
        assertThat(publishedKids(world)).containsExactly(replacement);
        assertThat(world.tokens().issue(OidcWorld.awsRequest()).kid()).isEqualTo(replacement);
    }

    @StoreTest
    void onlyTheLeaseHolderRotates(StoreFixture fixture) {
        OidcWorld first = OidcWorld.on(fixture);
        OidcWorld second = OidcWorld.replica(fixture);
        ExclusiveJob onFirst = first.rotation().job(new Leases(first.db()), "replica-a", Duration.ofMinutes(5));
        ExclusiveJob onSecond = second.rotation().job(new Leases(second.db()), "replica-b", Duration.ofMinutes(5));

        assertThat(onFirst.runIfHolder()).isTrue();
        assertThat(onSecond.runIfHolder()).isFalse();
        assertThat(second.keys().published()).hasSize(1);
        fixture.clock().advance(Duration.ofMinutes(6));
        assertThat(onSecond.runIfHolder()).isTrue();
        assertThat(second.keys().published()).hasSize(1);
    }

    @StoreTest
    void aRetirementIsBroughtForwardNeverPostponed(StoreFixture fixture) {
        OidcWorld world = OidcWorld.on(fixture);
        String kid = world.rotation().rotate().orElseThrow();
        Instant planned = world.keys().published().get(0).retireAfter();

        assertThat(world.keys().retireEarlier(kid, planned.plus(Duration.ofDays(1)))).isFalse();
        assertThat(world.keys().retireEarlier(kid, fixture.clock().instant().minusSeconds(1))).isFalse();
        assertThat(world.keys().retireEarlier(kid, planned.minus(Duration.ofDays(1)))).isTrue();
        assertThat(world.keys().published().get(0).retireAfter()).isEqualTo(planned.minus(Duration.ofDays(1)));
    }
}
