package dev.openesc.core.schema;

/**
 * A schema document that is not valid JSON or does not have the shape of a schema. Schemas come from code
 * (providers declare them), so a malformed one is a programming error rather than user input.
 */
public class SchemaFormatException extends IllegalArgumentException {
    public SchemaFormatException(String message) {
        super(message);
    }

    public SchemaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
