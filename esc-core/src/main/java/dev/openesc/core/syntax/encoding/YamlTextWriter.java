package dev.openesc.core.syntax.encoding;

import java.util.Locale;

/**
 * The text-level half of {@link YamlEmitter}: writes indicators, scalars in each style, and comments, keeping the
 * column/whitespace/indentation state whose exact behaviour decides where line breaks and spaces go.
 */
final class YamlTextWriter {
    enum Style { PLAIN, SINGLE, DOUBLE, LITERAL, FOLDED }

    private final StringBuilder out = new StringBuilder();
    private final int bestIndent;
    /** The current indentation; -1 before the root collection is opened. The emitter moves it. */
    int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;

    YamlTextWriter(int bestIndent) {
        this.bestIndent = bestIndent;
    }

    String text() {
        return out.toString();
    }

    void processTag(String tag) {
        if (!tag.isEmpty()) {
            writeIndicator(tag, true, false, false);
        }
    }

    void writePlain(String value) {
        if (!whitespace && !value.isEmpty()) {
            put(' ');
        }
        write(value);
        whitespace = false;
        indention = false;
    }

    void writeSingleQuoted(String value, boolean simpleKey) {
        writeIndicator("'", true, false, false);
        boolean breaks = false;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                putBreak();
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                write(new String(Character.toChars(c)));
                indention = false;
                breaks = false;
            }
        }
        if (breaks) {
            writeIndent();
        }
        writeIndicator("'", false, false, false);
    }

    void writeDoubleQuoted(String value) {
        writeIndicator("\"", true, false, false);
        int[] cps = value.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int c : cps) {
            if (!ScalarAnalysis.isPrintable(c) || c == 0xFEFF || ScalarAnalysis.isBreak(c) || c == '"' || c == '\\') {
                b.append('\\');
                switch (c) {
                    case 0 -> b.append('0');
                    case 0x07 -> b.append('a');
                    case 0x08 -> b.append('b');
                    case 0x09 -> b.append('t');
                    case 0x0A -> b.append('n');
                    case 0x0B -> b.append('v');
                    case 0x0C -> b.append('f');
                    case 0x0D -> b.append('r');
                    case 0x1B -> b.append('e');
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case 0x85 -> b.append('N');
                    case 0xA0 -> b.append('_');
                    case 0x2028 -> b.append('L');
                    case 0x2029 -> b.append('P');
                    default -> {
                        if (c <= 0xFF) {
                            b.append('x').append(hex(c, 2));
                        } else if (c <= 0xFFFF) {
                            b.append('u').append(hex(c, 4));
                        } else {
                            b.append('U').append(hex(c, 8));
                        }
                    }
                }
            } else {
                b.appendCodePoint(c);
            }
        }
        write(b.toString());
        writeIndicator("\"", false, false, false);
    }

    private static String hex(int c, int width) {
        String h = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    private void writeBlockScalarHints(String value) {
        if (!value.isEmpty() && (value.charAt(0) == ' ' || ScalarAnalysis.isBreak(value.charAt(0)))) {
            writeIndicator(Integer.toString(bestIndent), false, false, false);
        }
        String chomp = "";
        if (value.isEmpty()) {
            chomp = "-";
        } else {
            int last = value.codePointBefore(value.length());
            if (!ScalarAnalysis.isBreak(last)) {
                chomp = "-";
            } else if (value.length() == Character.charCount(last)) {
                chomp = "+";
            } else {
                String rest = value.substring(0, value.length() - Character.charCount(last));
                if (ScalarAnalysis.isBreak(rest.codePointBefore(rest.length()))) {
                    chomp = "+";
                }
            }
        }
        if (!chomp.isEmpty()) {
            writeIndicator(chomp, false, false, false);
        }
    }

    void writeLiteral(String value, String lineComment) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        processLineComment(lineComment);
        whitespace = true;
        boolean breaks = true;
        int[] cps = value.codePoints().toArray();
        for (int c : cps) {
            if (ScalarAnalysis.isBreak(c)) {
                putBreak();
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(new String(Character.toChars(c)));
                indention = false;
                breaks = false;
            }
        }
    }

    void writeFolded(String value, String lineComment) {
        writeIndicator(">", true, false, false);
        writeBlockScalarHints(value);
        processLineComment(lineComment);
        whitespace = true;
        boolean breaks = true;
        boolean leadingSpaces = true;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && !leadingSpaces && c == '\n') {
                    // The reference's emitter looks at the start of the value here rather than after the break
                    // (a long-standing quirk), which writes an extra line break in most folded scalars.
                    int k = 0;
                    while (k < cps.length && ScalarAnalysis.isBreak(cps[k])) {
                        k++;
                    }
                    if (k >= cps.length || !ScalarAnalysis.isBlank(cps[k])) {
                        putBreak();
                    }
                }
                putBreak();
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                    leadingSpaces = c == ' ' || c == '\t';
                }
                write(new String(Character.toChars(c)));
                indention = false;
                breaks = false;
            }
        }
    }

    // ---- comments ------------------------------------------------------------------------------------------

    void processHeadComment(String comment) {
        if (comment.isEmpty()) {
            return;
        }
        writeIndent();
        writeComment(comment);
    }

    void processLineComment(String comment) {
        if (comment.isEmpty()) {
            return;
        }
        if (!whitespace) {
            put(' ');
        }
        writeComment(comment);
    }

    void processFootComment(String comment) {
        if (comment.isEmpty()) {
            return;
        }
        writeIndent();
        writeComment(comment);
    }

    void writeComment(String comment) {
        boolean breaks = false;
        boolean pound = false;
        int i = 0;
        while (i < comment.length()) {
            char c = comment.charAt(i);
            if (c == '\n') {
                putBreak();
                breaks = true;
                pound = false;
                i++;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (!pound) {
                    if (c != '#') {
                        write("# ");
                    }
                    pound = true;
                }
                int end = comment.indexOf('\n', i);
                end = end < 0 ? comment.length() : end;
                write(comment.substring(i, end));
                i = end;
                indention = false;
                breaks = false;
            }
        }
        if (!breaks) {
            putBreak();
        }
        whitespace = true;
    }

    // ---- low-level writing ---------------------------------------------------------------------------------

    void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        write(indicator);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(String s) {
        out.append(s);
        column += s.codePointCount(0, s.length());
    }

    void putBreak() {
        out.append('\n');
        column = 0;
        indention = true;
    }
}
