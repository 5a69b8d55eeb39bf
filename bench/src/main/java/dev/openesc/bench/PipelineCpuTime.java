package dev.openesc.bench;

import dev.openesc.core.crypt.Rot128;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.eval.ParsedDefinitions;
import dev.openesc.core.value.ExecContext;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * The {@link PipelineBenchmark#pipeline} and {@link PipelineBenchmark#snakeyamlCompose} operations timed by the
 * CPU time of the whole process rather than by the wall clock, for a machine too busy for JMH's wall-clock times:
 * there the evaluator's hand-off to its own thread (decisions.md, entry 4) waits for the scheduler, which a
 * wall clock charges to the pipeline and CPU time does not. CPU time still counts collector and compiler threads,
 * so run enough warm-up operations for compilation to settle.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.openesc.bench.PipelineCpuTime FIXTURE WARMUP COUNT}
 */
public final class PipelineCpuTime {
    private static Object sink;

    private PipelineCpuTime() {}

    public static void main(String[] args) {
        Fixture docs = Fixture.named(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
        Runnable compose = () -> {
            Compose c = new Compose(settings);
            for (byte[] doc : docs.allDocuments()) {
                sink = c.composeString(new String(doc, StandardCharsets.UTF_8));
            }
        };
        Runnable pipeline = () -> {
            Loader.Loaded loaded = Loader.load(docs.root(), docs.rootDocument());
            EvalRequest req = new EvalRequest(docs.root(), loaded.decl(), Rot128.INSTANCE, BenchProviders.INSTANCE,
                    docs, ExecContext.empty(), new ParsedDefinitions());
            sink = Evaluator.check(req, false);
            sink = Evaluator.evaluate(req);
        };
        double composeCpu = measure("snakeyamlCompose", args[0], compose, warmup, count);
        double pipelineCpu = measure("pipeline", args[0], pipeline, warmup, count);
        System.out.printf(Locale.ROOT, "%s pipeline / compose (CPU): %.1fx%n", args[0], pipelineCpu / composeCpu);
    }

    private static double measure(String name, String fixture, Runnable op, int warmup, int count) {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        System.gc();
        long allocated = allocatedBytes();
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        for (int i = 0; i < count; i++) {
            op.run();
        }
        double cpuMs = (processCpuNanos() - cpu) / 1e6 / count;
        double wallMs = (System.nanoTime() - wall) / 1e6 / count;
        double allocatedMb = (allocatedBytes() - allocated) / 1e6 / count;
        System.out.printf(Locale.ROOT, "%s %s: %.3f ms CPU, %.3f ms wall, %.3f MB allocated per operation%n",
                fixture, name, cpuMs, wallMs, allocatedMb);
        return cpuMs;
    }

    /**
     * Bytes allocated so far by the live threads: the benchmark's and the evaluator's (which stays alive while it
     * is kept busy). Like JMH's {@code gc.alloc.rate.norm}, it does not depend on how busy the machine is, as long
     * as the warm-up let the JIT compile the code (escape analysis removes allocations).
     */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
