package dev.openesc.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a run over every case of a corpus. Each case passes or fails with a description, so that one run
 * shows all failing cases; {@link #assertAllPassed()} prints {@code <label>: N passed, M failed} and the failures,
 * then fails the test if any case failed.
 */
public final class CaseTally {
    private final String label;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    public CaseTally(String label) {
        this.label = label;
    }

    /** Records one case: passed when {@code problem} is null, otherwise failed for that reason. */
    public void record(String caseName, String problem) {
        if (problem == null) {
            passed++;
        } else {
            failures.add(caseName + ": " + problem);
        }
    }

    /** Records one case: passed when there are no {@code problems}, otherwise failed for each, one per line. */
    public void record(String caseName, List<String> problems) {
        record(caseName, problems.isEmpty() ? null : "\n  " + String.join("\n  ", problems));
    }

    public void assertAllPassed() {
        System.out.println(label + ": " + passed + " passed, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }
}
