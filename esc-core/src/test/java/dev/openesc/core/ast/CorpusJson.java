package dev.openesc.core.ast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.core.syntax.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reading corpus expectations and comparing them the way the corpus README prescribes. */
final class CorpusJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private CorpusJson() {}

    static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(Files.readAllBytes(file));
    }

    /** Numbers compare by value (1.50 is 1.5, 3.0 is 3); everything else as is. */
    static JsonNode normalize(JsonNode n) {
        if (n.isNumber()) {
            return DecimalNode.valueOf(n.decimalValue().stripTrailingZeros());
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), normalize(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(normalize(x)));
            return a;
        }
        return n;
    }

    /** The compared fields (Severity, Summary, Subject, Path) of expected diagnostics, in corpus order. */
    static List<JsonNode> expectedDiags(JsonNode diags) {
        List<JsonNode> out = new ArrayList<>();
        if (diags != null && !diags.isNull()) {
            for (JsonNode d : diags) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.set("Severity", d.get("Severity"));
                o.set("Summary", d.get("Summary"));
                o.set("Subject", d.get("Subject"));
                o.set("Path", d.get("Path"));
                out.add(normalize(o));
            }
        }
        return sorted(out);
    }

    static List<JsonNode> actualDiags(Iterable<Diagnostic> diags) {
        List<JsonNode> out = new ArrayList<>();
        diags.forEach(d -> out.add(normalize(DeclJson.diagnostic(d))));
        return sorted(out);
    }

    /** Without a subject first (by summary), then by file name, line and column; stable otherwise. */
    static List<JsonNode> sorted(List<JsonNode> diags) {
        List<JsonNode> copy = new ArrayList<>(diags);
        copy.sort(Comparator.<JsonNode, Boolean>comparing(d -> !d.get("Subject").isNull())
                .thenComparing(d -> d.get("Subject").isNull() ? d.get("Summary").asText() : "")
                .thenComparing(d -> d.get("Subject").path("Filename").asText(""))
                .thenComparingInt(d -> d.get("Subject").path("Start").path("Line").asInt(0))
                .thenComparingInt(d -> d.get("Subject").path("Start").path("Column").asInt(0)));
        return copy;
    }
}
