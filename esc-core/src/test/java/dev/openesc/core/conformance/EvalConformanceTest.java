package dev.openesc.core.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The evaluator conformance suite: one test per case of the reference's corpus ({@code esc/eval/testdata/eval},
 * except the {@code bench} fixture), each comparing every key of its expected.json with what OpenESC produces. A
 * failing test's message lists each differing key with the JSON paths or diagnostics that differ. After the run a
 * per-case table and the line {@code N passed, N failed} are printed.
 *
 * <pre>./mvnw -pl esc-core test -Dtest=EvalConformanceTest [-Desc.conformance.only=case1,case2]</pre>
 */
class EvalConformanceTest {
    private static final ConformanceSummary SUMMARY = new ConformanceSummary();

    @TestFactory
    Stream<DynamicTest> evaluatorCases() {
        return ConformanceSummary.selectedCases(List.of()).stream().map(dir -> DynamicTest.dynamicTest(
                dir.getFileName().toString(), dir.toUri(), () -> {
                    CaseVerdict verdict = ConformanceSummary.run(dir);
                    SUMMARY.add(verdict);
                    if (!verdict.passed()) {
                        fail(verdict.report());
                    }
                }));
    }

    @AfterAll
    static void printSummary() {
        SUMMARY.print(System.out, false);
    }
}
