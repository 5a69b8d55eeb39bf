/**
 * The ESC schema dialect: the subset of JSON Schema 2020-12 that environments, providers and rotators use to
 * describe values, plus the ESC extensions {@code secret} and {@code rotateOnly}.
 *
 * <ul>
 *   <li>{@link dev.openesc.core.schema.Schema}: an immutable schema, its factories ({@code Schema.string()},
 *       {@code Schema.record(...)}, {@code Schema.tuple(...)}, {@code Schema.always()}, ...), access
 *       ({@code item}, {@code property}), {@code union}, {@code merged}, {@code compile} and JSON reading/writing
 *       that matches the reference's serialisation field for field.</li>
 *   <li>{@link dev.openesc.core.schema.SchemaBuilder}: fluent construction with a setter per keyword.</li>
 *   <li>{@link dev.openesc.core.schema.JsonNumber} and {@link dev.openesc.core.schema.JsonValues}: the plain JSON
 *       values that constants, enums, defaults and examples hold, numbers kept as text.</li>
 *   <li>{@link dev.openesc.core.schema.ValueConstraints} and
 *       {@link dev.openesc.core.schema.SchemaCompatibility}: the schema-only parts of validation, with the
 *       reference's messages; walking evaluated values stays with the evaluator.</li>
 * </ul>
 */
package dev.openesc.core.schema;
