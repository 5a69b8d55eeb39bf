package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import java.util.List;

/** Renders syntax nodes and diagnostics as JSON text in the shape of the corpus's decoded.json files. */
final class SyntaxJson {
    private SyntaxJson() {}

    static String node(Node n) {
        StringBuilder b = new StringBuilder("{");
        if (n == null) {
            return "{}";
        }
        if (n instanceof BooleanNode x) {
            field(b, "literal", Boolean.toString(x.value()));
        } else if (n instanceof NumberNode x) {
            field(b, "literal", x.value());
        } else if (n instanceof StringNode x) {
            field(b, "literal", string(x.value()));
        } else if (n instanceof ArrayNode x) {
            if (!x.elements().isEmpty()) {
                StringBuilder a = new StringBuilder("[");
                for (Node e : x.elements()) {
                    a.append(a.length() > 1 ? "," : "").append(node(e));
                }
                field(b, "array", a.append("]").toString());
            }
        } else if (n instanceof ObjectNode x) {
            if (!x.entries().isEmpty()) {
                StringBuilder a = new StringBuilder("[");
                for (ObjectNode.Entry e : x.entries()) {
                    a.append(a.length() > 1 ? "," : "")
                            .append("{\"key\":").append(node(e.key()))
                            .append(",\"value\":").append(node(e.value())).append("}");
                }
                field(b, "object", a.append("]").toString());
            }
        } else if (n instanceof DocumentNode x) {
            field(b, "document", node(x.content()));
        }
        Range r = n.syntax().range();
        if (r != null) {
            field(b, "range", range(r));
        }
        return b.append("}").toString();
    }

    static String diagnostics(List<Diagnostic> diags) {
        StringBuilder b = new StringBuilder("[");
        for (Diagnostic d : diags) {
            b.append(b.length() > 1 ? "," : "")
                    .append("{\"Severity\":").append(d.severity().code())
                    .append(",\"Summary\":").append(string(d.summary()))
                    .append(",\"Subject\":").append(d.subject() == null ? "null" : range(d.subject()))
                    .append(",\"Path\":").append(string(d.path())).append("}");
        }
        return b.append("]").toString();
    }

    private static void field(StringBuilder b, String name, String json) {
        if (b.length() > 1) {
            b.append(',');
        }
        b.append('"').append(name).append("\":").append(json);
    }

    static String range(Range r) {
        return "{\"Filename\":" + string(r.filename()) + ",\"Start\":" + pos(r.start()) + ",\"End\":" + pos(r.end())
                + "}";
    }

    private static String pos(Pos p) {
        return "{\"Line\":" + p.line() + ",\"Column\":" + p.column() + ",\"Byte\":" + p.byteOffset() + "}";
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
