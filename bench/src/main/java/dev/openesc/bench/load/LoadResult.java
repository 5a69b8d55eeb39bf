package dev.openesc.bench.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase of a closed-loop run gave: operations completed (an open+read counts once),
 * failures, latency percentiles of the whole operation in milliseconds, and the CPU time the servers and the
 * load generator spent per operation. On a machine shared with other work, the CPU time per operation is the
 * steadier figure: throughput depends on how much of the machine the server got.
 */
record LoadResult(String name, long operations, long errors, double seconds, double p50, double p90, double p99,
                  double p999, double max, double serverCpuMs, double clientCpuMs) {

    static LoadResult of(String name, Histogram latencyMicros, long errors, double seconds, long serverCpuNanos,
                         long clientCpuNanos) {
        long ops = Math.max(1, latencyMicros.getTotalCount());
        return new LoadResult(name, latencyMicros.getTotalCount(), errors, seconds,
                millis(latencyMicros, 50), millis(latencyMicros, 90), millis(latencyMicros, 99),
                millis(latencyMicros, 99.9), latencyMicros.getMaxValue() / 1000.0,
                serverCpuNanos / 1e6 / ops, clientCpuNanos / 1e6 / ops);
    }

    double perSecond() {
        return operations / seconds;
    }

    /** One row of the Markdown tables in docs/benchmarks.md. */
    String row() {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %.3f | %.3f |",
                name, perSecond(), p50, p90, p99, p999, max, errors, serverCpuMs, clientCpuMs);
    }

    static String header() {
        return "| scenario | ops/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | server CPU ms/op"
                + " | load generator CPU ms/op |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
