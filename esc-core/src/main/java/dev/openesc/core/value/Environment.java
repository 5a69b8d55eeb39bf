package dev.openesc.core.value;

import dev.openesc.core.schema.Schema;
import java.util.Map;

/**
 * The result of evaluating an environment definition: the expression tree, the values it produced, their schema
 * and the execution context it was evaluated in.
 */
public record Environment(
        Map<String, Expr> exprs,
        Map<String, Value> properties,
        Schema schema,
        EvaluatedExecutionContext executionContext) {

    /**
     * The scalar values of the top-level {@code environmentVariables} object, as strings (secrets stay secret).
     */
    public Map<String, Value> environmentVariables() {
        return scalarStrings("environmentVariables");
    }

    /** The scalar values of the top-level {@code files} object, as strings (secrets stay secret). */
    public Map<String, Value> temporaryFiles() {
        return scalarStrings("files");
    }

    private Map<String, Value> scalarStrings(String key) {
        if (properties == null) {
            return Map.of();
        }
        Value obj = properties.get(key);
        if (obj == null || obj.asMap() == null) {
            return Map.of();
        }
        java.util.TreeMap<String, Value> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Value> e : obj.asMap().entrySet()) {
            Object p = e.getValue().value();
            if (p instanceof java.util.List<?> || p instanceof Map<?, ?>) {
                continue;
            }
            Value s = Value.ofString(e.getValue().toString(false));
            out.put(e.getKey(), e.getValue().secret() ? s.makeSecret() : s);
        }
        return out;
    }
}
