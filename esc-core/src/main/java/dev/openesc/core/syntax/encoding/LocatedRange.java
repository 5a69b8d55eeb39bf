package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Syntax;

/**
 * The syntax of a node decoded for evaluation only ({@link YamlDecoder#decodeSyntaxOnly}): its range, which is this
 * object, and its path. A {@link YamlSyntax} without its YAML node would be a second object per node pointing at
 * the range; a parsed definition lives for a whole evaluation, and an environment of 100,000 values had 200,000
 * such wrappers for the collector to copy, and one more pointer to follow for every range read.
 *
 * <p>The path of a mapping's value is kept as the mapping's path and the key, not as a path object of its own (one
 * object fewer per entry of a large mapping; decisions.md, entry 31). A null key means {@code location} is the
 * whole path.
 */
final class LocatedRange extends Range implements Syntax {
    private final SyntaxPath location;
    private final String key;

    LocatedRange(Range span, SyntaxPath location, String key) {
        super(span);
        this.location = location == null ? SyntaxPath.ROOT : location;
        this.key = key;
    }

    /** A range made in place, without a {@link Range} to copy (one object fewer per node decoded). */
    LocatedRange(String filename, int startLine, int startColumn, int startByte, int endLine, int endColumn,
            int endByte, SyntaxPath location, String key) {
        super(filename, startLine, startColumn, startByte, endLine, endColumn, endByte);
        this.location = location == null ? SyntaxPath.ROOT : location;
        this.key = key;
    }

    /** Whether this is the range of the node at {@code parent}'s child {@code key} (the very objects it was made with). */
    boolean locates(SyntaxPath parent, String key) {
        return location == parent && this.key == key;
    }

    /** The path of the parent whose child this is ({@code location} alone when {@link #key} is null). */
    SyntaxPath location() {
        return location;
    }

    /** The child's key under {@link #location}, or null. */
    String key() {
        return key;
    }

    @Override
    public Range range() {
        return this;
    }

    /** The document path, e.g. {@code values.foo[0]}; computed on each call. */
    @Override
    public String path() {
        return (key == null ? location : location.key(key)).toString();
    }
}
