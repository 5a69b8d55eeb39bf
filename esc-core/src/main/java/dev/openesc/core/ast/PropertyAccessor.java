package dev.openesc.core.ast;

import dev.openesc.core.syntax.Range;

/**
 * One step of a property access: {@code .name}, {@code ["key"]} or {@code [0]}. The range covers the step's text
 * inside its string (including the dot or brackets), or is null when the string's layout in the document is not
 * known precisely (quoted or multi-line strings).
 */
public sealed interface PropertyAccessor permits PropertyName, PropertyKeySubscript, PropertyIndexSubscript {
    Range range();
}
