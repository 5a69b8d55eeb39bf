package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostics in their wire form: {@code {"summary", "detail"?, "severity"?, "path"?, "range"?:
 * {"environment"?, "begin": {"line","column","byte"}, "end": {...}}}}.
 */
final class DiagnosticJson {

    private DiagnosticJson() {
    }

    static List<Object> of(List<Diagnostic> diagnostics) {
        List<Object> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            out.add(of(d));
        }
        return out;
    }

    static ObjectNode of(Diagnostic d) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("summary", d.summary());
        if (!d.detail().isEmpty()) {
            node.put("detail", d.detail());
        }
        node.put("severity", d.severity() == Severity.WARNING ? "warning" : "error");
        if (!d.path().isEmpty()) {
            node.put("path", d.path());
        }
        if (d.subject() != null) {
            node.set("range", range(d.subject()));
        }
        return node;
    }

    private static ObjectNode range(Range range) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (range.filename() != null && !range.filename().isEmpty()) {
            node.put("environment", range.filename());
        }
        node.set("begin", pos(range.start()));
        node.set("end", pos(range.end()));
        return node;
    }

    private static ObjectNode pos(Pos pos) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("line", pos.line());
        node.put("column", pos.column());
        node.put("byte", pos.byteOffset());
        return node;
    }
}
