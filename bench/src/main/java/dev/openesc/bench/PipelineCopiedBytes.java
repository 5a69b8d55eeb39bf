package dev.openesc.bench;

import dev.openesc.core.crypt.Rot128;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.eval.ParsedDefinitions;
import dev.openesc.core.value.ExecContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the young collections copy per {@link PipelineBenchmark#pipeline} operation, and in which step (load, check,
 * evaluate) each collection fell: a measure that, unlike time, hardly depends on how busy the machine is, as long
 * as the young generation is fixed ({@code -Xmn}; G1 sizes it by pause times otherwise). Each result is dropped at
 * once, as JMH's blackhole does. The bytes come from JFR's {@code jdk.EvacuationInformation} (G1 only).
 *
 * <p>Usage: {@code java -Xms1g -Xmx1g -Xmn200m -cp bench/target/benchmarks.jar dev.openesc.bench.PipelineCopiedBytes
 * FIXTURE WARMUP COUNT}
 */
public final class PipelineCopiedBytes {
    private static final String[] STEPS = {"load", "check", "evaluate"};

    /** When each step of the measured operations started: wall-clock epoch nanoseconds and the step's index. */
    private final List<long[]> starts = new ArrayList<>();

    private PipelineCopiedBytes() {}

    public static void main(String[] args) throws IOException {
        Fixture docs = Fixture.named(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        PipelineCopiedBytes run = new PipelineCopiedBytes();
        for (int i = 0; i < warmup; i++) {
            run.operation(docs, false);
        }
        System.gc();
        Path file = Files.createTempFile("copied", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.EvacuationInformation");
            recording.start();
            for (int i = 0; i < count; i++) {
                run.operation(docs, true);
            }
            recording.stop();
            recording.dump(file);
            run.report(args[0], RecordingFile.readAllEvents(file), count);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void operation(Fixture docs, boolean marked) {
        mark(marked, 0);
        Loader.Loaded loaded = Loader.load(docs.root(), docs.rootDocument());
        EvalRequest req = new EvalRequest(docs.root(), loaded.decl(), Rot128.INSTANCE, BenchProviders.INSTANCE, docs,
                ExecContext.empty(), new ParsedDefinitions());
        mark(marked, 1);
        Evaluator.check(req, false);
        mark(marked, 2);
        Evaluator.evaluate(req);
    }

    private void mark(boolean marked, int step) {
        if (marked) {
            starts.add(new long[] {epochNanos(Instant.now()), step});
        }
    }

    private void report(String fixture, List<RecordedEvent> events, int count) {
        long[] copied = new long[STEPS.length];
        int[] collections = new int[STEPS.length];
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("jdk.EvacuationInformation")) {
                int step = stepAt(epochNanos(e.getStartTime()));
                copied[step] += e.getLong("bytesCopied");
                collections[step]++;
            }
        }
        long total = 0;
        int all = 0;
        StringBuilder steps = new StringBuilder();
        for (int s = 0; s < STEPS.length; s++) {
            total += copied[s];
            all += collections[s];
            steps.append(String.format(Locale.ROOT, ", %s %.1f MB in %d", STEPS[s], copied[s] / 1e6 / count,
                    collections[s]));
        }
        System.out.printf(Locale.ROOT, "%s: %.1f MB copied per operation, %d collections in %d operations%s%n",
                fixture, total / 1e6 / count, all, count, steps);
    }

    /** The step running at a time; a collection before the first mark counts with the first load. */
    private int stepAt(long epochNanos) {
        int step = 0;
        for (long[] start : starts) {
            if (start[0] > epochNanos) {
                break;
            }
            step = (int) start[1];
        }
        return step;
    }

    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
