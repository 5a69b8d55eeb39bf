package dev.openesc.core.value;

/** Where a value came from: the range of the expression that computed it and the value it was merged over. */
public record Trace(Range def, Value base) {
    public Trace {
        def = def == null ? Range.NONE : def;
    }

    public static final Trace NONE = new Trace(Range.NONE, null);
}
