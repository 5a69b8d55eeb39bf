package dev.openesc.core.provider;

import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/**
 * A source of dynamic values, called by {@code fn::open::<name>} (or {@code fn::open} with {@code provider: name}).
 * The evaluator validates the inputs against {@link #inputSchema()} before calling {@link #open}; in check mode it
 * never calls {@code open} and uses {@link #outputSchema()} to describe the unknown result.
 */
public interface Provider {
    /** The schema the inputs must satisfy. */
    Schema inputSchema();

    /** The schema of the values {@link #open} returns. */
    Schema outputSchema();

    /**
     * Produces the provider's value for the given, fully known inputs.
     *
     * @throws ProviderException with the message to report on the {@code fn::open} expression
     */
    Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException;
}
