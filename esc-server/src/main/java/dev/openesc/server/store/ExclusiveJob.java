package dev.openesc.server.store;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work that must run on one replica at a time (purging expired sessions, rotating keys).
 * Each run first takes or renews a lease; a replica that cannot get it skips the run. Schedule it more
 * often than the lease lasts, so that the holder keeps it and another replica takes over only when
 * the holder has stopped.
 */
public final class ExclusiveJob {

    private static final Logger LOG = LoggerFactory.getLogger(ExclusiveJob.class);

    private final Leases leases;
    private final String name;
    private final String holder;
    private final Duration leaseTtl;
    private final Runnable work;

    /**
     * @param holder this replica's name, unique among replicas (a host name plus a random suffix)
     */
    public ExclusiveJob(Leases leases, String name, String holder, Duration leaseTtl, Runnable work) {
        this.leases = Objects.requireNonNull(leases);
        this.name = Objects.requireNonNull(name);
        this.holder = Objects.requireNonNull(holder);
        this.leaseTtl = Objects.requireNonNull(leaseTtl);
        this.work = Objects.requireNonNull(work);
    }

    public String name() {
        return name;
    }

    /**
     * Runs the work if this replica holds the lease or can take it. Returns whether it ran; a failure
     * of the work is logged, not thrown, so that a schedule survives it.
     */
    public boolean runIfHolder() {
        boolean holding;
        try {
            holding = leases.tryAcquire(name, holder, leaseTtl);
        } catch (StoreException e) {
            LOG.warn("background job {}: cannot take its lease: {}", name, e.getMessage());
            return false;
        }
        if (!holding) {
            return false;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("background job {} failed", name, e);
        }
        return true;
    }

    /**
     * Gives the lease up if this replica holds it, so that another replica takes over at its next run
     * instead of after the lease expires: for a graceful stop. A replica that dies without it only
     * delays the work by the lease's length.
     */
    public void release() {
        try {
            leases.release(name, holder);
        } catch (StoreException e) {
            LOG.warn("background job {}: cannot release its lease: {}", name, e.getMessage());
        }
    }
}
