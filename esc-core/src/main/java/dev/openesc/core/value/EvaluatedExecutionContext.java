package dev.openesc.core.value;

import dev.openesc.core.schema.Schema;
import java.util.Map;

/** The execution context as the evaluated environment saw it: its values and their schema. */
public record EvaluatedExecutionContext(Map<String, Value> properties, Schema schema) {}
