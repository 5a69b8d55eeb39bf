package dev.openesc.core.syntax;

/**
 * A problem found in a document, reported as data rather than thrown: severity, a one-line summary, optional
 * detail, the source range it concerns (null when it has none) and the document path (may be "").
 */
public record Diagnostic(Severity severity, String summary, String detail, Range subject, String path) {
    public Diagnostic {
        detail = detail == null ? "" : detail;
        path = path == null ? "" : path;
    }

    public static Diagnostic error(Range subject, String summary, String path) {
        return new Diagnostic(Severity.ERROR, summary, "", subject, path);
    }

    public static Diagnostic warning(Range subject, String summary, String path) {
        return new Diagnostic(Severity.WARNING, summary, "", subject, path);
    }

    /** An error about a node: its range and path. */
    public static Diagnostic nodeError(Node node, String summary) {
        Syntax s = node == null ? Syntax.NONE : node.syntax();
        return error(s.range(), summary, s.path());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "file:line:column: summary", the form a person reads. */
    @Override
    public String toString() {
        if (subject == null) {
            return summary;
        }
        return subject.filename() + ":" + subject.start().line() + ":" + subject.start().column() + ": " + summary;
    }
}
