/**
 * The conformance harness: runs OpenESC against the reference implementation's evaluator corpus
 * ({@code esc/eval/testdata/eval}, located by {@link dev.openesc.core.testing.Corpus}) and reports, per case and per
 * expectation key, where the results differ.
 *
 * <ul>
 *   <li>{@link dev.openesc.core.conformance.EvalConformanceTest}: one JUnit test per case, then a summary table and
 *       the line {@code N passed, N failed}. Run it with
 *       {@code ./mvnw -pl esc-core test -Dtest=EvalConformanceTest}, optionally
 *       {@code -Desc.conformance.only=case1,case2}.</li>
 *   <li>{@link dev.openesc.core.conformance.EvalCaseChecker}: runs one case (load, check, evaluate, rotate) and
 *       compares every key of expected.json; absent keys mean "nothing" (no diagnostics, no environment), unknown
 *       keys fail the case.</li>
 *   <li>{@link dev.openesc.core.conformance.JsonDiff} and {@link dev.openesc.core.conformance.DiagnosticsComparison}:
 *       the comparisons (exact decimal numbers, JSON paths of differences; diagnostics in the reference's shape and
 *       sort order).</li>
 *   <li>{@link dev.openesc.core.conformance.LanguageUnderTest}: the seam between harness and evaluator;
 *       {@link dev.openesc.core.conformance.OpenEscLanguage} is the real evaluator behind it, with the reference's
 *       fixtures ({@link dev.openesc.core.conformance.TestProviders}, {@link dev.openesc.core.conformance.TestRotators},
 *       {@link dev.openesc.core.conformance.CaseEnvironments}); {@link dev.openesc.core.conformance.ReplayLanguage}
 *       replays the expectations to test the harness itself.</li>
 * </ul>
 */
package dev.openesc.core.conformance;
