package dev.openesc.core.conformance;

import dev.openesc.core.testing.Corpus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects case verdicts and prints them as a table: one line per case (PASS, or FAIL with the keys that differ),
 * then exactly {@code N passed, N failed}. {@link EvalConformanceTest} prints it after its run; {@link #main} runs
 * the cases directly (e.g. from an IDE) and with {@code -v} also prints every failure's full report.
 *
 * <p>{@code -Desc.conformance.only=case1,case2} (or the arguments of main) restricts the run to some cases. To run
 * main outside Maven, from {@code esc-core} after {@code ./mvnw -pl esc-core test-compile}:
 * <pre>
 * ./mvnw -q -pl esc-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     dev.openesc.core.conformance.ConformanceSummary -v rotate schema-error
 * </pre>
 */
final class ConformanceSummary {
    /** System property naming the only cases to run, comma-separated. */
    static final String ONLY_PROPERTY = "esc.conformance.only";

    private final List<CaseVerdict> verdicts = new ArrayList<>();

    synchronized void add(CaseVerdict verdict) {
        verdicts.add(verdict);
    }

    synchronized long passed() {
        return verdicts.stream().filter(CaseVerdict::passed).count();
    }

    synchronized long failed() {
        return verdicts.size() - passed();
    }

    /** The closing line, exactly {@code N passed, N failed}. */
    String totals() {
        return passed() + " passed, " + failed() + " failed";
    }

    synchronized void print(PrintStream out, boolean withReports) {
        int width = verdicts.stream().mapToInt(v -> v.caseName().length()).max().orElse(0);
        out.println("Evaluator conformance (" + EvalCase.CORPUS_DIR + "):");
        for (CaseVerdict v : verdicts) {
            String padded = String.format("%-" + width + "s", v.caseName());
            out.println(v.passed() ? "  PASS " + v.caseName() : "  FAIL " + padded + "  " + v.failedKeys());
        }
        if (withReports) {
            for (CaseVerdict v : verdicts) {
                if (!v.passed()) {
                    out.println();
                    out.println(v.report());
                }
            }
        }
        out.println(totals());
    }

    /** The case folders to run: all of them, or those named by {@link #ONLY_PROPERTY} / {@code names}. */
    static List<Path> selectedCases(List<String> names) {
        List<Path> all = EvalCase.folders(Corpus.dir(EvalCase.CORPUS_DIR));
        Set<String> only = new TreeSet<>(names);
        String property = System.getProperty(ONLY_PROPERTY, "");
        if (!property.isBlank()) {
            only.addAll(Arrays.asList(property.trim().split("\\s*,\\s*")));
        }
        if (only.isEmpty()) {
            return all;
        }
        List<Path> chosen = all.stream().filter(p -> only.contains(p.getFileName().toString())).toList();
        Set<String> unknown = new TreeSet<>(only);
        chosen.forEach(p -> unknown.remove(p.getFileName().toString()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no such evaluator case(s): " + unknown);
        }
        return chosen;
    }

    /** Runs one case against OpenESC; a case whose files cannot be read fails with that reason. */
    static CaseVerdict run(Path caseDir) {
        EvalCase evalCase;
        try {
            evalCase = EvalCase.load(caseDir);
        } catch (RuntimeException e) {
            return new CaseVerdict(caseDir.getFileName().toString(),
                    List.of(new CaseVerdict.Mismatch("case", EvalCaseChecker.threw("reading the case", e))));
        }
        return new EvalCaseChecker<>(new OpenEscLanguage()).run(evalCase);
    }

    /** Arguments: optional {@code -v} (print full reports), then case names to run (default: all). */
    public static void main(String[] args) {
        boolean verbose = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-v")) {
                verbose = true;
            } else {
                names.add(arg);
            }
        }
        ConformanceSummary summary = new ConformanceSummary();
        for (Path dir : selectedCases(names)) {
            summary.add(run(dir));
        }
        summary.print(System.out, verbose);
        System.exit(summary.failed() == 0 ? 0 : 1);
    }
}
