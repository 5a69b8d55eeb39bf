package dev.openesc.core.ast;

import java.util.Objects;

/**
 * One piece of an interpolated string: literal text (escapes resolved) followed by an optional property access.
 * Only the last piece of a string may lack an access.
 */
public record Interpolation(String text, PropertyAccess value) {
    public Interpolation {
        Objects.requireNonNull(text, "text");
    }

    /** Text as it would be written in a document: {@code $} doubled, accesses as {@code ${...}}. */
    @Override
    public String toString() {
        String escaped = text.replace("$", "$$");
        return value == null ? escaped : escaped + "${" + value + "}";
    }
}
