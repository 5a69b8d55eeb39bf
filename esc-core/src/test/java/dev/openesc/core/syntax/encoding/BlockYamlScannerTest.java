package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYamlScanner} against snakeyaml-engine, document by document: it either declines, or its tree equals,
 * node by node (kind, tag, value, style, line, column, comments), the tree {@link YamlTreeBuilder} builds from
 * snakeyaml's events, and decoding for evaluation gives the same syntax nodes, ranges, paths and diagnostics
 * either way. Documents: every YAML file of the conformance corpus, the repository's examples and docs, the
 * benchmark's shapes, hand-picked edge cases, and a few thousand generated and mutated documents. The scanner must
 * also accept the common documents (floors below), or it would be correct and useless.
 */
class BlockYamlScannerTest {
    private static final DecodeOptions LIMITS = DecodeOptions.DEFAULTS;
    /**
     * What marks a document as (probably) outside the subset, for the acceptance floor: a block scalar, an anchor,
     * alias or tag, a tab, an escape, a "?" key, a second document, a flow collection left open at a line's end.
     */
    private static final Pattern OUTSIDE_THE_SUBSET =
            Pattern.compile("[|>]-?\\s*$|[&*!\\t\\\\]|^\\s*\\? |\\n---|[\\[{][^\\]}\\n]*$", Pattern.MULTILINE);

