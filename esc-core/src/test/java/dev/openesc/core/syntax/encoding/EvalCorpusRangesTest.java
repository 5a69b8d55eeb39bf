package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks decoded ranges against the evaluator corpus: every expression in an {@code expected.json} check
 * result carries the source range of the syntax node it was parsed from, so the ranges of literals, lists,
 * objects and builtin calls (and builtin name ranges) must equal the ranges the decoder gives those nodes.
 */
class EvalCorpusRangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void expressionRangesMatchNodeRanges() throws IOException {
        List<Path> cases = Corpus.list("esc/eval/testdata/eval", p -> Files.isRegularFile(p.resolve("env.yaml"))
                && Files.isRegularFile(p.resolve("expected.json")));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int documents = 0;
        for (Path dir : cases) {
            String name = dir.getFileName().toString();
            JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
            JsonNode exprs = expected.path("check").path("exprs");
            if (exprs.isMissingNode() || exprs.isEmpty()) {
                continue;
            }
            String envName = firstEnvironment(exprs);
            if (envName == null || !envName.equals(name)) {
                continue;
            }
            Decoded d = YamlDecoder.decode(name, Files.readAllBytes(dir.resolve("env.yaml")));
            if (!(d.node() instanceof ObjectNode top)) {
                continue;
            }
            documents++;
            ObjectNode values = null;
            for (ObjectNode.Entry e : top.entries()) {
                if (e.key() != null && e.key().value().equals("values") && e.value() instanceof ObjectNode o) {
                    values = o;
                }
            }
            if (values == null) {
                continue;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ObjectNode.Entry e : values.entries()) {
                JsonNode expr = exprs.get(e.key().value());
                // with duplicate keys the first definition is the one evaluated
                if (expr != null && seen.add(e.key().value())) {
                    compared += compare(name + ":" + e.key().value(), expr, e.value(), mismatches);
                }
            }
        }
        System.out.println("EvalCorpusRangesTest: " + documents + " documents, " + compared + " ranges compared, "
                + mismatches.size() + " mismatches");
        mismatches.forEach(System.out::println);
        assertThat(mismatches).isEmpty();
    }

    private static String firstEnvironment(JsonNode exprs) {
        Iterator<JsonNode> it = exprs.elements();
        return it.hasNext() ? it.next().path("range").path("environment").asText(null) : null;
    }

    private static int compare(String where, JsonNode expr, Node node, List<String> mismatches) {
        if (node == null) {
            return 0;
        }
        int n = 0;
        JsonNode range = expr.get("range");
        // Zero ranges belong to expressions the evaluator synthesizes; they have no source node.
        if (range != null && !range.path("environment").asText().isEmpty()
                && range.path("begin").path("line").asInt() != 0) {
            n++;
            check(where, range, node.syntax().range(), mismatches);
        }
        n += compareAccessors(where, expr, node, mismatches);
        if (expr.has("keyRanges") && node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> keys = expr.get("keyRanges").fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                // key ranges are kept in a map, so with duplicate keys the last one is reported
                ObjectNode.Entry last = null;
                for (ObjectNode.Entry e : o.entries()) {
                    if (e.key() != null && e.key().value().equals(k.getKey())) {
                        last = e;
                    }
                }
                if (last != null) {
                    n++;
                    check(where + " key " + k.getKey(), k.getValue(), last.key().syntax().range(), mismatches);
                }
            }
        }
        if (expr.has("list") && node instanceof ArrayNode a) {
            for (int i = 0; i < expr.get("list").size() && i < a.size(); i++) {
                n += compare(where + "[" + i + "]", expr.get("list").get(i), a.get(i), mismatches);
            }
        } else if (expr.has("object") && node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = expr.get("object").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                for (ObjectNode.Entry e : o.entries()) {
                    if (e.key() != null && e.key().value().equals(f.getKey())) {
                        n += compare(where + "." + f.getKey(), f.getValue(), e.value(), mismatches);
                        break;
                    }
                }
            }
        } else if (expr.has("builtin") && node instanceof ObjectNode o && o.size() == 1) {
            JsonNode b = expr.get("builtin");
            if (b.has("nameRange")) {
                n++;
                check(where + " name", b.get("nameRange"), o.get(0).key().syntax().range(), mismatches);
            }
            if (b.has("arg")) {
                n += compare(where + " arg", b.get("arg"), o.get(0).value(), mismatches);
            }
        }
        return n;
    }

    /**
     * Property accessors inside strings ({@code ${a.b}}) carry ranges computed from byte offsets into the string;
     * recomputing them with {@link YamlSyntax#scalarRange} from the same offsets must give the same columns.
     */
    private static int compareAccessors(String where, JsonNode expr, Node node, List<String> mismatches) {
        if (!(node.syntax() instanceof YamlSyntax syntax) || syntax.range() == null) {
            return 0;
        }
        List<JsonNode> accessors = new ArrayList<>();
        expr.path("symbol").forEach(accessors::add);
        for (JsonNode part : expr.path("interpolate")) {
            part.path("value").forEach(accessors::add);
        }
        int n = 0;
        int base = syntax.range().start().byteOffset();
        for (JsonNode a : accessors) {
            JsonNode r = a.get("range");
            if (r == null || r.path("begin").path("line").asInt() != syntax.range().start().line()) {
                continue;
            }
            Range computed = syntax.scalarRange(r.path("begin").path("byte").asInt() - base,
                    r.path("end").path("byte").asInt() - base);
            if (computed != null) {
                n++;
                check(where + " accessor " + a.path("key").asText(), r, computed, mismatches);
            }
        }
        return n;
    }

    private static void check(String where, JsonNode expected, Range actual, List<String> mismatches) {
        String e = pos(expected.get("begin")) + "-" + pos(expected.get("end"));
        String a = actual == null ? "none" : pos(actual.start()) + "-" + pos(actual.end());
        if (!e.equals(a)) {
            mismatches.add(where + ": expected " + e + " actual " + a);
        }
    }

    private static String pos(JsonNode p) {
        return p.get("line").asInt() + ":" + p.get("column").asInt() + "/" + p.get("byte").asInt();
    }

    private static String pos(Pos p) {
        return p.line() + ":" + p.column() + "/" + p.byteOffset();
    }
}
