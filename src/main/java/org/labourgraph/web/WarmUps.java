package org.labourgraph.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private WarmUps() {}

    /** Runs {@code task} after the warm-ups already asked for; a failure is logged with {@code what}, never thrown. */
    public static void submit(String what, Runnable task) {
        ONE_AT_A_TIME.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} not prepared at start ({}); the first request for it tries again", what, e.toString());
            }
        });
    }
}
