package dev.openesc.core.value;

import java.util.List;

/** One part of an interpolated string: literal text followed by an optional reference. */
public record Interpolation(String text, List<PropertyAccessor> value) {}
