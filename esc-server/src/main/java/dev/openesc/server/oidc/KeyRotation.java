package dev.openesc.server.oidc;

import dev.openesc.server.store.ExclusiveJob;
import dev.openesc.server.store.Leases;
import dev.openesc.server.store.SigningKey;
import dev.openesc.server.store.SigningKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One step of key rotation, meant to run often (every minute or so) on one replica at a time, through
 * {@link #job}. Each step:
 * <ul>
 * <li>when the newest key is signing and its signing period ends within twice {@code prePublish}, adds
 * its successor, signing {@code prePublish} from now, so that it is in every JWKS before the first token
 * it signs;</li>
 * <li>once a key has taken over, brings the retirement of the keys before it forward to its start plus
 * the longest token lifetime (plus a margin for replicas' clocks): their last token expires by then;</li>
 * <li>deletes retired keys;</li>
 * <li>when no key can sign (a new database, or the schedule stopped for longer than a key's signing
 * period allows), adds a key that signs at once, since nothing better can be done.</li>
 * </ul>
 * {@link TokenIssuer} never lets a token outlive its key's publication, whatever the schedule did.
 */
public final class KeyRotation {

    static final String JOB_NAME = "oidc-key-rotation";
    /** Replicas sign by their own clocks; one a little behind may still sign with the previous key. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SigningKeyStore keys;
    private final RotationPolicy policy;
    private final Clock clock;
    private final KeyGenerator generator;

    public KeyRotation(SigningKeyStore keys, RotationPolicy policy, Clock clock) {
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
        this.generator = new KeyGenerator(policy.keyBits());
    }

    /** Runs one step; returns the kid of the key it added, if it added one. */
    public Optional<String> rotate() {
        Instant now = clock.instant();
        List<SigningKey> published = keys.published();
        Optional<SigningKey> signing = published.stream().filter(key -> !key.notBefore().isAfter(now))
                .max(Comparator.comparing(SigningKey::notBefore));
        if (signing.isPresent()) {
            Instant lastTokenExpires = signing.get().notBefore().plus(policy.maxTokenLifetime()).plus(CLOCK_SKEW);
            for (SigningKey older : published) {
                if (older.notBefore().isBefore(signing.get().notBefore())) {
                    keys.retireEarlier(older.kid(), lastTokenExpires);
                }
            }
        }
        keys.deleteRetiredBefore(now);
        if (signing.isEmpty() || !signingEnd(signing.get()).isAfter(now)) {
            return Optional.of(add(now));
        }
        boolean successorPublished = published.stream().anyMatch(key -> key.notBefore().isAfter(now));
        Instant due = signingEnd(signing.get()).minus(policy.prePublish().multipliedBy(2));
        if (!successorPublished && !due.isAfter(now)) {
            return Optional.of(add(now.plus(policy.prePublish())));
        }
        return Optional.empty();
    }

    /** {@link #rotate} under a lease, so that replicas sharing a database do not rotate twice. */
    public ExclusiveJob job(Leases leases, String holder, Duration leaseTtl) {
        return new ExclusiveJob(leases, JOB_NAME, holder, leaseTtl, this::rotate);
    }

    private Instant signingEnd(SigningKey key) {
        return key.retireAfter().minus(policy.maxTokenLifetime());
    }

    private String add(Instant notBefore) {
        Instant retireAfter = notBefore.plus(policy.signingPeriod()).plus(policy.maxTokenLifetime());
        KeyGenerator.NewKey key = generator.generate(clock.instant(), retireAfter);
        keys.add(key.kid(), KeyGenerator.ALGORITHM, key.privateKey(), key.publicJwk().toJSONString(), notBefore,
                retireAfter);
        return key.kid();
    }
}
