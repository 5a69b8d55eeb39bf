package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Syntax;

/**
 * The syntax of a node decoded for evaluation only ({@link YamlDecoder#decodeSyntaxOnly}): its range, which is this
 * object, and its path. A {@link YamlSyntax} without its YAML node would be a second object per node pointing at
 * the range; a parsed definition lives for a whole evaluation, and an environment of 100,000 values had 200,000
 * such wrappers for the collector to copy, and one more pointer to follow for every range read.
 */
final class LocatedRange extends Range implements Syntax {
    private final SyntaxPath location;

    LocatedRange(Range span, SyntaxPath location) {
        super(span);
        this.location = location == null ? SyntaxPath.ROOT : location;
    }

    /** A range made in place, without a {@link Range} to copy (one object fewer per node decoded). */
    LocatedRange(String filename, int startLine, int startColumn, int startByte, int endLine, int endColumn,
            int endByte, SyntaxPath location) {
        super(filename, startLine, startColumn, startByte, endLine, endColumn, endByte);
        this.location = location == null ? SyntaxPath.ROOT : location;
    }

    /** Whether this is the range of the node at {@code path} (the very path object it was made with). */
    boolean locates(SyntaxPath path) {
        return location == path;
    }

    @Override
    public Range range() {
        return this;
    }

    /** The document path, e.g. {@code values.foo[0]}; computed on each call. */
    @Override
    public String path() {
        return location.toString();
    }
}
