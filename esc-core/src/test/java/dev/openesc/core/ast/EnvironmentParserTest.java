package dev.openesc.core.ast;

import static dev.openesc.core.ast.TestSource.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Severity;
import dev.openesc.core.syntax.StringNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The environment's sections: imports, description and values, and their shape errors. */
class EnvironmentParserTest {

    private static List<String> diags(EnvironmentParser.Parsed p) {
        return p.diags().asList().stream()
                .map(d -> (d.severity() == Severity.WARNING ? "warning: " : "") + d.summary() + " @ "
                        + (d.subject() == null ? "none"
                                : d.subject().start().line() + ":" + d.subject().start().column())
                        + " " + d.path())
                .collect(Collectors.toList());
    }

    @Test
    void readsAllSections() {
        TestSource src = new TestSource("env", "description: hi\nimports:\n  - base\n  - other: {merge: false}\n"
                + "values:\n  greeting: hello ${name}\n  n: 1\n");
        StringNode descKey = src.str("description", "description");
        StringNode desc = src.str("hi", "description");
        StringNode importsKey = src.str("imports", "imports");
        StringNode base = src.str("base", "imports[0]");
        StringNode other = src.str("other", "imports[1].other");
        StringNode mergeKey = src.str("merge", "imports[1].other.merge");
        ObjectNode meta = src.obj("imports[1].other", entry(mergeKey, src.bool(false, "imports[1].other.merge")));
        ObjectNode otherImport = src.obj("imports[1]", entry(other, meta));
        StringNode valuesKey = src.str("values", "values");
        ObjectNode values = src.obj("values",
                entry(src.str("greeting", "values.greeting"), src.str("hello ${name}", "values.greeting")),
                entry(src.str("n", "values.n"), src.num("1", "values.n")));
        ObjectNode root = src.obj("", entry(descKey, desc),
                entry(importsKey, src.arr("imports", base, otherImport)), entry(valuesKey, values));

        EnvironmentParser.Parsed p = EnvironmentParser.parse(src.bytes(), root);
        assertThat(diags(p)).isEmpty();
        EnvironmentDecl decl = p.decl();
        assertThat(decl.description().value()).isEqualTo("hi");
        assertThat(decl.imports().elements()).extracting(i -> i.environment().value()).containsExactly("base", "other");
        assertThat(decl.imports().elements().get(0).meta()).isNull();
        assertThat(decl.imports().elements().get(0).merges()).isTrue();
        assertThat(decl.imports().elements().get(1).meta().merge().value()).isFalse();
        assertThat(decl.imports().elements().get(1).merges()).isFalse();
        assertThat(decl.values().entries()).extracting(e -> e.key().value()).containsExactly("greeting", "n");
        assertThat(decl.values().entries().get(0).value()).isInstanceOf(InterpolateExpr.class);
        assertThat(decl.values().entries().get(0).key().range().start().line()).isEqualTo(6);
    }

    @Test
    void sectionShapeErrors() {
        TestSource src = new TestSource("env", "imports: x\nvalues: [v]\ndescription: 3\n");
        StringNode importsKey = src.str("imports", "imports");
        StringNode importsValue = src.str("x", "imports");
        StringNode valuesKey = src.str("values", "values");
        StringNode v = src.str("v", "values[0]");
        StringNode descKey = src.str("description", "description");
        ObjectNode root = src.obj("", entry(importsKey, importsValue),
                entry(valuesKey, src.arr("values", v)), entry(descKey, src.num("3", "description")));
        EnvironmentParser.Parsed p = EnvironmentParser.parse(src.bytes(), root);
        assertThat(diags(p)).containsExactly("imports must be a list @ 1:10 imports",
                "values must be an object @ 2:10 values", "description must be a string @ 3:14 description");
        assertThat(p.decl().imports().elements()).isEmpty();
        assertThat(p.decl().values().entries()).isEmpty();
        assertThat(p.decl().description().value()).isEmpty();
    }

