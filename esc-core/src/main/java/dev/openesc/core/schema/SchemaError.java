package dev.openesc.core.schema;

/**
 * Why a schema cannot be used: an unresolvable {@code $ref}, a bound that is not a non-negative integer, or a
 * pattern that does not compile. The message follows the reference's wording where it has one.
 */
public record SchemaError(String message) {
    @Override
    public String toString() {
        return message;
    }
}
