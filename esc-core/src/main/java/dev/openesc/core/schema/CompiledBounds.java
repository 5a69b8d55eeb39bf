package dev.openesc.core.schema;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The parsed form of a schema's numeric bounds and pattern. Every component is {@code null} when the keyword is
 * absent (or, for the counts and the pattern, unusable: {@link Schema#compile()} reports those). Counts larger than
 * {@code Long.MAX_VALUE} are clamped to it, which no actual length can reach.
 *
 * @param pattern compiled for unanchored search ({@code find()}), as Go's {@code MatchString} does
 */
public record CompiledBounds(
        BigDecimal multipleOf,
        BigDecimal maximum,
        BigDecimal exclusiveMaximum,
        BigDecimal minimum,
        BigDecimal exclusiveMinimum,
        Long maxLength,
        Long minLength,
        Pattern pattern,
        Long maxItems,
        Long minItems,
        Long maxProperties,
        Long minProperties) {}
