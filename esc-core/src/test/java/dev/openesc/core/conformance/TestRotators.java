package dev.openesc.core.conformance;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.Rotator;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;
import java.util.TreeMap;

/** The test rotators: {@code swap} and {@code echo}, with the fixture's schemas. Both open to their current state. */
final class TestRotators {
    private TestRotators() {}

    /** The state as the value a rotator opens to; a missing state is an empty object, as in the reference. */
    private static Value stateValue(Map<String, Value> state) {
        return Value.ofMap(state == null ? Map.of() : state);
    }

    /** {@code swap}: no inputs to speak of, state {a, b}; rotating exchanges a and b. */
    record Swap(Schema inputSchema, Schema stateSchema, Schema outputSchema) implements Rotator {
        @Override
        public Value open(Map<String, Value> inputs, Map<String, Value> state, ExecContext context) {
            return stateValue(state);
        }

        @Override
        public Value rotate(Map<String, Value> inputs, Map<String, Value> state, ExecContext context) {
            Map<String, Value> old = state == null ? Map.of() : state;
            Map<String, Value> swapped = new TreeMap<>();
            swapped.put("a", old.getOrDefault("b", Value.ofNull()));
            swapped.put("b", old.getOrDefault("a", Value.ofNull()));
            return Value.ofMap(swapped);
        }
    }

    /**
     * {@code echo}: input {@code next} is rotate-only; rotating returns {@code {current: next, previous: old
     * current}}. Opening with {@code next} present means the evaluator evaluated a rotate-only input outside a
     * rotation, which is a bug the case must catch.
     */
    record Echo(Schema inputSchema, Schema stateSchema, Schema outputSchema) implements Rotator {
        @Override
        public Value open(Map<String, Value> inputs, Map<String, Value> state, ExecContext context)
                throws ProviderException {
            if (inputs != null && inputs.containsKey("next")) {
                throw new ProviderException("rotateOnly input 'next' should not be present during open");
            }
            return stateValue(state);
        }

        @Override
        public Value rotate(Map<String, Value> inputs, Map<String, Value> state, ExecContext context) {
            Map<String, Value> old = state == null ? Map.of() : state;
            Map<String, Value> next = new TreeMap<>();
            next.put("current", inputs.getOrDefault("next", Value.ofNull()));
            next.put("previous", old.getOrDefault("current", Value.ofNull()));
            return Value.ofMap(next);
        }
    }
}
