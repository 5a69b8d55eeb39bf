package dev.openesc.core.eval;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Definitions parsed once and reused: by later evaluator passes of the same request, typically
 * {@link Evaluator#check} then {@link Evaluator#evaluate} when opening an environment (each pass would otherwise
 * decode and parse every import again, about half the time of a pass over the reference's benchmark environment,
 * which imports 26 others), or, {@link #bounded bounded}, by all the requests of a server.
 *
 * <p>An entry is found only by the same name and byte-for-byte the same definition, so a changed definition is
 * parsed again and results are the same as without the cache: an entry can never be stale. A parsed definition is
 * never changed by evaluation. Safe for concurrent use.
 */
public final class ParsedDefinitions {

    /** The lookup key: a definition's name and its exact bytes (hashed once). */
    private static final class Key {
        private final String name;
        private final byte[] source;
        private final int hash;

        Key(String name, byte[] source) {
            this.name = name;
            this.source = source;
            this.hash = 31 * name.hashCode() + Arrays.hashCode(source);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && name.equals(key.name)
                    && Arrays.equals(source, key.source);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final long maxSourceBytes;
    private final Map<Key, Loader.Loaded> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long sourceBytes;

    /** Unbounded: for the passes of one request, then dropped. */
    public ParsedDefinitions() {
        this(Long.MAX_VALUE);
    }

    private ParsedDefinitions(long maxSourceBytes) {
        this.maxSourceBytes = maxSourceBytes;
    }

    /**
     * A cache for many requests that keeps definitions of at most {@code maxSourceBytes} bytes of YAML in all,
     * dropping the least recently used first. The parsed form takes some tens of times its source in memory, so
     * the bound is what limits the heap it holds.
     */
    public static ParsedDefinitions bounded(long maxSourceBytes) {
        return new ParsedDefinitions(maxSourceBytes);
    }

    /** The definition {@code source} of {@code name} parsed, as {@link Loader#load(String, byte[])} does. */
    public Loader.Loaded load(String name, byte[] source) {
        Key probe = new Key(name, source);
        synchronized (entries) {
            Loader.Loaded known = entries.get(probe);
            if (known != null) {
                return known;
            }
        }
        Loader.Loaded loaded = Loader.load(name, source);
        if (source.length > maxSourceBytes) {
            return loaded;
        }
        // a copy, so that a loader reusing its buffer cannot make a stale entry look current
        Key key = new Key(name, source.clone());
        synchronized (entries) {
            if (entries.putIfAbsent(key, loaded) == null) {
                sourceBytes += source.length;
                Iterator<Key> eldest = entries.keySet().iterator();
                while (sourceBytes > maxSourceBytes && eldest.hasNext()) {
                    sourceBytes -= eldest.next().source.length;
                    eldest.remove();
                }
            }
        }
        return loaded;
    }
}
