package dev.openesc.core.value;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The caller-supplied values visible to an environment as {@code context.*}. The evaluator adds
 * {@code currentEnvironment.name} and {@code rootEnvironment.name}; callers may not set those keys.
 */
public final class ExecContext {
    /** The name given to environments that are evaluated without a name of their own. */
    public static final String ANONYMOUS_ENVIRONMENT = "<yaml>";

    /** The caller's values, never the environment names; never changed once built, so copies share it. */
    private final Map<String, Value> values;
    private final String rootEnvironment;
    /** The environment this context is specialised for; null until {@link #copyForEnv}. */
    private final String currentEnvironment;
    /** Memo of {@link #values()} for a specialised context. */
    private volatile Map<String, Value> withNames;

    private ExecContext(Map<String, Value> values, String rootEnvironment, String currentEnvironment) {
        this.values = values;
        this.rootEnvironment = rootEnvironment;
        this.currentEnvironment = currentEnvironment;
    }

    /**
     * Creates a context from caller values; returns empty (and the caller should report) when a reserved key is used.
     */
    public static Optional<ExecContext> create(Map<String, Value> values) {
        if (values.containsKey("currentEnvironment") || values.containsKey("rootEnvironment")) {
            return Optional.empty();
        }
        return Optional.of(new ExecContext(new TreeMap<>(values), "", null));
    }

    /** Like {@link #create} but throws for reserved keys (a programming error of the caller). */
    public static ExecContext of(Map<String, Value> values) {
        return create(values).orElseThrow(() -> new IllegalArgumentException("forbidden context key"));
    }

    public static ExecContext empty() {
        return new ExecContext(new TreeMap<>(), "", null);
    }

    /**
     * The context as seen by the environment {@code envName}: the caller's values plus the current and root
     * environment names. The first (non-anonymous) environment a context is specialised for becomes the root.
     * The map with the names is made only when {@link #values()} asks for it: the evaluator specialises a context
     * for every environment it imports, and most of them never read it.
     */
    public ExecContext copyForEnv(String envName) {
        String root = rootEnvironment == null || rootEnvironment.isEmpty()
                || ANONYMOUS_ENVIRONMENT.equals(rootEnvironment) ? envName : rootEnvironment;
        return new ExecContext(values, root, envName);
    }

    /** The values, including the environment names once specialised. */
    public Map<String, Value> values() {
        if (currentEnvironment == null) {
            return java.util.Collections.unmodifiableMap(values);
        }
        Map<String, Value> named = withNames;
        if (named == null) {
            TreeMap<String, Value> copy = new TreeMap<>(values);
            copy.put("currentEnvironment", Value.ofMap(Map.of("name", Value.ofString(currentEnvironment))));
            copy.put("rootEnvironment", Value.ofMap(Map.of("name", Value.ofString(rootEnvironment))));
            named = java.util.Collections.unmodifiableMap(copy);
            withNames = named;
        }
        return named;
    }

    public String rootEnvironment() {
        return rootEnvironment;
    }
}