    @Test
    void corpusExamplesAndDocsAreReadAlikeOrDeclined() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Stream.concat(Files.walk(Corpus.root()), Files.walk(Path.of("../examples")))) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(200);
        int accepted = 0;
        int plainShaped = 0;
        int plainShapedAccepted = 0;
        int definitions = 0;
        int definitionsAccepted = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            boolean mine = compare(f.toString(), text);
            accepted += mine ? 1 : 0;
            if (f.toString().contains("/eval/testdata/eval/")) {
                definitions++;
                definitionsAccepted += mine ? 1 : 0;
            }
            if (!text.isBlank() && !OUTSIDE_THE_SUBSET.matcher(text).find()) {
                plainShaped++;
                plainShapedAccepted += mine ? 1 : 0;
            }
        }
        // the documents without block scalars, anchors, tags, escapes, "?" keys, second documents or flow
        // collections over several lines must almost all be read by the scanner (of 140, two are not: an empty
        // sequence entry, a value on the line after its key); the rest are mostly the CLI corpus's scripts (block
        // scalars, several documents). Of the eval corpus's definitions 99 of 105 are read (56 before flow
        // collections were: every other one holds one)
        assertThat(plainShaped).isGreaterThan(130);
        assertThat(plainShapedAccepted).isGreaterThanOrEqualTo(plainShaped * 9 / 10);
        assertThat(accepted).isGreaterThanOrEqualTo(143);
        assertThat(definitions).isGreaterThan(100);
        assertThat(definitionsAccepted).isGreaterThanOrEqualTo(99);
        Path docs = Path.of("../docs");
        Pattern block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
        int blocks = 0;
        try (Stream<Path> all = Files.list(docs)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(f));
                while (m.find()) {
                    compare(f + " block " + ++blocks, m.group(1));
                }
            }
        }
        assertThat(blocks).isGreaterThan(3);
    }

    @Test
    void theGeneratedBenchmarkShapesAreRead() {
        // the corpus fixture's documents keep their secrets in flow mappings: they are left to snakeyaml
        StringBuilder root = new StringBuilder("imports:\n  - chain-50\nvalues:\n");
        for (int i = 0; i < 3000; i++) {
            root.append("  value").append(i).append(": item-").append(i).append("-${link").append(1 + i % 50)
                    .append("}\n");
        }
        assertThat(compare("root", root.toString())).isTrue();
        assertThat(compare("link", "imports:\n  - chain-1\nvalues:\n  link2: link number 2\n  shared:\n"
                + "    depth: 2\n")).isTrue();
    }

    @Test
    void theSubsetsEdgesAreReadAlike() {
        String[] documents = {
            "a: b\n", "a: b", "a:\n", "a:", "a: \n", "a:   # c\nb: 1\n", "---\na: 1\n", "--- # c\n- x\n",
            "# head\n\n  # indented comment\na: 1 # c\n\n# foot", "a: b #c\n", "a: b#c\n", "a: b  \n", "a:   b   c  \n",
            "a: b:c\n", "a: http://x:80/y?q=1#f\n", "url: 'http://x'\n", "- -1\n- - -2\n", "- a:b\n- a: b\n",
            "-x: 1\n?y: 2\n:z: 3\n", "a :  1\n'q' : 2\n\"d\"  : 3\n", "'': 1\n\"\": 2\n", "'it''s': 'a ''q'' b'\n",
            "\"#x\": \"a: b # c\"\n",
            "k: yes\nl: on\nm: ~\nn: null\no: 0x1F\np: 0o17\nq: 017\nr: 1_000\ns: .5\nt: -.Inf\n",
            "u: 1e3\nv: 2001-12-14\nw: <<\n<<: x\nx: True\ny: FALSE\nz: .NaN\n", "a:\n  b:\n    c: d\n  e: f\ng: h\n",
            "a:\n- 1\n- 2\nb:\n  - 3\n  -   4\n", "- a: 1\n  b: 2\n-   c: 3\n    d:\n    e:\n      - f\n",
            "-\n  a: 1\n- - x\n  - y\n-\n  - z\n", "a:\n  - b: 1\n    c:\n    - d\n  -  e\n", "  a: 1\n  b: 2\n",
            "日本: 語\nhé: llo\n😀 x: y 😀\n", "a: 日本語 # 😀\nb: '😀'\n",
            "a: ...\nb: ---\nc:\n- ---\n",
            "a: x y\n\n\nb: 'p q'\n", "x:\n# between\n  y: 1\n", "x:\n\n  - 1\n", "a: b\n#\n", "a: ' lead'\n",
            "k: " + "x".repeat(3000) + "\n", "- " + "a".repeat(995) + ": 1\n", "😀".repeat(400) + ": 1\n",
            "values:\n  a: ${b}\n  c: \"${d.e[0]}\"\n  'f': [\n", "a: 1\n b: 2\n", "a: b\n  c\n", "- a\n  b\n",
        };
        int accepted = 0;
        for (int i = 0; i < documents.length; i++) {
            accepted += compare("edge " + i, documents[i]) ? 1 : 0;
        }
        // all but the last four: an unclosed flow sequence, a key too deep, and two plain scalars on two lines
        assertThat(accepted).isEqualTo(documents.length - 4);
    }

    @Test
    void everythingElseIsLeftToSnakeyaml() {
        String[] documents = {
            "a:\tb\n", "a: b\r\n", "a: |\n  x\n", "a: >-\n  x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n",
            "%YAML 1.2\n---\na: 1\n", "a: 1\n...\n", "a: 1\n---\nb: 2\n", "a: 'x\n  y'\n", "a: \"x\\ty\"\n",
            "- \n- x\n", "-\n", "just a scalar\n", "'quoted'\n", "", "# only\n",
            "a: b: c\n", "a: - b\n", "a\n", "a: 1\n- b\n", "- a\n  b: 1\n", "a: @x\n", "a: `x\n", "a: %x\n",
            "a: 'x'#c\n", "a: \"x\n", "a:\n  x\n", "a: 1\n  # c\n  b\n", "\uFEFFa: 1\n", "a: \u0085\n", "a: \u0007\n",
            "---a: 1\n", "a: 'x' y\n", "\"a\":b\n", "a:\n    b: 1\n  c: 2\n", "- a\n - b\n", "a: b\n---\n",
            "k" + "x".repeat(1100) + ": 1\n",
        };
        for (int i = 0; i < documents.length; i++) {
            assertThat(compare("declined " + i, documents[i])).as("document %d: %s", i, documents[i]).isFalse();
        }
    }

    @Test
    void oneLineFlowCollectionsAreReadAlike() {
        String[] documents = {
            "a: [1, 2]\n", "a: {b: 1}\n", "a: []\nb: {}\n", "- []\n- {}\n- [ ]\n- { }\n", "a: [a, b, c]\n",
            "password: {fn::secret: abc}\n", "j: {fn::join: [\",\", [a, b]]}\n", "a: [a:b, http://x:80/y, 'c:d']\n",
            "a: {a: b}\n", "a: {a: }\n", "a: {a:}\n", "a: {a}\n", "a: {a, b: 1, c}\n", "a: {a:b}\n", "a: {a :b}\n",
            "a: [a, b, ]\n", "a: {a: 1, }\n", "a: [a , b ,c]\n", "a: {  a  :  1  ,  b  :  2  }\n", "a: [a,b]\n",
            "a: {\"a\":b}\n", "a: {\"a\":\"b\"}\n", "a: {'a':b, 'c':}\n", "a: {\"a\": [1, {\"b\": null}]}\n",
            "a: [x y, x  y , 'q' , \"d\"]\n", "a: [a] # comment\n", "a: {} #\n", "a: [a,]\n", "a: {\"a\" : b}\n",
            "a: [-1, -x, ?x, a-, a?b, a?, '-', \"?\"]\n", "a: [1.5, .inf, ~, null, true, 0x1F, 2001-12-14, <<]\n",
            "a: {<<: x, ~: y, 1: 2}\n", "a: ['it''s', '', \"\", ' x ']\n", "a: [日本, 😀, x😀y]\nb: {😀: [😀]}\n",
            "- [a, [b, [c, [d]]]]\n- {a: {b: {c: {}}}}\n", "- - [x]\n  - {y: z}\n", "- a: [1]\n  b: {c: d}\n",
            "a:\n- [1]\n- {b}\nc: 1\n", "a: [a'b, a\"b, a!b, a&b, a*b]\n", "a: [a|b, a>b, a%b, a@b, a`b]\n",
            "a: {a: b, a: c}\n", "a: {a::b}\n", "a: {a:: b}\n", "a: [http://x]\n", "a: {http://x: y}\n",
            "a: {a: b:c}\n", "a: [\"${x}\", '${y}']\n", "a: {x: \"a, b\"}", "a:    {   }   \n",
            "a: {" + "k".repeat(995) + ": 1, '" + "q".repeat(990) + "': [" + "v".repeat(3000) + "]}\n",
        };
        for (int i = 0; i < documents.length; i++) {
            assertThat(compare("flow " + i, documents[i])).as("document %d: %s", i, documents[i]).isTrue();
        }
        // malformed, or valid but outside the subset (marked *): a pair in a sequence*, a collection as a key*,
        // "?" keys*, a comment or a line break inside*, a collection as the key of a block mapping* or as the root*,
        // anchors*, tags*, escapes*, quoted scalars over two lines*, "]#"*, a "-" that snakeyaml reads as a
        // scalar*, missing or doubled separators and brackets, unquoted interpolations (a plain "$" ends at "{"),
        // keys past snakeyaml's simple key length
        String[] declined = {
            "a: [a:]\n", "a: [a: b]\n", "a: [a b: c]\n", "a: [a::]\n", "a: [[a]: b]\n", "a: {[a]: b}\n",
            "a: {{a: 1}: b}\n", "a: [? a]\n", "a: {? a: b}\n", "a: [a, #c\n  b]\n", "a: [a,\n  b]\n",
            "a:\n  [a]\n", "[a]: b\n", "{a: 1}\n", "[a, b]\n", "a: [&x a, *x]\n", "a: [!!str a]\n",
            "a: [\"a\\tb\"]\n", "a: ['a\n  b']\n", "a: [a]#c\n", "a: {a: -}\n", "a: [a#b, a # c]\n", "a: [${x}]\n",
            "a: [$${x}, a${b}c]\n", "a: [:]\n", "a: [a, , b]\n", "a: [, a]\n", "a: {, a}\n", "a: {a: b c: d}\n",
            "a: {: b}\n", "a: [-]\n", "a: [- a]\n", "a: [a, b]]\n", "a: {a: b}}\n", "a: [a}\n", "a: {a]\n",
            "a: [a, b]: c\n", "a: [a]b\n", "a: [\"a\"b]\n", "a: [a]\n  b\n", "a: [a] [b]\n", "a: {a: 1} x\n",
            "a: [|]\n", "a: [a, b\n", "a: [\n", "- [a]\n - b\n", "a: {\"a\"#c: b}\n", "a: [,]\n", "a: {,}\n",
            "a: [a]\nb: [\n", "a: {" + "k".repeat(1100) + ": 1}\n", "a: {'" + "k".repeat(1100) + "': 1}\n",
        };
        for (int i = 0; i < declined.length; i++) {
            assertThat(compare("flow declined " + i, declined[i])).as("document %d: %s", i, declined[i]).isFalse();
        }
    }

    @Test
    void theDepthLimitStaysSnakeyamlsToReport() {
        String deep = "a:\n  b:\n    c:\n      - d: 1\n";
        // five levels: three mappings, a sequence, a mapping in it
        assertThat(BlockYamlScanner.read(deep, 5)).isNotNull();
        assertThat(BlockYamlScanner.read(deep, 4)).isNull();
        DecodeOptions shallow = new DecodeOptions(LIMITS.maxDocumentBytes(), 4);
        Decoded d = YamlDecoder.decodeSyntaxOnly("env", deep.getBytes(StandardCharsets.UTF_8), shallow);
        assertThat(d.diagnostics().asList()).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("deeper than the limit of 4"));
        // five levels again: two block mappings, then a flow sequence, a flow mapping and a flow sequence in it
        String flowDeep = "a:\n  b: [x, {c: [d]}]\n";
        assertThat(BlockYamlScanner.read(flowDeep, 5)).isNotNull();
        assertThat(BlockYamlScanner.read(flowDeep, 4)).isNull();
        byte[] source = flowDeep.getBytes(StandardCharsets.UTF_8);
        List<String> lean = SyntaxOnlyDecodingTest.render(
                YamlDecoder.decodeSyntaxOnly("env", source, shallow).diagnostics().asList());
        assertThat(lean).singleElement().asString().contains("line 2, column 14: nesting is deeper than the limit");
        assertThat(lean).isEqualTo(SyntaxOnlyDecodingTest.render(
                YamlDecoder.decode("env", source, shallow, false, false).diagnostics().asList()));
    }

    @Test
    void generatedAndMutatedDocumentsAreReadAlikeOrDeclined() {
        Random random = new Random(20261126);
        int generated = 0;
        int generatedAccepted = 0;
        int mutatedAccepted = 0;
        int withFlow = 0;
        int withFlowAccepted = 0;
        int flowsAccepted = 0;
        for (int i = 0; i < 2500; i++) {
            DocumentGenerator generator = new DocumentGenerator(random);
            String doc = generator.document();
            generated++;
            boolean mine = compare("generated " + i, doc);
            generatedAccepted += mine ? 1 : 0;
            if (generator.flowCollections() > 0) {
                withFlow++;
                withFlowAccepted += mine ? 1 : 0;
                flowsAccepted += mine ? generator.flowCollections() : 0;
            }
            String mutated = mutate(doc, random);
            mutatedAccepted += compare("mutated " + i + " of\n" + doc, mutated) ? 1 : 0;
        }
        assertThat(generatedAccepted).isGreaterThan(generated / 2);
        assertThat(mutatedAccepted).isGreaterThan(generated / 10);
        // about two in three documents hold a flow collection, half of those are read (785 of 1,643: the rest hold
        // a scalar that ends or breaks a flow scalar, or something else outside the subset), with 1,907 flow
        // collections in them
        assertThat(withFlow).isGreaterThan(generated / 2);
        assertThat(withFlowAccepted).isGreaterThan(withFlow / 3);
        assertThat(flowsAccepted).isGreaterThan(withFlowAccepted);
    }

    /**
     * One to three random edits: a character inserted or deleted, a line's indentation changed, a line repeated, a
     * bracket, brace, comma, colon or quote deleted or doubled.
     */
    private static String mutate(String doc, Random random) {
        StringBuilder b = new StringBuilder(doc);
        String inserts = " \n-:#'\"?&!|>{}[],\t\\.~0x";
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.insert(at, inserts.charAt(random.nextInt(inserts.length())));
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    int start = b.lastIndexOf("\n", at) + 1;
                    if (random.nextBoolean()) {
                        b.insert(start, " ".repeat(1 + random.nextInt(2)));
                    } else if (start < b.length() && b.charAt(start) == ' ') {
                        b.deleteCharAt(start);
                    }
                }
                case 3 -> {
                    int punctuation = punctuationFrom(b, at);
                    if (punctuation >= 0 && random.nextBoolean()) {
                        b.deleteCharAt(punctuation);
                    } else if (punctuation >= 0) {
                        b.insert(punctuation, b.charAt(punctuation));
                    }
                }
                default -> {
                    int start = b.lastIndexOf("\n", at) + 1;
                    int stop = b.indexOf("\n", at);
                    if (stop > 0) {
                        b.insert(stop + 1, b.substring(start, stop + 1));
                    }
                }
            }
        }
        return b.toString();
    }

    /** The index of the first of {@code []{},:'"} at or after {@code from} (wrapping around), or -1. */
    private static int punctuationFrom(StringBuilder b, int from) {
        for (int k = 0; k < b.length(); k++) {
            int i = (from + k) % b.length();
            if ("[]{},:'\"".indexOf(b.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Compares the scanner with snakeyaml-engine on {@code text}; true when the scanner read it. Fails when it
     * read a document snakeyaml rejects or reads otherwise.
     */
    static boolean compare(String name, String text) {
        byte[] source = text.getBytes(StandardCharsets.UTF_8);
        YamlNode mine = BlockYamlScanner.read(text, LIMITS.maxDepth());
        YamlReader.Result theirs = YamlReader.read("env", source, LIMITS, false, false);
        if (mine != null) {
            assertThat(theirs.error()).as(name + ": snakeyaml's verdict on\n" + text).isNull();
            assertThat(tree(mine)).as(name + ":\n" + text).isEqualTo(tree(theirs.document()));
        }
        Decoded lean = YamlDecoder.decodeSyntaxOnly("env", source, LIMITS);
        Decoded parsed = YamlDecoder.decode("env", source, LIMITS, false, false);
        assertThat(SyntaxOnlyDecodingTest.render(lean.diagnostics().asList())).as(name)
                .isEqualTo(SyntaxOnlyDecodingTest.render(parsed.diagnostics().asList()));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        SyntaxOnlyDecodingTest.walk(lean.node(), a);
        SyntaxOnlyDecodingTest.walk(parsed.node(), b);
        assertThat(a).as(name + ":\n" + text).isEqualTo(b);
        return mine != null;
    }

    /** Every field of every node, one line per node, indented by depth. */
    static String tree(YamlNode n) {
        StringBuilder b = new StringBuilder();
        tree(n, 0, b);
        return b.toString();
    }

    private static void tree(YamlNode n, int depth, StringBuilder b) {
        b.append("  ".repeat(depth)).append(n.kind).append(' ').append(n.tag).append(" [").append(n.value)
                .append("] style=").append(n.style).append(" at ").append(n.line).append(':').append(n.column)
                .append(" head=").append(n.headComment).append(" line=").append(n.lineComment).append(" foot=")
                .append(n.footComment).append(" doc=").append(n.documentComment).append('\n');
        for (YamlNode c : n.content) {
            tree(c, depth + 1, b);
        }
    }
}
