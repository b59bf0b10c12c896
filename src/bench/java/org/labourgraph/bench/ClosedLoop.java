package org.labourgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load on one kind of request over loopback: N connections, each sending its next request as
 * soon as the last one answered, for a fixed time and at most a fixed number of requests. The targets rotate
 * through a list (e.g. many concept pages), so a figure is not one resource's. Counts non-2xx answers apart and
 * keeps the largest X-Labourgraph-Queries header seen (the queries a page cost).
 */
final class ClosedLoop {
    /** What one run measured. */
    record Outcome(long ok, long failed, double seconds, double requestsPerSecond, double p50Millis, double p99Millis,
                   long maxQueriesPerRequest, String firstFailure) {
        Outcome withMaxQueries(long queries) {
            return new Outcome(ok, failed, seconds, requestsPerSecond, p50Millis, p99Millis, queries, firstFailure);
        }
    }

    private static final String QUERY_COUNT_HEADER = "X-Labourgraph-Queries";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Runs {@code connections} loops over {@code targets} (absolute loopback URIs) with the given Accept header;
     * {@code afresh} adds {@code Cache-Control: no-cache} (every page rendered, never read from the page cache).
     */
    Outcome run(List<URI> targets, String accept, boolean afresh, int connections, Duration duration, long maxRequests)
            throws InterruptedException {
        targets.forEach(MixedLoad::requireLoopback);
        LatencyRecorder latencies = new LatencyRecorder();
        LongAdder failed = new LongAdder();
        AtomicLong issued = new AtomicLong();
        LongAccumulator maxQueries = new LongAccumulator(Math::max, -1);
        String[] firstFailure = {null};
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int offset = c * 7919;
            Thread w = new Thread(() -> {
                for (long i = offset; System.nanoTime() < end && issued.incrementAndGet() <= maxRequests; i++) {
                    URI target = targets.get((int) (i % targets.size()));
                    long t = System.nanoTime();
                    try {
                        HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Accept", accept).timeout(Duration.ofSeconds(30));
                        if (afresh) {
                            request.header("Cache-Control", "no-cache");
                        }
                        HttpResponse<Void> r = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() / 100 == 2) {
                            latencies.record((System.nanoTime() - t) / 1000);
                            r.headers().firstValue(QUERY_COUNT_HEADER).ifPresent(q -> maxQueries.accumulate(Long.parseLong(q.trim())));
                        } else {
                            failed.increment();
                            remember(firstFailure, "HTTP " + r.statusCode() + " on " + target);
                        }
                    } catch (IOException e) {
                        failed.increment();
                        remember(firstFailure, e.getClass().getSimpleName() + " on " + target);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-load-" + c);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(latencies.count(), failed.sum(), seconds, latencies.count() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), maxQueries.get(), firstFailure[0]);
    }

    /**
     * The most queries one request of the targets costs when rendered afresh ({@code Cache-Control: no-cache}), one
     * request per target; -1 when no answer says (not a labourgraph page).
     */
    long maxQueriesPerRequest(List<URI> targets, String accept) throws InterruptedException {
        long most = -1;
        for (URI target : targets) {
            MixedLoad.requireLoopback(target);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target).header("Accept", accept).header("Cache-Control", "no-cache")
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    most = Math.max(most, r.headers().firstValue(QUERY_COUNT_HEADER).map(q -> Long.parseLong(q.trim())).orElse(-1L));
                }
            } catch (IOException e) {
                // counted as a failure by the load itself
            }
        }
        return most;
    }

    private static synchronized void remember(String[] first, String what) {
        if (first[0] == null) {
            first[0] = what;
        }
    }
}
