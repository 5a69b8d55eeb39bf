package dev.openesc.core.eval;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imported definitions parsed once and reused by later evaluator passes of the same request, typically
 * {@link Evaluator#check} then {@link Evaluator#evaluate} when opening an environment: each pass would otherwise
 * decode and parse every import again (about half the time of a pass over the reference's benchmark environment,
 * which imports 26 others).
 *
 * <p>An entry is reused only for the same name and byte-for-byte the same definition, so a definition changed
 * between passes is parsed again and results are the same as without the cache. A parsed definition is never
 * changed by evaluation. Keep one instance for a short span (a request, or one revision set of a server): it holds
 * every definition it has parsed. Safe for concurrent use.
 */
public final class ParsedDefinitions {
    private record Entry(byte[] source, Loader.Loaded loaded) {}

    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    public ParsedDefinitions() {}

    /** The definition {@code source} of {@code name} parsed, as {@link Loader#load(String, byte[])} does. */
    Loader.Loaded load(String name, byte[] source) {
        Entry known = byName.get(name);
        if (known != null && Arrays.equals(known.source, source)) {
            return known.loaded;
        }
        Loader.Loaded loaded = Loader.load(name, source);
        // a copy, so that a loader reusing its buffer cannot make a stale entry look current
        byName.put(name, new Entry(source.clone(), loaded));
        return loaded;
    }
}
