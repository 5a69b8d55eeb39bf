package dev.openesc.server;

import dev.openesc.server.store.ExclusiveJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's periodic work (key rotation, the purge of expired open sessions). Every replica schedules
 * every job; each run first takes or renews the job's lease, so the holder runs it and the others skip,
 * and when the holder dies another takes over once the lease has expired. Runs are counted in
 * {@code esc_background_job_runs_total{job=...}}, which shows an operator which replica does the work.
 */
public final class BackgroundJobs implements AutoCloseable {

    /** A job and how often each replica tries it; the job's lease should last a few periods. */
    public record Scheduled(ExclusiveJob job, Duration every) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration FINISH_RUN_WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService scheduler;
    private final List<Scheduled> jobs;

    private BackgroundJobs(ScheduledExecutorService scheduler, List<Scheduled> jobs) {
        this.scheduler = scheduler;
        this.jobs = jobs;
    }

    /** Schedules each job, its first run one period from now. */
    public static BackgroundJobs start(List<Scheduled> jobs, MeterRegistry registry) {
        // One thread: the jobs are short and rare, and one at a time keeps their database load small.
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "esc-background-jobs");
            thread.setDaemon(true);
            return thread;
        });
        for (Scheduled scheduled : jobs) {
            Counter runs = Counter.builder("esc.background.job.runs").tag("job", scheduled.job().name())
                    .description("runs of a background job on this replica (the lease holder's)")
                    .register(registry);
            long every = scheduled.every().toMillis();
            scheduler.scheduleWithFixedDelay(() -> {
                if (scheduled.job().runIfHolder()) {
                    runs.increment();
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return new BackgroundJobs(scheduler, List.copyOf(jobs));
    }

    /**
     * Stops scheduling, lets a run in progress finish, and gives the leases up so that another replica
     * takes over at its next run. If a run does not finish in time its lease is kept: a second replica
     * must not start the same work while it is still going on.
     */
    @Override
    public void close() {
        scheduler.shutdown();
        boolean finished;
        try {
            finished = scheduler.awaitTermination(FINISH_RUN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            scheduler.shutdownNow();
            LOG.warn("background jobs still running at shutdown; their leases expire on their own");
            return;
        }
        jobs.forEach(scheduled -> scheduled.job().release());
    }

    /** Stops scheduling and keeps the leases, as a replica that crashes does: for tests of a takeover. */
    public void abandon() {
        scheduler.shutdownNow();
    }
}
