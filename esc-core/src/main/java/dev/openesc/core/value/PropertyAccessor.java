package dev.openesc.core.value;

/** An accessor of a reference together with the range of the value it resolved to (empty when unresolved). */
public record PropertyAccessor(Accessor accessor, Range value) {}
