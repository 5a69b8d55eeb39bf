package dev.openesc.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonDiffTest {

    private static String describe(String expected, String actual) {
        return JsonDiff.describe(JsonTrees.parse(expected), JsonTrees.parse(actual), 5);
    }

    @Test
    void numbersCompareByCanonicalDecimalValue() {
        assertThat(describe("[1.50, 3.0, 3, 0, -0.0, 1e2, 12345678901234567890123]",
                "[1.5, 3, 3.000, 0.0, 0, 100, 12345678901234567890123.0]")).isNull();
        assertThat(describe("0.1", "0.10000000000000001")).contains("expected 0.1, got 0.10000000000000001");
        assertThat(describe("3", "\"3\"")).contains("expected 3, got \"3\"");
    }

    @Test
    void readingNeverGoesThroughDoubles() {
        var node = JsonTrees.parse("{\"a\": 3.0, \"b\": 0.30000000000000000000001, \"c\": 1E+40}");
        assertThat(JsonTrees.numberText(node.get("a"))).isEqualTo("3");
        assertThat(JsonTrees.numberText(node.get("b"))).isEqualTo("0.30000000000000000000001");
        assertThat(JsonTrees.numberText(node.get("c"))).isEqualTo("1E+40");
        assertThat(JsonTrees.compact(JsonTrees.parse("[1.50, 2.00]"))).isEqualTo("[1.5,2]");
    }

    @Test
    void duplicateMembersAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonTrees.parse("{\"a\": 1, \"a\": 2}"))
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void objectsIgnoreKeyOrderButNotMembers() {
        assertThat(describe("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}")).isNull();
        assertThat(describe("{\"a\":1}", "{\"a\":1,\"b\":null}"))
                .isEqualTo("1 difference:\n    at $.b: expected <absent>, got null");
        assertThat(describe("{\"a\":null}", "{}"))
                .isEqualTo("1 difference:\n    at $.a: expected null, got <absent>");
    }

    @Test
    void pathsNameTheFirstDifferences() {
        String report = describe(
                "{\"values\": {\"quoted \\\"key\\\"\": [1, {\"x\": true}], \"fn::open\": \"a\"}}",
                "{\"values\": {\"quoted \\\"key\\\"\": [1, {\"x\": false}, 7], \"fn::open\": \"b\"}}");
        assertThat(report).isEqualTo("""
                3 differences:
                    at $.values["fn::open"]: expected "a", got "b"
                    at $.values["quoted \\"key\\""][1].x: expected true, got false
                    at $.values["quoted \\"key\\""][2]: expected <absent>, got 7""");
    }

    @Test
    void reportsCountDifferencesPerTopLevelSection() {
        String report = describe("{\"exprs\": [1, 2], \"schema\": {\"a\": 1}, \"x\": 0}",
                "{\"exprs\": [3, 4], \"schema\": {\"a\": 2}, \"x\": 0}");
        assertThat(report).startsWith("3 differences, by section: $.exprs 2; $.schema 1:");
        assertThat(JsonDiff.section("$[\"fn::open\"][0]")).isEqualTo("$[\"fn::open\"]");
        assertThat(JsonDiff.section("$[\"a\\\"]\"].b")).isEqualTo("$[\"a\\\"]\"]");
        assertThat(JsonDiff.section("$.exprs")).isEqualTo("$.exprs");
        assertThat(JsonDiff.section("$")).isEqualTo("$");
    }

    @Test
    void typeChangesAreDifferences() {
        assertThat(describe("{}", "[]")).contains("at $: expected {}, got []");
        assertThat(describe("null", "false")).contains("at $: expected null, got false");
        assertThat(describe("\"\"", "null")).contains("at $: expected \"\", got null");
    }

    @Test
    void longReportsAreCutAndLongValuesTruncated() {
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            a.append(i == 0 ? "" : ",").append(i);
            b.append(i == 0 ? "" : ",").append(i + 1);
        }
        String report = describe(a.append("]").toString(), b.append("]").toString());
        assertThat(report).startsWith("100 differences (first 5 shown):");
        assertThat(report.lines()).hasSize(6);

        String big = "\"" + "x".repeat(10_000) + "\"";
        String bigReport = describe("{\"k\": " + big + "}", "{\"k\": 1}");
        assertThat(bigReport.length()).isLessThan(400);
        assertThat(bigReport).contains("(10002 chars)");
    }
}
