package dev.openesc.core.schema;

/**
 * Anything that yields a schema: a {@link Schema} itself or a {@link SchemaBuilder}. Lets composite factories such
 * as {@link Schema#anyOf(ToSchema...)} take builders without a trailing {@code build()} on each argument.
 */
public interface ToSchema {
    Schema toSchema();
}
