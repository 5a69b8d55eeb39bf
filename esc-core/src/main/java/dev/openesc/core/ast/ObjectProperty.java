package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * One {@code key: value} pair of an object or of the environment's {@code values}. The entry is the syntax of the
 * pair (null when synthesized); the key's own node gives the key range.
 */
public record ObjectProperty(ObjectNode.Entry entry, StringExpr key, Expr value) {
    public ObjectProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
