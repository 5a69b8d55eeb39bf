package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Pos;
import org.junit.jupiter.api.Test;

class TraceTest {
    private static dev.openesc.core.syntax.Range span() {
        return new dev.openesc.core.syntax.Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16));
    }

    @Test
    void aLocatedTraceIsMadeOncePerSyntaxRangeAndEqualsTheTraceBuiltByHand() {
        dev.openesc.core.syntax.Range span = span();
        Trace t = Trace.located(span);
        assertThat(Trace.located(span)).isSameAs(t);
        assertThat(t.base()).isNull();
        assertThat(t).isEqualTo(new Trace(new Range("env", new Pos(2, 3, 10), new Pos(2, 9, 16)), null));
        // the wire range of the same syntax range is the trace's
        assertThat(Range.from(span, "other")).isSameAs(t.def());
        assertThat(t.def().environment()).isEqualTo("env");
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
    }
}
