package org.labourgraph.web.site;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done beside the start so that first visitors do not wait for it (the dataset description, the A–Z index),
 * one task after the other on a single background thread: on 2 cores, parallel warm-ups took both from the requests
 * the server had started to answer.
 */
public final class WarmUps {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUps.class);
    private static final ExecutorService ONE_AT_A_TIME = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "labourgraph-warm-up");
        t.setDaemon(true);
        return t;
    });

    /** Asked for and not yet finished (run or failed). */
    private static final AtomicInteger PENDING = new AtomicInteger();

    private WarmUps() {}

    /** Runs {@code task} after the warm-ups already asked for; a failure is logged with {@code what}, never thrown. */
    public static void submit(String what, Runnable task) {
        PENDING.incrementAndGet();
        ONE_AT_A_TIME.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} not prepared at start ({}); the first request for it tries again", what, e.toString());
            } finally {
                PENDING.decrementAndGet();
            }
        });
    }

    /**
     * How many warm-ups are still to finish: /health says it, so that a client (a benchmark, a load balancer's
     * readiness probe) can wait until the server no longer spends its cores on them.
     */
    public static int pending() {
        return PENDING.get();
    }
}