    @Test
    void importEntryErrors() {
        TestSource src = new TestSource("env", "imports:\n  - ~\n  - {a: x, b: y}\n  - c: d\n  - e: {merge: yes}\n");
        StringNode key = src.str("imports", "imports");
        var nul = src.nul("~", "imports[0]");
        ObjectNode two = src.obj("imports[1]", entry(src.str("a", "imports[1].a"), src.str("x", "imports[1].a")),
                entry(src.str("b", "imports[1].b"), src.str("y", "imports[1].b")));
        ObjectNode notObject = src.obj("imports[2]", entry(src.str("c", "imports[2].c"), src.str("d", "imports[2].c")));
        StringNode e = src.str("e", "imports[3].e");
        StringNode merge = src.str("merge", "imports[3].e.merge");
        ObjectNode badMerge = src.obj("imports[3]",
                entry(e, src.obj("imports[3].e", entry(merge, src.str("yes", "imports[3].e.merge")))));
        ObjectNode root = src.obj("", entry(key, src.arr("imports", nul, two, notObject, badMerge)));
        EnvironmentParser.Parsed p = EnvironmentParser.parse(src.bytes(), root);
        assertThat(diags(p)).containsExactly("import must be a string or an object @ 2:5 imports[0]",
                "import must have a single key @ 3:6 imports[1]", "import must be an object @ 4:8 imports[2].c",
                "merge must be a boolean value @ 5:16 imports[3].e.merge");
        assertThat(p.decl().imports().elements().get(0).environment()).isNull();
        assertThat(p.decl().imports().elements().get(3).meta().merge().value()).isFalse();
    }

    @Test
    void valuesRejectTopLevelBuiltinsAndKeepKeysLiteral() {
        TestSource src = new TestSource("env", "values:\n  fn::secret: x\n  a$$b: y\n");
        StringNode key = src.str("values", "values");
        ObjectNode values = src.obj("values",
                entry(src.str("fn::secret", "values[\"fn::secret\"]"), src.str("x", "values[\"fn::secret\"]")),
                entry(src.str("a$$b", "values.a$$b"), src.str("y", "values.a$$b")));
        EnvironmentParser.Parsed p = EnvironmentParser.parse(src.bytes(), src.obj("", entry(key, values)));
        assertThat(diags(p)).containsExactly(
                "builtin function call \"fn::secret\" not allowed at the top level @ 2:3 values[\"fn::secret\"]");
        assertThat(p.decl().values().entries()).extracting(e -> e.key().value()).containsExactly("fn::secret", "a$$b");
    }

    @Test
    void repeatedSectionWarnsAndTheLastWins() {
        TestSource src = new TestSource("env", "values: {a: 1}\nVALUES: {b: 2}\nother: ignored\n");
        StringNode k1 = src.str("values", "values");
        ObjectNode v1 = src.obj("values", entry(src.str("a", "values.a"), src.num("1", "values.a")));
        StringNode k2 = src.str("VALUES", "VALUES");
        ObjectNode v2 = src.obj("VALUES", entry(src.str("b", "VALUES.b"), src.num("2", "VALUES.b")));
        StringNode k3 = src.str("other", "other");
        ObjectNode root = src.obj("", entry(k1, v1), entry(k2, v2), entry(k3, src.str("ignored", "other")));
        EnvironmentParser.Parsed p = EnvironmentParser.parse(src.bytes(), root);
        // Sections match case-insensitively, but only identical keys count as duplicates.
        assertThat(diags(p)).isEmpty();
        assertThat(p.decl().values().entries()).extracting(e -> e.key().value()).containsExactly("b");

        src = new TestSource("env", "values: {a: 1}\nvalues: {b: 2}\n");
        k1 = src.str("values", "values");
        v1 = src.obj("values", entry(src.str("a", "values.a"), src.num("1", "values.a")));
        k2 = src.str("values", "values");
        v2 = src.obj("values", entry(src.str("b", "values.b"), src.num("2", "values.b")));
        p = EnvironmentParser.parse(src.bytes(), src.obj("", entry(k1, v1), entry(k2, v2)));
        assertThat(diags(p)).containsExactly("warning: duplicate key \"values\" @ 2:1 values");
    }

    @Test
    void emptyAndNonObjectDocuments() {
        EnvironmentParser.Parsed empty = EnvironmentParser.parse(new byte[0], new DocumentNode(null, null));
        assertThat(diags(empty)).isEmpty();
        assertThat(empty.decl().values()).isNull();
        assertThat(EnvironmentParser.parse(null, null).decl().imports()).isNull();

        TestSource src = new TestSource("env", "just a string");
        EnvironmentParser.Parsed p = EnvironmentParser.parse(src.bytes(), src.str("just a string", ""));
        assertThat(diags(p)).containsExactly("environment must be an object @ 1:1 ");
    }
}
