package dev.openesc.core.ast;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds syntax trees by hand for tests, with ranges taken from a small (ASCII) source text: each scalar is found
 * at its next occurrence in the text, so trees can be written in document order without counting columns.
 */
final class TestSource {
    final String filename;
    final String text;
    private int cursor;

    TestSource(String filename, String text) {
        this.filename = filename;
        this.text = text;
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A plain scalar string whose source text is its value. */
    StringNode str(String value, String path) {
        return new StringNode(syntax(find(value), value.length(), path), value);
    }

    /** A double-quoted scalar: the range covers the quotes, the value is what is between them. */
    StringNode quoted(String value, String path) {
        int at = find("\"" + value + "\"");
        return new StringNode(syntax(at, value.length() + 2, path), value);
    }

    NumberNode num(String value, String path) {
        return new NumberNode(syntax(find(value), value.length(), path), value);
    }

    BooleanNode bool(boolean value, String path) {
        String t = Boolean.toString(value);
        return new BooleanNode(syntax(find(t), t.length(), path), value);
    }

    NullNode nul(String written, String path) {
        return new NullNode(syntax(find(written), written.length(), path));
    }

    static ObjectNode.Entry entry(StringNode key, Node value) {
        return new ObjectNode.Entry(key.syntax(), key, value);
    }

    /** An object spanning its first key to its last value (as block mappings are located). */
    ObjectNode obj(String path, ObjectNode.Entry... entries) {
        Range r = entries.length == 0 ? null
                : new Range(filename, entries[0].key().syntax().range().start(),
                        entries[entries.length - 1].value().syntax().range().end());
        return new ObjectNode(Syntax.of(r, path), List.of(entries));
    }

    /** An empty flow mapping, written {@code {}}. */
    ObjectNode emptyObj(String path) {
        return new ObjectNode(syntax(find("{}"), 2, path), List.of());
    }

    ArrayNode arr(String path, Node... elements) {
        Range r = elements.length == 0 ? null
                : new Range(filename, elements[0].syntax().range().start(),
                        elements[elements.length - 1].syntax().range().end());
        return new ArrayNode(Syntax.of(r, path), new ArrayList<>(List.of(elements)));
    }

    Range range(int startLine, int startCol, int endLine, int endCol) {
        return new Range(filename, pos(startLine, startCol), pos(endLine, endCol));
    }

    private int find(String needle) {
        int at = text.indexOf(needle, cursor);
        if (at < 0) {
            throw new IllegalArgumentException("'" + needle + "' not found after offset " + cursor);
        }
        cursor = at + needle.length();
        return at;
    }

    private Syntax syntax(int offset, int length, String path) {
        return Syntax.of(new Range(filename, posAt(offset), posAt(offset + length)), path);
    }

    private Pos posAt(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Pos(line, offset - lineStart + 1, offset);
    }

    private Pos pos(int line, int col) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return new Pos(line, col, offset + col - 1);
    }
}
