package dev.openesc.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ExpiringProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Credentials numbered by call, living {@code lifetime} from the clock's now (none: static keys). */
    static final class CountingProvider implements ExpiringProvider {
        final AtomicInteger calls = new AtomicInteger();
        final Clock clock;
        final Duration lifetime;
        volatile CountDownLatch gate;
        volatile ProviderException failure;

        CountingProvider(Clock clock, Duration lifetime) {
            this.clock = clock;
            this.lifetime = lifetime;
        }

        @Override
        public Schema inputSchema() {
            return Schema.always();
        }

        @Override
        public Schema outputSchema() {
            return Schema.always();
        }

        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException {
            int call = calls.incrementAndGet();
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            Map<String, Value> out = new java.util.TreeMap<>();
            out.put("key", Value.ofString("key-" + call).withSecret(true));
            if (lifetime != null) {
                out.put("expires", Value.ofString(clock.instant().plus(lifetime).toString()));
            }
            return Value.ofMap(out);
        }

        @Override
        public Optional<Instant> expiresAt(Value output) {
            Value at = output.asMap().get("expires");
            return at == null ? Optional.empty() : Optional.of(Instant.parse((String) at.value()));
        }
    }

    private final ManualClock clock = new ManualClock();

    private static ExecContext context(String org, String user) {
        return ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of(
                "organization", Value.ofMap(Map.of("login", Value.ofString(org))),
                "user", Value.ofMap(Map.of("login", Value.ofString(user))))))).copyForEnv("app/dev");
    }

    private static Map<String, Value> inputs(String role) {
        return Map.of("oidc", Value.ofMap(Map.of("roleArn", Value.ofString(role))));
    }

    private static String key(Value output) {
        return (String) output.asMap().get("key").value();
    }

    @Test
    void servesAnHourLongCredentialUntilFiveMinutesBeforeItEnds() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofHours(1));
        CredentialCache cache = new CredentialCache(clock, 100);
        CachingProvider provider = new CachingProvider("aws-login", cloud, cache);

        Value first = provider.open(inputs("r"), context("acme", "alice"));
        clock.advance(Duration.ofMinutes(54));
        Value second = provider.open(inputs("r"), context("acme", "alice"));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Value third = provider.open(inputs("r"), context("acme", "alice"));

        assertThat(key(first)).isEqualTo("key-1");
        assertThat(key(second)).isEqualTo("key-1");
        assertThat(key(third)).as("within 5 minutes of the end: fetched anew").isEqualTo("key-2");
        assertThat(cloud.calls).hasValue(2);
        assertThat(cache.stats()).isEqualTo(new CredentialCache.Stats(1, 2, 1));
    }

    @Test
    void shortLivedCredentialsKeepAFifthOfTheirLifetimeAsMargin() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofMinutes(10));
        CachingProvider provider = new CachingProvider("p", cloud, new CredentialCache(clock, 100));

        provider.open(inputs("r"), context("acme", "alice"));
        clock.advance(Duration.ofMinutes(7).plusSeconds(59));
        provider.open(inputs("r"), context("acme", "alice"));
        assertThat(cloud.calls).as("2 minutes before the end: still served").hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        provider.open(inputs("r"), context("acme", "alice"));
        assertThat(cloud.calls).hasValue(2);
    }

    @Test
    void keysOnProviderInputsAndWhoAsks() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofHours(1));
        CredentialCache cache = new CredentialCache(clock, 100);
        CachingProvider aws = new CachingProvider("aws-login", cloud, cache);
        CachingProvider other = new CachingProvider("other-login", cloud, cache);

        aws.open(inputs("r"), context("acme", "alice"));
        aws.open(inputs("r2"), context("acme", "alice"));
        aws.open(inputs("r"), context("acme", "bob"));
        aws.open(inputs("r"), context("other", "alice"));
        other.open(inputs("r"), context("acme", "alice"));
        aws.open(inputs("r"), context("acme", "alice"));

        assertThat(cloud.calls).hasValue(5);
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void keysDoNotDependOnTheOrderInputsWereWritten() {
        Map<String, Value> ab = new java.util.LinkedHashMap<>();
        ab.put("a", Value.ofString("1"));
        ab.put("b", Value.ofString("2"));
        Map<String, Value> ba = new java.util.LinkedHashMap<>();
        ba.put("b", Value.ofString("2"));
        ba.put("a", Value.ofString("1"));
        CacheKey one = CacheKey.of("p", ab, null);
        assertThat(one).isEqualTo(CacheKey.of("p", ba, null));
        assertThat(one).isNotEqualTo(CacheKey.of("p", Map.of("a", Value.ofString("1")), null));
        assertThat(one.toString()).doesNotContain("\"a\"");
    }

    @Test
    void credentialsWithoutExpiryAreNeverKept() throws Exception {
        CountingProvider statics = new CountingProvider(clock, null);
        CredentialCache cache = new CredentialCache(clock, 100);
        CachingProvider provider = new CachingProvider("p", statics, cache);

        provider.open(inputs("r"), context("acme", "alice"));
        provider.open(inputs("r"), context("acme", "alice"));

        assertThat(statics.calls).hasValue(2);
        assertThat(cache.stats().size()).isZero();
    }

    @Test
    void failuresAreNotKept() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofHours(1));
        CachingProvider provider = new CachingProvider("p", cloud, new CredentialCache(clock, 100));
        cloud.failure = new ProviderException("AccessDenied");

        assertThatThrownBy(() -> provider.open(inputs("r"), context("acme", "alice")))
                .isInstanceOf(ProviderException.class).hasMessage("AccessDenied");
        cloud.failure = null;
        assertThat(key(provider.open(inputs("r"), context("acme", "alice")))).isEqualTo("key-2");
    }

    @Test
    void concurrentOpensOfOneKeyCallTheCloudOnce() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofHours(1));
        cloud.gate = new CountDownLatch(1);
        CredentialCache cache = new CredentialCache(clock, 100);
        CachingProvider provider = new CachingProvider("p", cloud, cache);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Value>> opens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opens.add(pool.submit(() -> provider.open(inputs("r"), context("acme", "alice"))));
            }
            // Every open has either started the one fetch or found it in flight once all 8 are counted.
            while (cache.stats().hits() + cache.stats().misses() < 8) {
                Thread.onSpinWait();
            }
            cloud.gate.countDown();
            for (Future<Value> open : opens) {
                assertThat(key(open.get(10, TimeUnit.SECONDS))).isEqualTo("key-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cloud.calls).hasValue(1);
    }

    @Test
    void concurrentOpensShareAFailure() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofHours(1));
        cloud.gate = new CountDownLatch(1);
        cloud.failure = new ProviderException("InvalidIdentityToken");
        CredentialCache cache = new CredentialCache(clock, 100);
        CachingProvider provider = new CachingProvider("p", cloud, cache);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Value>> opens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opens.add(pool.submit(() -> provider.open(inputs("r"), context("acme", "alice"))));
            }
            while (cache.stats().hits() + cache.stats().misses() < 4) {
                Thread.onSpinWait();
            }
            cloud.gate.countDown();
            for (Future<Value> open : opens) {
                assertThatThrownBy(() -> open.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ProviderException.class).hasMessageContaining("InvalidIdentityToken");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cloud.calls).hasValue(1);
    }

    @Test
    void staysWithinItsBoundDroppingWhatGoesStaleFirst() throws Exception {
        CountingProvider cloud = new CountingProvider(clock, Duration.ofHours(1));
        CredentialCache cache = new CredentialCache(clock, 2);
        CachingProvider provider = new CachingProvider("p", cloud, cache);

        provider.open(inputs("oldest"), context("acme", "alice"));
        clock.advance(Duration.ofMinutes(1));
        provider.open(inputs("middle"), context("acme", "alice"));
        provider.open(inputs("newest"), context("acme", "alice"));
        assertThat(cache.stats().size()).isEqualTo(2);

        provider.open(inputs("newest"), context("acme", "alice"));
        provider.open(inputs("middle"), context("acme", "alice"));
        assertThat(cloud.calls).as("the two kept are the latest").hasValue(3);
        provider.open(inputs("oldest"), context("acme", "alice"));
        assertThat(cloud.calls).hasValue(4);
    }
}
