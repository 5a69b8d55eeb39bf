package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Messages are those of the reference, as seen in the schema-error corpus case. */
class ValueConstraintsTest {
    private final Schema provider = TestSchemas.schemaProviderInputs();

    private Schema p(String name) {
        return provider.properties().get(name);
    }

    private static JsonNumber n(String text) {
        return JsonNumber.of(text);
    }

    @Test
    void numberBounds() {
        assertThat(ValueConstraints.checkNumber(p("multiple"), n("3.14"))).containsExactly("expected a multiple of 2");
        assertThat(ValueConstraints.checkNumber(p("multiple"), n("4"))).isEmpty();
        assertThat(ValueConstraints.checkNumber(p("minimum"), n("0")))
                .containsExactly("expected a number greater than or equal to 1");
        assertThat(ValueConstraints.checkNumber(p("minimum"), n("1"))).isEmpty();
        assertThat(ValueConstraints.checkNumber(p("exclusiveMinimum"), n("1")))
                .containsExactly("expected a number greater than 1");
        assertThat(ValueConstraints.checkNumber(p("maximum"), n("2")))
                .containsExactly("expected a number less than or equal to1");
        assertThat(ValueConstraints.checkNumber(p("exclusiveMaximum"), n("1")))
                .containsExactly("expected a number less than 1");
        assertThat(ValueConstraints.checkNumber(p("exclusiveMaximum"), n("0.999"))).isEmpty();
    }

    @Test
    void numberChecksComeInTheReferenceOrder() {
        Schema s = Schema.number().multipleOf("3").minimum("10").exclusiveMinimum("10").maximum("-1")
                .exclusiveMaximum("-1").build();
        assertThat(ValueConstraints.checkNumber(s, n("5"))).containsExactly(
                "expected a multiple of 3",
                "expected a number greater than or equal to 10",
                "expected a number greater than 10",
                "expected a number less than or equal to-1",
                "expected a number less than -1");
    }

    @Test
    void multiplesAreDecidedInBinaryPrecisionLikeTheReference() {
        // with 64-bit mantissas 0.3 / 0.1 and 0.7 / 0.1 round to integers, 0.9 / 0.3 does not (worked out
        // independently with exact rational arithmetic)
        assertThat(ValueConstraints.checkNumber(Schema.number().multipleOf("0.1").build(), n("0.3"))).isEmpty();
        assertThat(BinaryFloat.of(n("0.7")).dividedBy(BinaryFloat.of(n("0.1"))).isInteger()).isTrue();
        assertThat(BinaryFloat.of(n("4.35")).dividedBy(BinaryFloat.of(n("0.05"))).isInteger()).isTrue();
        assertThat(ValueConstraints.checkNumber(Schema.number().multipleOf("0.3").build(), n("0.9")))
                .containsExactly("expected a multiple of 0.3");
        assertThat(ValueConstraints.checkNumber(Schema.number().multipleOf("0.5").build(), n("2.5"))).isEmpty();
        assertThat(ValueConstraints.checkNumber(Schema.number().multipleOf("0").build(), n("2")))
                .containsExactly("expected a multiple of 0");
        assertThat(ValueConstraints.checkNumber(Schema.number().multipleOf("2").build(), n("-4e2"))).isEmpty();
        assertThat(ValueConstraints.checkNumber(Schema.number().multipleOf("2").build(), n("0"))).isEmpty();
    }

    @Test
    void binaryRoundingIsToNearestEven() {
        // 2^64 + 1 is not representable with 64 bits and rounds down to 2^64 (tie to even)
        BinaryFloat big = BinaryFloat.of(n("18446744073709551617"));
        assertThat(big.toBigDecimal()).isEqualByComparingTo("18446744073709551616");
        assertThat(BinaryFloat.of(n("18446744073709551619")).toBigDecimal())
                .isEqualByComparingTo("18446744073709551620");
        assertThat(BinaryFloat.of(n("0.5")).toBigDecimal()).isEqualByComparingTo("0.5");
        assertThat(BinaryFloat.of(n("-1.25")).compareTo(BinaryFloat.of(n("-1.2")))).isNegative();
    }

