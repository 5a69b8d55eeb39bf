package dev.openesc.core.eval;

import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.EvaluatedExecutionContext;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Expr;
import dev.openesc.core.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry points of the evaluator. {@link #check} evaluates symbolically (providers are not opened and ciphertexts
 * stay unknown unless asked), {@link #evaluate} opens providers, {@link #rotate} also rotates credentials.
 * User errors come back as diagnostics; deeply nested input is evaluated on a thread with a large stack.
 */
public final class Evaluator {
    /** Stack for the evaluation thread: enough for very deep documents, whose evaluation recurses per level. */
    private static final long STACK_BYTES = 512L << 20;

    /**
     * The threads evaluations run on (see docs/decisions.md): started on demand, reused while busy (starting a
     * thread costs about as much as evaluating a small environment), and ended after a few idle seconds so that the
     * stack memory a very deep evaluation touched is given back.
     */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Evaluator::evaluationThread);

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private static Thread evaluationThread(Runnable r) {
        Thread t = new Thread(null, r, "esc-eval-" + THREAD_NUMBER.incrementAndGet(), STACK_BYTES);
        t.setDaemon(true);
        return t;
    }

    private Evaluator() {}

    public static EvalResult check(EvalRequest req, boolean showSecrets) {
        Outcome o = run(req, new EvalContext.Mode(true, false, showSecrets), false, Set.of());
        return new EvalResult(o.environment, o.diagnostics);
    }

    public static EvalResult evaluate(EvalRequest req) {
        Outcome o = run(req, new EvalContext.Mode(false, false, true), false, Set.of());
        return new EvalResult(o.environment, o.diagnostics);
    }

    /**
     * Evaluates and rotates. {@code rotatePaths} are property paths below {@code values} (e.g. {@code a.b[0]}); empty
     * rotates every rotator.
     */
    public static RotateResult rotate(EvalRequest req, List<String> rotatePaths) {
        Set<String> docPaths = new HashSet<>();
        if (rotatePaths != null) {
            for (String p : rotatePaths) {
                docPaths.add(RotatePaths.toDocPath(p));
            }
        }
        Outcome o = run(req, new EvalContext.Mode(false, true, true), true, docPaths);
        return new RotateResult(o.environment, o.patches, o.diagnostics);
    }

    private record Outcome(Environment environment, List<Patch> patches, Diagnostics diagnostics) {}

    private static Outcome run(EvalRequest req, EvalContext.Mode mode, boolean rotating, Set<String> paths) {
        Future<Outcome> outcome = THREADS.submit(() -> doRun(req, mode, rotating, paths));
        try {
            return outcome.get();
        } catch (InterruptedException ex) {
            outcome.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof StackOverflowError) {
                Diagnostics d = new Diagnostics();
                d.add(Diagnostic.error(null, "environment is nested too deeply to evaluate", ""));
                return new Outcome(null, List.of(), d);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Outcome doRun(EvalRequest req, EvalContext.Mode mode, boolean rotating, Set<String> paths) {
        var decl = req.decl();
        if (decl == null || (isEmpty(decl))) {
            return new Outcome(null, List.of(), new Diagnostics());
        }
        ExecContext exec = req.execContext() == null ? ExecContext.empty() : req.execContext();
        List<Patch> patches = new ArrayList<>();
        EvalContext ec = new EvalContext(mode, rotating, req.name(), decl, req.decrypter(), req.providers(),
                req.environments(), req.definitions(), new HashMap<>(), exec, paths, patches);
        ec.isRoot = true;
        EvalValue v = ec.evaluate();

        Schema s = v.base != null ? SchemaOps.merged(v.base.schema, v.schema) : v.schema;

        v.walk(x -> {
            if (x.rotateOnly) {
                ec.diags.exprError(x.def.syntax(), "cannot access rotateOnly values in a non fn::rotate context");
            }
        });

        Value ctx = Exporter.exportValue(ec.context(), req.name());
        EvaluatedExecutionContext execOut = new EvaluatedExecutionContext(ctx.asMap(), ec.context().schema);
        Expr rootExpr = Exporter.exportExpr(ec.root, req.name());
        Map<String, Value> props = Exporter.exportValue(v, req.name()).asMap();
        Environment env = new Environment(rootExpr.object(), props, s, execOut);
        return new Outcome(env, patches, ec.diags.list);
    }

    private static boolean isEmpty(dev.openesc.core.ast.EnvironmentDecl decl) {
        boolean noValues = decl.values() == null || decl.values().entries().isEmpty();
        boolean noImports = decl.imports() == null || decl.imports().elements().isEmpty();
        return noValues && noImports;
    }
}
