package dev.openesc.core.syntax;

/**
 * Where a node came from: its source range (may be null for synthesized nodes) and its path in the document
 * (e.g. {@code values.foo[0]}), used in diagnostics.
 */
public interface Syntax {
    /** The range of the node in its source, or null when the node has no source. */
    Range range();

    /** The document path of the node, or "" when unknown. */
    String path();

    /** Syntax for nodes that were not read from a document. */
    Syntax NONE = new Syntax() {
        @Override
        public Range range() {
            return null;
        }

        @Override
        public String path() {
            return "";
        }

        @Override
        public String toString() {
            return "Syntax.NONE";
        }
    };

    static Syntax of(Range range, String path) {
        return new SimpleSyntax(range, path);
    }

    record SimpleSyntax(Range range, String path) implements Syntax {}
}
