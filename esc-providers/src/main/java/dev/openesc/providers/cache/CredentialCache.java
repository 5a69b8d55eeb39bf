package dev.openesc.providers.cache;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.value.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Credentials by {@link CacheKey}, each kept until a safe margin before it expires: five minutes, or a fifth of
 * the lifetime for credentials that live less than 25 minutes, so a caller always gets credentials that last a
 * while. Bounded: past {@code capacity} entries, stale ones go first, then the ones that go stale soonest.
 * Concurrent lookups of one key share one fetch (and its failure); failures and credentials without an expiry are
 * never kept.
 */
public final class CredentialCache {

    /** The default bound: credentials are small, but one per environment and user adds up on a busy server. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    private static final int MARGIN_FRACTION = 5;

    /** Counts since start: a hit served from the cache, a miss called the provider. */
    public record Stats(long hits, long misses, int size) {
    }

    /** One provider call, as the cache makes it on a miss. */
    @FunctionalInterface
    public interface Fetch {
        Value fetch() throws ProviderException;
    }

    /** A fetched value and until when it may be served. */
    private record Entry(Value value, Instant freshUntil) {
    }

    private final Clock clock;
    private final int capacity;
    private final Map<CacheKey, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public CredentialCache(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /**
     * The value for {@code key}: a fresh cached one, the one a concurrent lookup is fetching, or a new one from
     * {@code fetch}, kept until the margin before {@code expiry} says it ends.
     */
    public Value get(CacheKey key, Fetch fetch, Function<Value, Optional<Instant>> expiry) throws ProviderException {
        while (true) {
            CompletableFuture<Entry> current = entries.get(key);
            if (current != null) {
                if (!current.isDone()) {
                    hits.increment();
                    return await(current).value();
                }
                Entry entry = current.isCompletedExceptionally() ? null : current.join();
                if (entry != null && clock.instant().isBefore(entry.freshUntil())) {
                    hits.increment();
                    return entry.value();
                }
                entries.remove(key, current);
                continue;
            }
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            if (entries.putIfAbsent(key, mine) != null) {
                continue;
            }
            misses.increment();
            return fetchInto(key, mine, fetch, expiry);
        }
    }

    /** How the cache has served so far. */
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), entries.size());
    }

    private Value fetchInto(CacheKey key, CompletableFuture<Entry> slot, Fetch fetch,
                            Function<Value, Optional<Instant>> expiry) throws ProviderException {
        Value value;
        Optional<Instant> expires;
        try {
            value = fetch.fetch();
            expires = expiry.apply(value);
        } catch (ProviderException | RuntimeException | Error e) {
            entries.remove(key, slot);
            slot.completeExceptionally(e);
            throw e;
        }
        Instant now = clock.instant();
        Instant freshUntil = expires.map(at -> at.minus(margin(now, at))).orElse(now);
        slot.complete(new Entry(value, freshUntil));
        if (!freshUntil.isAfter(now)) {
            // Static keys, or credentials about to end: hand them to whoever waited, keep nothing.
            entries.remove(key, slot);
        } else if (entries.size() > capacity) {
            evict(now);
        }
        return value;
    }

    private static Duration margin(Instant now, Instant expires) {
        Duration fraction = Duration.between(now, expires).dividedBy(MARGIN_FRACTION);
        return fraction.compareTo(MAX_MARGIN) < 0 ? fraction : MAX_MARGIN;
    }

    private static Entry await(CompletableFuture<Entry> fetching) throws ProviderException {
        try {
            return fetching.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for credentials");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException failure) {
                // A copy: the evaluator reports its message; the fetching caller keeps the original.
                throw new ProviderException(failure.getMessage());
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) cause;
        }
    }

    /** Drops stale entries, then the ones fresh for the shortest time, until the bound holds. */
    private void evict(Instant now) {
        entries.entrySet().removeIf(e -> e.getValue().isDone() && !isFresh(e.getValue(), now));
        while (entries.size() > capacity) {
            CacheKey soonest = null;
            Instant soonestUntil = Instant.MAX;
            for (Map.Entry<CacheKey, CompletableFuture<Entry>> e : entries.entrySet()) {
                CompletableFuture<Entry> slot = e.getValue();
                if (slot.isDone() && !slot.isCompletedExceptionally()
                        && slot.join().freshUntil().isBefore(soonestUntil)) {
                    soonest = e.getKey();
                    soonestUntil = slot.join().freshUntil();
                }
            }
            if (soonest == null) {
                return;
            }
            entries.remove(soonest);
        }
    }

    private static boolean isFresh(CompletableFuture<Entry> slot, Instant now) {
        return !slot.isCompletedExceptionally() && now.isBefore(slot.join().freshUntil());
    }
}
