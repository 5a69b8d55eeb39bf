package dev.openesc.bench.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase of a closed-loop run gave: operations completed (an open+read counts once),
 * failures, and latency percentiles of the whole operation in milliseconds.
 */
record LoadResult(String name, long operations, long errors, double seconds, double p50, double p90, double p99,
                  double p999, double max) {

    static LoadResult of(String name, Histogram latencyMicros, long errors, double seconds) {
        return new LoadResult(name, latencyMicros.getTotalCount(), errors, seconds,
                millis(latencyMicros, 50), millis(latencyMicros, 90), millis(latencyMicros, 99),
                millis(latencyMicros, 99.9), latencyMicros.getMaxValue() / 1000.0);
    }

    double perSecond() {
        return operations / seconds;
    }

    /** One row of the Markdown tables in docs/benchmarks.md. */
    String row() {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %d |",
                name, perSecond(), p50, p90, p99, p999, max, errors);
    }

    static String header() {
        return "| scenario | ops/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|";
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
