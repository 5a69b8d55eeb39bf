/**
 * The wire model of evaluated environments, as the REST API and the CLI exchange them.
 *
 * <ul>
 *   <li>{@link dev.openesc.core.value.Value}: a value (null, Boolean, {@code schema.JsonNumber}, String,
 *       {@code List<Value>}, sorted {@code Map<String, Value>}) with secret/unknown flags and a
 *       {@link dev.openesc.core.value.Trace} (defining range and overridden base value).
 *       {@code toJson(redact)} gives plain JSON with {@code "[secret]"}/{@code "[unknown]"};
 *       {@code toString(redact)} the string form used by interpolation.</li>
 *   <li>{@link dev.openesc.core.value.Expr} and its parts ({@link dev.openesc.core.value.Range},
 *       {@link dev.openesc.core.value.Accessor}, {@link dev.openesc.core.value.PropertyAccessor},
 *       {@link dev.openesc.core.value.Interpolation}, {@link dev.openesc.core.value.AccessExpr},
 *       {@link dev.openesc.core.value.BuiltinExpr}): the evaluated expression tree.</li>
 *   <li>{@link dev.openesc.core.value.Environment}: {@code exprs}, {@code properties}, {@code schema} and
 *       {@code executionContext} of an evaluated environment.</li>
 *   <li>{@link dev.openesc.core.value.ExecContext}: caller values visible as {@code context.*}.</li>
 *   <li>{@link dev.openesc.core.value.WireJson}: JSON encoding with the reference's field order and
 *       omit-when-empty rules.</li>
 * </ul>
 */
package dev.openesc.core.value;
