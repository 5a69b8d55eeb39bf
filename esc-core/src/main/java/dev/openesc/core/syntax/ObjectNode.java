package dev.openesc.core.syntax;

import java.util.List;

/** An object: an ordered list of entries whose keys are string literals. Duplicate keys are kept as written. */
public record ObjectNode(Syntax syntax, List<Entry> entries) implements Node {
    public ObjectNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
        entries = List.copyOf(entries);
    }

    /** One {@code key: value} pair; its own syntax spans the pair where the source has one. */
    public record Entry(Syntax syntax, StringNode key, Node value) {
        public Entry {
            syntax = syntax == null ? Syntax.NONE : syntax;
        }

        public static Entry of(String key, Node value) {
            return new Entry(Syntax.NONE, StringNode.of(key), value);
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
