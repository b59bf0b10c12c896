package org.labourgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load on a running labourgraph server over loopback: N connections for a fixed time, each looping
 * over a mix of requests (search, autocomplete, SPARQL look-ups, the home page and, when the server has them,
 * concept pages), while one runaway query runs. Reports per kind: count, p50, p99, max; statuses; 5xx and
 * connection errors; and how the runaway query ended.
 */
public final class MixedLoad {
    /** One kind of request in the mix: a name and the path (with query string) to GET. */
    public record RequestKind(String name, String pathAndQuery, String accept) {}

    public record Result(Map<String, LatencyRecorder> latencies, Map<Integer, Long> statuses, long connectionErrors,
                         int runawayStatus, long runawayMillis, Duration elapsed) {
        public long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }

        public long total() {
            return statuses.values().stream().mapToLong(Long::longValue).sum() + connectionErrors;
        }
    }

    private final URI base;
    private final int connections;
    private final Duration duration;
    private final List<RequestKind> mix;
    private final String runawayQuery;

    public MixedLoad(URI base, int connections, Duration duration, List<RequestKind> mix, String runawayQuery) {
        this.base = requireLoopback(base);
        if (connections < 1 || connections > 512) {
            throw new IllegalArgumentException("--connections must be between 1 and 512, got " + connections);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--duration must be between 1 s and 10 min, got " + duration.toSeconds() + " s");
        }
        this.connections = connections;
        this.duration = duration;
        this.mix = List.copyOf(mix);
        this.runawayQuery = runawayQuery;
    }

    /** The default mix against labourgraph's own paths. */
    public static List<RequestKind> defaultMix() {
        String lookup = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label WHERE { "
                + "<https://w3id.org/labourgraph/id/concept/ghost-work> skos:prefLabel ?label }";
        return List.of(
                new RequestKind("search", "api/search?q=" + enc("travail fantome"), "application/json"),
                new RequestKind("autocomplete", "api/search?q=" + enc("venture lab") + "&limit=5", "application/json"),
                new RequestKind("sparql-lookup", "sparql?query=" + enc(lookup), "application/sparql-results+json"),
                new RequestKind("home", "", "text/html"),
                new RequestKind("concept-page", "doc/concept/ghost-work", "text/html"));
    }

    public static String defaultRunaway() {
        return "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    }

    public Result run(PrintStream progress) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, LatencyRecorder> latencies = new LinkedHashMap<>();
        mix.forEach(k -> latencies.put(k.name(), new LatencyRecorder()));
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder connectionErrors = new LongAdder();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong runaway = new AtomicLong(-1);
        int[] runawayStatus = {0};
        // The runaway query (may be null: none) runs beside the mix for as long as the server lets it.
        Thread runawayThread = new Thread(() -> {
            long t = System.nanoTime();
            try {
                runawayStatus[0] = http.send(HttpRequest.newBuilder(base.resolve("sparql?query=" + enc(runawayQuery)))
                        .header("Accept", "text/csv").timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | InterruptedException e) {
                runawayStatus[0] = -1;
            }
            runaway.set((System.nanoTime() - t) / 1_000_000);
        }, "runaway-query");
        if (runawayQuery != null) {
            runawayThread.start();
        }
        List<Thread> workers = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int offset = c;
            Thread w = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    RequestKind kind = mix.get(i % mix.size());
                    long t = System.nanoTime();
                    try {
                        int status = http.send(HttpRequest.newBuilder(base.resolve(kind.pathAndQuery())).header("Accept", kind.accept())
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        latencies.get(kind.name()).record((System.nanoTime() - t) / 1000);
                    } catch (IOException e) {
                        connectionErrors.increment();
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                finished.countDown();
            }, "load-" + c);
            workers.add(w);
            w.start();
        }
        // Progress every 5 s until every worker has finished (they stop by themselves at the end time).
        while (!finished.await(5, TimeUnit.SECONDS)) {
            long done = statuses.values().stream().mapToLong(LongAdder::sum).sum();
            double secs = (System.nanoTime() - start) / 1e9;
            progress.printf("\r  %,d requests, %,.0f req/s, %d s left   ", done, done / secs,
                    Math.max(0, (end - System.nanoTime()) / 1_000_000_000L));
        }
        for (Thread w : workers) {
            w.join();
        }
        if (runawayQuery != null) {
            runawayThread.join(Duration.ofMinutes(10).toMillis());
        }
        progress.println();
        Map<Integer, Long> statusCounts = new LinkedHashMap<>();
        statuses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> statusCounts.put(e.getKey(), e.getValue().sum()));
        return new Result(latencies, statusCounts, connectionErrors.sum(), runawayStatus[0], runaway.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Load goes to this machine only: a loopback address, never another host. */
    static URI requireLoopback(URI base) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("--url must be a loopback address (127.0.0.1, localhost, [::1]): load is never sent"
                        + " to another host; got " + base);
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--url host " + base.getHost() + " is unknown", e);
        }
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
