package dev.openesc.core.value;

/** Where a value came from: the range of the expression that computed it and the value it was merged over. */
public record Trace(Range def, Value base) {
    public Trace {
        def = def == null ? Range.NONE : def;
    }

    public static final Trace NONE = new Trace(Range.NONE, null);

    /**
     * The trace of a value defined at {@code span} and merged over nothing; its {@link #def} is the wire form of
     * {@code span}. Made on first use and then kept with the syntax range, so that every export of the same
     * definition shares one trace and one wire range: the check and the evaluation of an environment export a
     * range per expression and per accessor and a trace per value, which for a large environment were hundreds of
     * thousands of equal objects per pass (docs/benchmarks.md, "Pipeline, round 12"). The memo is written without
     * a lock: both objects are immutable, so a racing thread at worst makes an equal pair of its own.
     */
    public static Trace located(dev.openesc.core.syntax.Range span) {
        Object memo = span.wireForm();
        if (memo instanceof Trace t) {
            return t;
        }
        // the wire range made before by Range.from, if any, stays the one shared
        Trace t = new Trace(memo instanceof Range wire ? wire : new Range(span.filename(), span), null);
        span.rememberWireForm(t);
        return t;
    }
}
