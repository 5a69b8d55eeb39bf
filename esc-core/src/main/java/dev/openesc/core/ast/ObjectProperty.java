package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * One {@code key: value} pair of an object or of the environment's {@code values}. The entry is the syntax of the
 * pair (null when synthesized); the key's own node gives the key range.
 *
 * <p>An entry the parser rejected (and reported) is kept, as the reference's syntax tree keeps it, but marked
 * {@code rejected}: a key that is an interpolation rather than a plain string, or a builtin call at the top level
 * of {@code values}. Evaluation skips such entries: they are neither declared nor exported.
 */
public record ObjectProperty(ObjectNode.Entry entry, StringExpr key, Expr value, boolean rejected) {
    public ObjectProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** An entry that was accepted. */
    public ObjectProperty(ObjectNode.Entry entry, StringExpr key, Expr value) {
        this(entry, key, value, false);
    }
}