    @Test
    void stringBounds() {
        assertThat(ValueConstraints.checkString(p("minLength"), "")).containsExactly(
                "expected a string of at least length 1");
        assertThat(ValueConstraints.checkString(p("maxLength"), "esc"))
                .containsExactly("expected a string of at most length 1");
        assertThat(ValueConstraints.checkString(p("pattern"), "esc"))
                .containsExactly("string must match the pattern \"^foo[0-9]+$\"");
        assertThat(ValueConstraints.checkString(p("pattern"), "foo42")).isEmpty();
    }

    @Test
    void stringLengthsCountUtf8Bytes() {
        Schema max2 = Schema.string().maxLength(2).build();
        assertThat(ValueConstraints.checkString(max2, "é")).isEmpty();
        assertThat(ValueConstraints.checkString(max2, "€")).hasSize(1);
    }

    @Test
    void patternsMatchAnywhere() {
        assertThat(ValueConstraints.checkString(Schema.string().pattern("b+").build(), "abbc")).isEmpty();
        assertThat(ValueConstraints.checkString(Schema.string().pattern("a\tb\"").build(), "x"))
                .containsExactly("string must match the pattern \"a\\tb\\\"\"");
    }

    @Test
    void sizes() {
        assertThat(ValueConstraints.checkArraySize(p("minItems"), 2))
                .containsExactly("expected an array with at least 3 items");
        assertThat(ValueConstraints.checkArraySize(p("maxItems"), 3))
                .containsExactly("expected an array with at most 2 items");
        assertThat(ValueConstraints.checkArraySize(p("maxItems"), 2)).isEmpty();
        assertThat(ValueConstraints.checkObjectSize(p("minProperties"), 0))
                .containsExactly("expected an object with at least 1 properties");
        assertThat(ValueConstraints.checkObjectSize(p("maxProperties"), 2))
                .containsExactly("expected an object with at most 1 properties");
    }

    @Test
    void missingProperties() {
        assertThat(ValueConstraints.missingProperties(p("record"), Set.of())).containsExactly("foo");
        assertThat(ValueConstraints.missingProperties(p("dependentReq"), Set.of("foo"))).containsExactly("bar");
        assertThat(ValueConstraints.missingProperties(p("dependentReq"), Set.of())).isEmpty();
        assertThat(ValueConstraints.missingPropertiesMessage(List.of("foo", "bar")))
                .isEqualTo("missing required properties: foo, bar");
        assertThat(ValueConstraints.missingPropertiesMessage(List.of())).isNull();
    }

    @Test
    void constantAndEnumMessages() {
        assertThat(ValueConstraints.constMismatch(p("const-array").constValue())).isEqualTo("expected [\"hello\",42]");
        assertThat(ValueConstraints.constMismatch(p("const-object").constValue()))
                .isEqualTo("expected {\"hello\":\"world\"}");
        assertThat(ValueConstraints.enumMismatch(p("enum").enumValues())).isEqualTo("expected one of [\"foo\",\"bar\"]");
        assertThat(ValueConstraints.enumMismatch(List.of("only"))).isEqualTo("expected \"only\"");
        assertThat(ValueConstraints.typeMismatch("boolean", "null")).isEqualTo("expected boolean, got null");
    }

    @Test
    void goJsonEscapesLikeGo() {
        assertThat(GoText.json(Map.of("b", "<&>", "a", List.of(true, JsonNumber.of("1.50")))))
                .isEqualTo("{\"a\":[true,1.50],\"b\":\"\\u003c\\u0026\\u003e\"}");
        assertThat(GoText.json("line\nbreak\u0001\u2028")).isEqualTo("\"line\\nbreak\\u0001\\u2028\"");
        assertThat(GoText.quote("é\u0000")).isEqualTo("\"é\\x00\"");
    }

    @Test
    void propertyAndElementSchemasForValidation() {
        Schema o = Schema.object().properties(Map.of("a", Schema.string())).additionalProperties(Schema.never())
                .build();
        assertThat(ValueConstraints.propertySchema(o, "a").type()).isEqualTo("string");
        assertThat(ValueConstraints.propertySchema(o, "b").isNever()).isTrue();
        Schema t = p("double");
        assertThat(ValueConstraints.elementSchema(t, 1).type()).isEqualTo("number");
        assertThat(ValueConstraints.elementSchema(t, 2).isNever()).isTrue();
        assertThat(ValueConstraints.typeAccepts(Schema.untyped().build(), "array")).isTrue();
        assertThat(ValueConstraints.typeAccepts(p("number"), "string")).isFalse();
    }
}
