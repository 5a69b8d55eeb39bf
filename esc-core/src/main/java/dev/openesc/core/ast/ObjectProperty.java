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
 *
 * <p>A key that is the entry's key as written (an equal node and text, the common case) is not stored: {@link #key()}
 * makes it again from the entry, and {@link #keyText()} reads its text without making it. A parsed definition lives
 * for a whole evaluation, and the stored literal was one more object per value for the collector to copy
 * (decisions.md, entry 31). Equality is unchanged: whether the key is stored depends only on the entry and the key.
 */
public record ObjectProperty(ObjectNode.Entry entry, StringExpr key, Expr value, boolean rejected) {
    /** Stands for the entry's own key in {@link #withOwnKey}, so that the parser need not make the key to drop it. */
    private static final StringExpr OWN = StringExpr.synthetic("");

    public ObjectProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key == OWN || entry != null && entry.key() != null && key.value().equals(entry.key().value())
                && key.node().equals(entry.key())) {
            key = null;
        }
    }

    /** The property of {@code entry}, whose key (a string) is read as written: the same as a key equal to it. */
    static ObjectProperty withOwnKey(ObjectNode.Entry entry, Expr value, boolean rejected) {
        Objects.requireNonNull(entry.keyText(), "key");
        return new ObjectProperty(entry, OWN, value, rejected);
    }

    /** An entry that was accepted. */
    public ObjectProperty(ObjectNode.Entry entry, StringExpr key, Expr value) {
        this(entry, key, value, false);
    }

    /** The key as a literal; made on each call when it is the entry's own. */
    @Override
    public StringExpr key() {
        return key != null ? key : StringExpr.of(entry.key());
    }

    /** The key's text, without making the literal. */
    public String keyText() {
        return key != null ? key.value() : entry.keyText();
    }

    @Override
    public String toString() {
        return "ObjectProperty[entry=" + entry + ", key=" + key() + ", value=" + value + ", rejected=" + rejected
                + "]";
    }
}
