package dev.openesc.providers;

import dev.openesc.core.provider.Provider;
import dev.openesc.core.value.Value;
import java.time.Instant;
import java.util.Optional;

/**
 * A provider whose outputs are credentials that stop working at a known time. {@link BuiltinProviders} caches
 * such outputs by the exact inputs and the caller's identity until a safe margin before that time, so a second
 * open within the hour does not call the cloud again.
 */
public interface ExpiringProvider extends Provider {

    /**
     * When the credentials in {@code output} (a value {@link #open} returned) expire; empty when they do not
     * (the static forms), in which case nothing is cached.
     */
    Optional<Instant> expiresAt(Value output);
}
