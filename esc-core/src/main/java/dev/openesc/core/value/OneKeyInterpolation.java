package dev.openesc.core.value;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The compact form of {@link Interpolation#ofOneKey}: a read-only list of one part whose part, reference and
 * accessor are made when read. Equality and hash code are those of {@link List}, so it equals the general form.
 */
final class OneKeyInterpolation extends AbstractList<Interpolation> implements RandomAccess {
    private final String text;
    private final String key;
    private final Range keyRange;
    private final Range value;

    OneKeyInterpolation(String text, String key, Range keyRange, Range value) {
        this.text = Objects.requireNonNull(text, "text");
        this.key = Objects.requireNonNull(key, "key");
        this.keyRange = keyRange;
        this.value = value;
    }

    @Override
    public Interpolation get(int index) {
        Objects.checkIndex(index, 1);
        return new Interpolation(text, List.of(new PropertyAccessor(Accessor.key(key, keyRange), value)));
    }

    @Override
    public int size() {
        return 1;
    }
}
