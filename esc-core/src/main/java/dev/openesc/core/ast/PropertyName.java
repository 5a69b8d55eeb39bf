package dev.openesc.core.ast;

import dev.openesc.core.syntax.Range;
import java.util.Objects;

/** A property name: the root of {@code ${foo.bar}} or a {@code .bar} step. */
public record PropertyName(String name, Range range) implements PropertyAccessor {
    public PropertyName {
        Objects.requireNonNull(name, "name");
    }
}
