package dev.openesc.bench;

import dev.openesc.core.crypt.Rot128;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.eval.ParsedDefinitions;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.ExecContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * The cost of the environment language against the cost of only reading the same YAML.
 *
 * <ul>
 *   <li>{@link #pipeline}: what a server does for one "open environment": decode and parse the root definition
 *       ({@link Loader#load}), type-check it ({@link Evaluator#check}) and evaluate it ({@link Evaluator#evaluate}).
 *       Both evaluator passes read every imported definition through the fixture's loader; the evaluation reuses
 *       the imports the check parsed ({@link ParsedDefinitions}).</li>
 *   <li>{@link #load}, {@link #check}, {@link #evaluate}: the three steps on their own, to see where time goes.</li>
 *   <li>{@link #snakeyamlCompose}, {@link #snakeyamlLoad}: the baselines, every document of the fixture parsed once
 *       by snakeyaml-engine alone into its node graph (compose) or into plain Java objects (load).</li>
 * </ul>
 *
 * <p>Fixtures: {@code corpus} is the reference corpus's {@code bench} folder (26 imports, ten provider calls);
 * numbers are {@link GeneratedEnvironments generated} environments with that many interpolated values below an
 * import chain 50 deep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The JVM's default collector (G1) with a fixed 1 GB heap, so that sizing does not vary between benchmarks. The
// serial collector with a 64 MB young generation (how `esc server` runs) favours the pipeline over the baselines,
// so the target is judged under this default; docs/benchmarks.md gives the serial numbers beside it.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark {
    @Param({"corpus", "100", "1000", "10000", "100000"})
    public String fixture;

    private Fixture docs;
    private List<byte[]> allDocuments;

    @Setup(Level.Trial)
    public void setUp() {
        docs = Fixture.named(fixture);
        allDocuments = docs.allDocuments();
        // a benchmark of the error path would measure the wrong thing: the fixtures must be clean
        Loader.Loaded loaded = Loader.load(docs.root(), docs.rootDocument());
        requireClean("load", loaded.diagnostics().asList());
        EvalRequest req = request(docs, loaded);
        requireClean("check", Evaluator.check(req, false).diagnostics().asList());
        requireClean("evaluate", Evaluator.evaluate(req).diagnostics().asList());
    }

    /**
     * The root definition loaded once, for the benchmarks of the evaluator steps alone. A state of its own so that
     * the other benchmarks do not keep a parsed definition on the heap (it would count against the heap target).
     */
    @State(Scope.Benchmark)
    public static class Loaded {
        EvalRequest request;

        @Setup(Level.Trial)
        public void setUp(PipelineBenchmark bench) {
            request = request(bench.docs, Loader.load(bench.docs.root(), bench.docs.rootDocument()));
        }
    }

    private static EvalRequest request(Fixture docs, Loader.Loaded loaded) {
        return request(docs, loaded, null);
    }

    private static EvalRequest request(Fixture docs, Loader.Loaded loaded, ParsedDefinitions definitions) {
        return new EvalRequest(docs.root(), loaded.decl(), Rot128.INSTANCE, BenchProviders.INSTANCE, docs,
                ExecContext.empty(), definitions);
    }

    private static void requireClean(String step, List<Diagnostic> diagnostics) {
        if (!diagnostics.isEmpty()) {
            throw new IllegalStateException(step + " reported " + diagnostics.get(0).summary());
        }
    }

    @Benchmark
    public void pipeline(Blackhole bh) {
        Loader.Loaded loaded = Loader.load(docs.root(), docs.rootDocument());
        // one open: the imports parsed by the check are reused by the evaluation
        EvalRequest req = request(docs, loaded, new ParsedDefinitions());
        bh.consume(Evaluator.check(req, false));
        bh.consume(Evaluator.evaluate(req));
    }

    @Benchmark
    public Loader.Loaded load() {
        return Loader.load(docs.root(), docs.rootDocument());
    }

    @Benchmark
    public EvalResult check(Loaded loaded) {
        return Evaluator.check(loaded.request, false);
    }

    @Benchmark
    public EvalResult evaluate(Loaded loaded) {
        return Evaluator.evaluate(loaded.request);
    }

    @Benchmark
    public void snakeyamlCompose(Blackhole bh) {
        Compose compose = new Compose(baselineSettings());
        for (byte[] doc : allDocuments) {
            bh.consume(compose.composeString(new String(doc, StandardCharsets.UTF_8)));
        }
    }

    @Benchmark
    public void snakeyamlLoad(Blackhole bh) {
        Load load = new Load(baselineSettings());
        for (byte[] doc : allDocuments) {
            bh.consume(load.loadFromString(new String(doc, StandardCharsets.UTF_8)));
        }
    }

    /** snakeyaml-engine's defaults, except the input size limit (3 MB by default) which the largest fixture passes. */
    private static LoadSettings baselineSettings() {
        return LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    }
}
