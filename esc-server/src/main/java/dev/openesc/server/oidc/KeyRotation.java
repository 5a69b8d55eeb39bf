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
 * {@link #job}. Each step deletes retired keys and adds a key when one is due:
 * <ul>
 * <li>none can sign (a new database, or the schedule stopped for longer than a key's grace): a key
 * that signs at once, since nothing better can be done;</li>
 * <li>the newest key's signing period ends within {@code prePublish}: its successor, signing
 * {@code prePublish} from now, so that it is in every JWKS before the first token it signs.</li>
 * </ul>
 * A key's {@code retireAfter} is fixed when it is made: the end of its signing period plus the longest
 * token lifetime. It keeps signing past its period only if its successor is late, and {@link TokenIssuer}
 * never lets a token outlive its key's publication.
 */
public final class KeyRotation {

    static final String JOB_NAME = "oidc-key-rotation";

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
        keys.deleteRetiredBefore(now);
        List<SigningKey> published = keys.published();
        Optional<SigningKey> newest = published.stream().max(Comparator.comparing(SigningKey::notBefore));
        if (newest.isEmpty() || !signingEnd(newest.get()).isAfter(now)) {
            return Optional.of(add(now));
        }
        SigningKey latest = newest.get();
        if (latest.notBefore().isAfter(now)) {
            return Optional.empty(); // the successor is already published and waits for its turn
        }
        if (!signingEnd(latest).minus(policy.prePublish()).isAfter(now)) {
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
