package dev.openesc.core.ast;

import dev.openesc.core.syntax.Range;

/** A numeric subscript, {@code [0]}. The index may be negative; the evaluator reports that. */
public record PropertyIndexSubscript(long index, Range range) implements PropertyAccessor {}
