package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Syntax;

/**
 * Syntax that carries only comments (and optionally a range and path): used when a node is replaced by a new one
 * that should keep the comments of the old, e.g. a secret's plaintext replaced by its ciphertext.
 */
public record TriviaSyntax(Range range, String path, String headComment, String lineComment, String footComment)
        implements Syntax {
    public TriviaSyntax {
        path = path == null ? "" : path;
        headComment = headComment == null ? "" : headComment;
        lineComment = lineComment == null ? "" : lineComment;
        footComment = footComment == null ? "" : footComment;
    }

    /** The comments of {@code source} (when it has any) without its YAML presentation. */
    public static Syntax copyTrivia(Syntax source) {
        if (source instanceof YamlSyntax y) {
            return new TriviaSyntax(null, "", y.headComment(), y.lineComment(), y.footComment());
        }
        if (source instanceof TriviaSyntax t) {
            return new TriviaSyntax(null, "", t.headComment, t.lineComment, t.footComment);
        }
        return Syntax.NONE;
    }
}
