package dev.openesc.core.ast;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The parts of an interpolated string that is a text followed by a reference of one name ({@code item-${name}}),
 * held as one object: a read-only list of one {@link Interpolation} whose part and access are made when read, equal
 * in every respect to the list the general form keeps (two lists, the part and the access around the name).
 *
 * <p>Why: a parsed definition lives as long as a whole evaluation, and most values of a large environment have
 * this shape; the collector copied the four objects around each name on every young collection of a pass. The
 * evaluator reads {@link #text} and {@link #name} directly instead of building the part.
 */
public final class OneNameInterpolation extends AbstractList<Interpolation> implements RandomAccess {
    private final String text;
    private final PropertyName name;

    private OneNameInterpolation(String text, PropertyName name) {
        this.text = Objects.requireNonNull(text, "text");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The compact form of {@code text} then a reference of {@code name}. */
    static OneNameInterpolation of(String text, PropertyName name) {
        return new OneNameInterpolation(text, name);
    }

    /** The compact form of {@code parts} when they have this shape, else {@code parts} themselves. */
    public static List<Interpolation> compact(List<Interpolation> parts) {
        if (parts instanceof OneNameInterpolation || parts.size() != 1) {
            return parts;
        }
        Interpolation only = parts.get(0);
        if (only.value() != null && only.value().accessors().size() == 1
                && only.value().accessors().get(0) instanceof PropertyName n) {
            return new OneNameInterpolation(only.text(), n);
        }
        return parts;
    }

    /** The literal text before the reference ({@code $$} escapes resolved). */
    public String text() {
        return text;
    }

    /** The name the reference reads. */
    public PropertyName name() {
        return name;
    }

    @Override
    public Interpolation get(int index) {
        Objects.checkIndex(index, 1);
        return new Interpolation(text, new PropertyAccess(List.of(name)));
    }

    @Override
    public int size() {
        return 1;
    }
}
