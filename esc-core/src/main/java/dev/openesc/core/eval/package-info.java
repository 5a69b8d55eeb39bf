/**
 * The evaluator of environment definitions.
 *
 * <p>Entry points: {@link dev.openesc.core.eval.Loader#load} (YAML bytes to declarations and diagnostics) and
 * {@link dev.openesc.core.eval.Evaluator}'s {@code check}, {@code evaluate} and {@code rotate}, taking an
 * {@link dev.openesc.core.eval.EvalRequest} and returning an {@link dev.openesc.core.eval.EvalResult} or
 * {@link dev.openesc.core.eval.RotateResult} (with {@link dev.openesc.core.eval.Patch}es of rotated state).
 *
 * <p>Inside, evaluation is split by concern: {@code Declarer} turns syntax into expressions with initial schemas,
 * {@code EvalContext} drives one environment (imports, literals, objects, interpolation), {@code ImportMerge} merges
 * imports, {@code Accesses} resolves references, {@code Builtins} the {@code fn::} functions, {@code Validator}
 * checks values against schemas and {@code Exporter} produces the wire model. {@code PropertyOrder} holds an object
 * expression's properties in key order and {@code SortedMerge} merges sorted keys and properties down an import
 * chain, so that large objects are walked without a lookup per key (docs/decisions.md, entry 18).
 */
package dev.openesc.core.eval;
