package dev.openesc.core.conformance;

import java.util.List;

/** The result of running one case: passed when nothing differed from expected.json. */
record CaseVerdict(String caseName, List<Mismatch> mismatches) {

    /** One expectation that did not hold: the expected.json key (or the phase that failed) and why. */
    record Mismatch(String key, String message) {}

    CaseVerdict {
        mismatches = List.copyOf(mismatches);
    }

    boolean passed() {
        return mismatches.isEmpty();
    }

    /** The keys that failed, e.g. "checkDiags, evalJsonRedacted". */
    String failedKeys() {
        return String.join(", ", mismatches.stream().map(Mismatch::key).distinct().toList());
    }

    /** A multi-line report: the case, then each mismatch with its explanation. */
    String report() {
        if (passed()) {
            return caseName + ": passed";
        }
        StringBuilder out = new StringBuilder();
        out.append(caseName).append(": ").append(mismatches.size()).append(" mismatch(es) in ").append(failedKeys());
        for (Mismatch m : mismatches) {
            out.append("\n  [").append(m.key()).append("] ").append(m.message());
        }
        return out.toString();
    }
}
