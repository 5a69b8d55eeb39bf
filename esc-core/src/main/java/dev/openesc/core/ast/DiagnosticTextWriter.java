package dev.openesc.core.ast;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics for people, in the layout the reference's CLI uses:
 *
 * <pre>
 * Error: imports must be a list
 *
 *   on default/test line 1:
 *    1: imports:
 *
 * </pre>
 *
 * The source lines the subject covers are quoted (with the subject underlined when color is on); without the
 * source, a placeholder says so. Positions that only have a line and column get their byte offset computed from the
 * source first, counting a tab as four columns.
 */
public final class DiagnosticTextWriter {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String HIGHLIGHT = "\u001b[1;4m";
    private static final String RESET = "\u001b[0m";

    private final Map<String, byte[]> sources;
    private final int width;
    private final boolean color;

    /**
     * @param sources document text by file name (the name in diagnostic ranges, e.g. the environment name)
     * @param width wrap detail text at this many columns; 0 disables wrapping
     * @param color whether to emit terminal color codes
     */
    public DiagnosticTextWriter(Map<String, byte[]> sources, int width, boolean color) {
        this.sources = Map.copyOf(sources);
        this.width = width;
        this.color = color;
    }

    public void write(Appendable out, Iterable<Diagnostic> diags) {
        for (Diagnostic d : diags) {
            write(out, d);
        }
    }

    public void write(Appendable out, Diagnostic d) {
        try {
            out.append(format(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String format(Diagnostic d) {
        StringBuilder b = new StringBuilder();
        String severity = d.severity() == Severity.ERROR ? "Error" : "Warning";
        if (color) {
            b.append(d.severity() == Severity.ERROR ? RED : YELLOW).append(severity).append(RESET);
        } else {
            b.append(severity);
        }
        b.append(": ").append(d.summary()).append("\n\n");

        Range subject = d.subject();
        if (subject != null) {
            byte[] src = sources.get(subject.filename());
            subject = fixOffsets(subject, src);
            if (src == null) {
                b.append("  on ").append(subject.filename()).append(" line ").append(subject.start().line())
                        .append(":\n  (source code not available)\n\n");
            } else {
                b.append("  on ").append(subject.filename()).append(" line ").append(subject.start().line())
                        .append(":\n");
                quoteLines(b, src, subject);
                b.append('\n');
            }
        }
        if (!d.detail().isEmpty()) {
            b.append(width > 0 ? wrap(d.detail(), width) : d.detail()).append("\n\n");
        }
        return b.toString();
    }

    /** Quotes each source line that overlaps the subject (widened to one byte when empty, so it shows). */
    private void quoteLines(StringBuilder b, byte[] src, Range subject) {
        int from = subject.start().byteOffset();
        int to = subject.end().byteOffset();
        if (to <= from) {
            to = from + 1;
        }
        int lineNumber = 0;
        for (int[] line : lines(src)) {
            lineNumber++;
            int start = line[0];
            int end = line[1];
            if (!overlaps(start, end, from, to)) {
                continue;
            }
            int hlStart = Math.max(start, from);
            int hlEnd = Math.min(end, to);
            b.append(String.format("%4d: ", lineNumber));
            if (!color || hlEnd <= hlStart) {
                b.append(text(src, start, end));
            } else {
                b.append(text(src, start, hlStart)).append(HIGHLIGHT).append(text(src, hlStart, hlEnd)).append(RESET)
                        .append(text(src, hlEnd, end));
            }
            b.append('\n');
        }
    }

    /** Half-open byte ranges overlap; an empty range overlaps nothing. */
    private static boolean overlaps(int aStart, int aEnd, int bStart, int bEnd) {
        if (aEnd <= aStart || bEnd <= bStart) {
            return false;
        }
        return contains(aStart, aEnd, bStart) || contains(aStart, aEnd, bEnd)
                || contains(bStart, bEnd, aStart) || contains(bStart, bEnd, aEnd);
    }

    private static boolean contains(int start, int end, int offset) {
        return offset >= start && offset < end;
    }

    /** [start, end) byte spans of the source's lines, without line terminators (a trailing CR is dropped too). */
    private static List<int[]> lines(byte[] src) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= src.length; i++) {
            if (i == src.length || src[i] == '\n') {
                if (i == src.length && start == src.length) {
                    break;
                }
                int end = i > start && src[i - 1] == '\r' ? i - 1 : i;
                lines.add(new int[] {start, end});
                start = i + 1;
            }
        }
        return lines;
    }

    private static String text(byte[] src, int start, int end) {
        return new String(src, start, Math.max(0, end - start), StandardCharsets.UTF_8);
    }

    /** Fills in byte offsets missing from positions that have a line and column. */
    private static Range fixOffsets(Range r, byte[] src) {
        Pos start = fixOffset(r.start(), src);
        Pos end = fixOffset(r.end(), src);
        if (end.byteOffset() == 0) {
            end = start;
        }
        return new Range(r.filename(), start, end);
    }

    private static Pos fixOffset(Pos p, byte[] src) {
        if (p.byteOffset() != 0 || p.line() == 0 || p.column() == 0) {
            return p;
        }
        return new Pos(p.line(), p.column(), offsetOf(src, p.line(), p.column()));
    }

    private static int offsetOf(byte[] src, int line, int column) {
        if (src == null) {
            return 0;
        }
        List<Integer> starts = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < src.length; i++) {
            if (src[i] == '\n') {
                starts.add(lineStart);
                lineStart = i + 1;
            }
        }
        if (line < 1 || line > starts.size()) {
            return 0;
        }
        int col = 1;
        int offset = starts.get(line - 1);
        while (offset < src.length && col < column && src[offset] != '\n') {
            col += src[offset] == '\t' ? 4 : 1;
            offset++;
        }
        return offset;
    }

    /** Greedy word wrap at spaces; words longer than the width stay whole. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            int lineLength = 0;
            for (String word : paragraphs[p].split(" ")) {
                if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                    out.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                }
                out.append(word);
                lineLength += word.length();
            }
        }
        return out.toString();
    }
}
