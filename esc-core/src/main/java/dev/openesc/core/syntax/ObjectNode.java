package dev.openesc.core.syntax;

import java.util.List;
import java.util.Objects;

/** An object: an ordered list of entries whose keys are string literals. Duplicate keys are kept as written. */
public record ObjectNode(Syntax syntax, List<Entry> entries) implements Node {
    public ObjectNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
        entries = List.copyOf(entries);
    }

    /**
     * One {@code key: value} pair; its own syntax spans the pair where the source has one.
     *
     * <p>A class with the members, equality and text of a record of (syntax, key, value), so that a pair decoded for
     * evaluation only can make its key node and its own syntax when asked instead of storing them (a subclass in the
     * decoder; decisions.md, entry 31): a large environment kept three objects per value alive for them, for the
     * collector to copy while the definition is evaluated. Equality reads the accessors, never the fields.
     */
    public static class Entry {
        private final Syntax syntax;
        private final StringNode key;
        private final Node value;

        public Entry(Syntax syntax, StringNode key, Node value) {
            this.syntax = syntax == null ? Syntax.NONE : syntax;
            this.key = key;
            this.value = value;
        }

        /** For a subclass that makes its syntax and key when asked. */
        protected Entry(Node value) {
            this.syntax = null;
            this.key = null;
            this.value = value;
        }

        public static Entry of(String key, Node value) {
            return new Entry(Syntax.NONE, StringNode.of(key), value);
        }

        public Syntax syntax() {
            return syntax;
        }

        /** The key, or null when the document's key was not a string (reported when decoded). */
        public StringNode key() {
            return key;
        }

        public Node value() {
            return value;
        }

        /** The key's text, or null when the key is not a string; for an entry that makes its key, without making it. */
        public String keyText() {
            StringNode k = key();
            return k == null ? null : k.value();
        }

        @Override
        public final boolean equals(Object o) {
            return o instanceof Entry e && Objects.equals(syntax(), e.syntax()) && Objects.equals(key(), e.key())
                    && Objects.equals(value(), e.value());
        }

        @Override
        public final int hashCode() {
            return Objects.hash(syntax(), key(), value());
        }

        @Override
        public final String toString() {
            return "Entry[syntax=" + syntax() + ", key=" + key() + ", value=" + value() + "]";
        }
    }

    public static ObjectNode of(Entry... entries) {
        return new ObjectNode(Syntax.NONE, List.of(entries));
    }

    public int size() {
        return entries.size();
    }

    public Entry get(int i) {
        return entries.get(i);
    }
}
