package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decoding for evaluation ({@link YamlDecoder#decodeSyntaxOnly}) reads without comments and gives nodes a
 * {@link LocatedRange} instead of a {@link YamlSyntax}; neither may change what evaluation sees. Every node of every
 * YAML document of the conformance corpus, and of documents full of comments and blank lines, must get the same
 * value, range and path both ways, and the same diagnostics.
 */
class SyntaxOnlyDecodingTest {
    private static final DecodeOptions LIMITS = DecodeOptions.DEFAULTS;

    @Test
    void everyCorpusDocumentDecodesAlikeBothWays() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Corpus.root())) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        int nodes = 0;
        for (Path f : files) {
            nodes += compare(f.toString(), read(f));
        }
        assertThat(nodes).isGreaterThan(1000);
    }

    @Test
    void commentsAndBlankLinesMoveNoRange() {
        String[] documents = {
            "# head\n\nvalues:\n  # above a\n  a: 1 # after a\n\n  b:\n  # between\n  c: x\n# foot\n",
            "values:\n  empty:\n\n  # a comment after an empty value\n  next: ${empty}\n",
            "values:\n  last:\n# trailing comment\n",
            "values:\n  list:\n    # first\n    - a # inline\n\n    - b\n  flow: {a: 1, # c\n    b: 2}\n",
            "values:\n  text: |\n    line # not a comment\n\n    more\n  after: 1\n",
            "imports:\n  # the base\n  - base\nvalues:\n  k: v\n",
        };
        for (int i = 0; i < documents.length; i++) {
            assertThat(compare("doc" + i, documents[i].getBytes(StandardCharsets.UTF_8)))
                    .as("nodes compared in document %d", i).isGreaterThan(2);
        }
    }

    @Test
    void keysOfEveryStyleDecodeAlikeBothWays() {
        // a string key on one line is kept by its text and position (CompactEntry); every other key as a node
        String[] documents = {
            "values:\n  plain: 1\n  'single': 2\n  \"double\": 3\n  !!str tagged: 4\n  !custom other: 5\n",
            "values:\n  ? |\n    two\n    lines\n  : 1\n  ? >\n    folded\n  : 2\n  ? |-\n    one\n  : 3\n",
            "values:\n  héllo: 1\n  日本: 2\n  \"a.b\": {c d: [e, {f: \"${x}\"}]}\n  1: one\n  true: t\n  null: n\n",
            "values:\n  !!int abc: 1\n  ? plain key\n    on two lines\n  : 2\n  {flow: map}: 3\n  [seq]: 4\n",
            "values:\n  \"\": empty\n  ~: tilde\n  0x10: hex\n  \"$${a}\": esc\n  a${b}: interp\n",
        };
        for (int i = 0; i < documents.length; i++) {
            assertThat(compare("keys" + i, documents[i].getBytes(StandardCharsets.UTF_8)))
                    .as("nodes compared in document %d", i).isGreaterThan(5);
        }
    }

    @Test
    void collectionsLargerThanAChunkDecodeAlikeBothWays() {
        // a read-only tree's children grow in chunks of 1,024 (ChunkedNodeList): cross several, in a mapping, a
        // sequence, and a mapping nested in a sequence, with scalars of every type by the side
        StringBuilder doc = new StringBuilder("values:\n");
        for (int i = 0; i < 2500; i++) {
            String value = switch (i % 6) {
                case 0 -> "item-" + i + "-${k" + (i - 1) + "}";
                case 1 -> Integer.toString(i);
                case 2 -> i + ".50";
                case 3 -> i % 4 == 1 ? "true" : "null";
                case 4 -> "'quoted " + i + "'";
                default -> "0x" + Integer.toHexString(i);
            };
            doc.append("  k").append(i).append(": ").append(value).append('\n');
        }
        doc.append("  list:\n");
        for (int i = 0; i < 2100; i++) {
            doc.append(i % 700 == 0 ? "    - {a: " + i + "}\n" : "    - v" + i + "\n");
        }
        assertThat(compare("large", doc.toString().getBytes(StandardCharsets.UTF_8))).isGreaterThan(3 * 2500 + 2100);
    }

    @Test
    void syntaxOnlyNodesCarryTheirRangeAndPathInOneObject() {
        Decoded d = YamlDecoder.decodeSyntaxOnly("env", "values:\n  a: ${b}\n".getBytes(StandardCharsets.UTF_8),
                LIMITS);
        ObjectNode values = (ObjectNode) ((ObjectNode) d.node()).get(0).value();
        Node a = values.get(0).value();
        assertThat(a.syntax()).isInstanceOf(LocatedRange.class);
        assertThat(a.syntax().range()).isSameAs(a.syntax());
        assertThat(a.syntax().path()).isEqualTo("values.a");
        // a located range is equal to, and hashes like, the plain range of the same span
        Range plain = Range.of("env", 2, 6, 13, 2, 10, 17);
        assertThat(a.syntax().range()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(a.syntax().range());
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes both ways and compares; returns the number of nodes compared. */
    private static int compare(String name, byte[] source) {
        Decoded full = YamlDecoder.decode("env", source, LIMITS);
        Decoded lean = YamlDecoder.decodeSyntaxOnly("env", source, LIMITS);
        assertThat(render(lean.diagnostics().asList())).as(name).isEqualTo(render(full.diagnostics().asList()));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        walk(full.node(), a);
        walk(lean.node(), b);
        assertThat(b).as(name).isEqualTo(a);
        return a.size();
    }

    static List<String> render(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            out.add(d.summary() + " @ " + d.subject() + " " + d.path());
        }
        return out;
    }

    static void walk(Node n, List<String> out) {
        if (n == null) {
            out.add("null");
            return;
        }
        out.add(n.getClass().getSimpleName() + " " + n.syntax().range() + " " + n.syntax().path()
                + (n instanceof ObjectNode || n instanceof ArrayNode || n instanceof DocumentNode ? "" : " " + n));
        if (n instanceof ObjectNode o) {
            for (ObjectNode.Entry e : o.entries()) {
                out.add("entry " + e.syntax().range() + " " + e.syntax().path());
                walk(e.key(), out);
                walk(e.value(), out);
            }
        } else if (n instanceof ArrayNode a) {
            for (Node e : a.elements()) {
                walk(e, out);
            }
        } else if (n instanceof DocumentNode d) {
            walk(d.content(), out);
        }
    }
}
