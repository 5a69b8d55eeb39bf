package dev.openesc.bench.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: a fixed number of connections, each on its own thread sending its next operation as
 * soon as the previous one answered. A warm-up phase is run and thrown away, then the measured phase
 * records each operation's latency (microseconds, 3 significant digits) in a histogram per thread.
 *
 * <p>Closed loop means the offered load adapts to the server: when it slows down, fewer requests are sent,
 * so the percentiles are those of a saturated server at this concurrency, not of a fixed arrival rate.
 */
final class ClosedLoop {

    /** One operation on a connection; throws on a failure (a transport error or an unexpected status). */
    @FunctionalInterface
    interface Operation {
        void run(HttpConnection connection) throws IOException;
    }

    private final int connections;
    private final Duration warmup;
    private final Duration measured;

    ClosedLoop(int connections, Duration warmup, Duration measured) {
        this.connections = connections;
        this.warmup = warmup;
        this.measured = measured;
    }

    /**
     * Runs the operation against the servers, connection {@code i} going to server {@code i % n}, and notes the
     * CPU time the servers and this process spent in the measured phase.
     */
    LoadResult run(String name, List<ServerProcess> servers, String token, Operation operation)
            throws InterruptedException, IOException {
        List<URI> targets = servers.stream().map(ServerProcess::url).toList();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            URI target = targets.get(i % targets.size());
            Thread thread = new Thread(() -> loop(target, token, operation, measureFrom, end, histogram, errors),
                    "load-" + name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(measureFrom);
        long serverCpu = cpuNanos(servers);
        long ownCpu = OWN.getProcessCpuTime();
        sleepUntil(end);
        serverCpu = cpuNanos(servers) - serverCpu;
        ownCpu = OWN.getProcessCpuTime() - ownCpu;
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return LoadResult.of(name, all, errors.get(), measured.toNanos() / 1e9, serverCpu, ownCpu);
    }

    private static final com.sun.management.OperatingSystemMXBean OWN =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static long cpuNanos(List<ServerProcess> servers) throws IOException {
        long sum = 0;
        for (ServerProcess server : servers) {
            sum += server.cpuNanos();
        }
        return sum;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static void loop(URI target, String token, Operation operation, long measureFrom, long end,
                             Histogram histogram, AtomicLong errors) {
        try (HttpConnection connection = new HttpConnection(target, token)) {
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                boolean counted = now >= measureFrom;
                try {
                    operation.run(connection);
                    long done = System.nanoTime();
                    // only operations that both started and finished in the measured phase
                    if (counted && done < end) {
                        histogram.recordValue(Math.min((done - now) / 1000, 60_000_000L));
                    }
                } catch (IOException | RuntimeException e) {
                    if (counted && errors.incrementAndGet() == 1) {
                        System.err.println("first failure: " + e.getMessage());
                    }
                    connection.close();
                }
            }
        }
    }

    /** Fails an operation whose response is not the expected status (the body helps whoever reads the log). */
    static HttpConnection.Response expect(int status, HttpConnection.Response response) throws IOException {
        if (response.status() != status) {
            String body = response.text();
            throw new IOException("status " + response.status() + ": "
                    + (body.length() > 200 ? body.substring(0, 200) : body));
        }
        return response;
    }
}
