package dev.openesc.core.ast;

import dev.openesc.core.syntax.Range;
import java.util.Objects;

/**
 * A string subscript, {@code ["some key"]}. A numeric subscript whose text is not an integer (e.g. {@code [abc]})
 * is also kept as a key subscript of that text, after reporting the error.
 */
public record PropertyKeySubscript(String key, Range range) implements PropertyAccessor {
    public PropertyKeySubscript {
        Objects.requireNonNull(key, "key");
    }
}
