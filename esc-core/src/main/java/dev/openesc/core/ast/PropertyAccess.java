package dev.openesc.core.ast;

import java.util.List;

/** A property access such as {@code a.b[0]["c"]}: a non-empty chain of accessors, the first naming a root value. */
public record PropertyAccess(List<PropertyAccessor> accessors) {
    public PropertyAccess {
        accessors = List.copyOf(accessors);
        if (accessors.isEmpty()) {
            throw new IllegalArgumentException("a property access needs at least one accessor");
        }
    }

    /** The name of the root value: the first accessor's name or key (the text of a numeric root subscript). */
    public String rootName() {
        PropertyAccessor root = accessors.get(0);
        if (root instanceof PropertyName n) {
            return n.name();
        }
        if (root instanceof PropertyKeySubscript k) {
            return k.key();
        }
        return Long.toString(((PropertyIndexSubscript) root).index());
    }

    /** The access as it would be written inside {@code ${...}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (PropertyAccessor accessor : accessors) {
            if (accessor instanceof PropertyName n) {
                if (b.length() != 0) {
                    b.append('.');
                }
                b.append(n.name());
            } else if (accessor instanceof PropertyKeySubscript k) {
                b.append("[\"").append(k.key().replace("\"", "\\\"")).append("\"]");
            } else if (accessor instanceof PropertyIndexSubscript i) {
                b.append('[').append(i.index()).append(']');
            }
        }
        return b.toString();
    }
}
