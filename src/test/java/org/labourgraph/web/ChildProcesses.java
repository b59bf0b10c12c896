package org.labourgraph.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a server the tests started as a child process: the one way both harnesses (Fuseki, Virtuoso) end theirs. */
final class ChildProcesses {
    private ChildProcesses() {}

    /**
     * Asks the process to stop, waits up to {@code grace}, then kills it; and drops the shutdown hook that would kill
     * it had the test JVM ended first.
     */
    static void stop(Process process, Duration grace, Thread killOnExit) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
