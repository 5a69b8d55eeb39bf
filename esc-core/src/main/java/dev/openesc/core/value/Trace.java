package dev.openesc.core.value;

import java.util.Objects;

/**
 * Where a value came from: the range of the expression that computed it and the value it was merged over.
 *
 * <p>The members, equality, hash and text are those of the record of (def, base) it was. A trace made by
 * {@link #located} keeps the syntax range it stands for and makes its wire range when read (see there).
 */
public final class Trace {
    public static final Trace NONE = new Trace(Range.NONE, null);

    /** The wire range, or the syntax range it is the wire form of. */
    private final Object def;
    private final Value base;

    public Trace(Range def, Value base) {
        this.def = def == null ? Range.NONE : def;
        this.base = base;
    }

    private Trace(dev.openesc.core.syntax.Range span) {
        this.def = span;
        this.base = null;
    }

    /**
     * The trace of a value defined at {@code span} and merged over nothing; its {@link #def} is the wire form of
     * {@code span}, made when read (the one {@link Range#from} keeps on the span, if it made one). Until pipeline
     * round 27b the trace and its wire range were made once and kept on the syntax range; but that store, into a
     * loaded definition the collector has promoted by the time the first pass exports it, marked a card per value
     * for the refinement threads, and the definition then held two objects per value for as long as it lived. The
     * trace is made per export instead (docs/decisions.md, entry 36).
     */
    public static Trace located(dev.openesc.core.syntax.Range span) {
        return new Trace(span);
    }

    public Range def() {
        if (def instanceof Range r) {
            return r;
        }
        return Range.wireFormOf((dev.openesc.core.syntax.Range) def);
    }

    public Value base() {
        return base;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Trace t && def().equals(t.def()) && Objects.equals(base, t.base);
    }

    @Override
    public int hashCode() {
        return 31 * def().hashCode() + Objects.hashCode(base);
    }

    /** The text the record printed. */
    @Override
    public String toString() {
        return "Trace[def=" + def() + ", base=" + base + "]";
    }
}
