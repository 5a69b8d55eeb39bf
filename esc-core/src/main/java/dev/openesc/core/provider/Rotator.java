package dev.openesc.core.provider;

import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/**
 * A provider of rotated credentials, called by {@code fn::rotate::<name>}. Besides its inputs it keeps a persistent
 * state (written back into the environment definition as a patch after a rotation). The state may be absent (null)
 * before the first rotation.
 */
public interface Rotator {
    Schema inputSchema();

    Schema stateSchema();

    Schema outputSchema();

    /** Produces the current value from inputs and the (possibly null) state. */
    Value open(Map<String, Value> inputs, Map<String, Value> state, ExecContext context) throws ProviderException;

    /** Rotates: returns the new state, which replaces the old one in the definition. */
    Value rotate(Map<String, Value> inputs, Map<String, Value> state, ExecContext context) throws ProviderException;
}
