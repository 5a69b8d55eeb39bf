package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Pos;
import org.junit.jupiter.api.Test;

class TraceTest {
    private static dev.openesc.core.syntax.Range span() {
        return new dev.openesc.core.syntax.Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16));
    }

    @Test
    void aLocatedTraceEqualsTheTraceBuiltByHandAndKeepsNothingOnTheSyntaxRange() {
        dev.openesc.core.syntax.Range span = span();
        Trace t = Trace.located(span);
        assertThat(t.base()).isNull();
        assertThat(t).isEqualTo(new Trace(new Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16)), null))
                .hasSameHashCodeAs(new Trace(new Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16)), null))
                .hasToString(new Trace(new Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16)), null).toString())
                .isEqualTo(Trace.located(span));
        assertThat(t.def().environment()).isEqualTo("env");
        // a trace is made per export: storing it on the syntax range marked a card of a promoted definition
        assertThat(span.wireForm()).isNull();
        // the wire range of the same syntax range is the trace's
        assertThat(Range.from(span, "other")).isEqualTo(t.def());
        assertThat(Trace.located(span).def()).isSameAs(Range.from(span, "other"));
    }

    @Test
    void equalSyntaxRangesGiveEqualWireFormsAndTheMemoIsNotPartOfEquality() {
        dev.openesc.core.syntax.Range a = span();
        dev.openesc.core.syntax.Range b = span();
        Trace.located(a);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Range.from(b, "x")).isEqualTo(Range.from(a, "y")).isNotSameAs(Range.from(a, "y"));
        assertThat(Range.from(null, "x")).isEqualTo(Range.of("x"));
    }

    @Test
    void aWireRangeMadeBeforeTheTraceIsTheTracesRange() {
        dev.openesc.core.syntax.Range span = span();
        Range wire = Range.from(span, "env");
        assertThat(Range.from(span, "env")).isSameAs(wire);
        assertThat(Trace.located(span).def()).isSameAs(wire);
        assertThat(Range.from(span, "env")).isSameAs(wire);
        assertThat(new Trace(wire, null)).isEqualTo(Trace.located(span));
    }

    @Test
    void aValueDefinedAtASyntaxRangeIsTheValueOfItsLocatedTrace() {
        dev.openesc.core.syntax.Range span = span();
        Value v = Value.definedAt("item-7-link", false, false, span);
        Value byHand = new Value("item-7-link", false, false,
                new Trace(new Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16)), null));
        assertThat(v).isEqualTo(byHand).hasSameHashCodeAs(byHand).hasToString(byHand.toString());
        assertThat(byHand).isEqualTo(v);
        assertThat(v.trace()).isEqualTo(byHand.trace());
        assertThat(v.value()).isEqualTo("item-7-link");
        assertThat(WireJson.toJson(v)).isEqualTo(WireJson.toJson(byHand));
        assertThat(v.withSecret(true)).isEqualTo(byHand.withSecret(true)).isNotEqualTo(byHand);
        assertThat(Value.definedAt("other", false, false, span)).isNotEqualTo(byHand);
        assertThat(Value.definedAt("item-7-link", false, true, span)).isNotEqualTo(byHand);
        assertThat(span.wireForm()).isNull();
    }
}
