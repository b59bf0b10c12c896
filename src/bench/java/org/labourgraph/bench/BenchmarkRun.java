package org.labourgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.labourgraph.cli.TerminalProgress;

/**
 * The whole benchmark, side by side in one run, for each size: generate a thesaurus; load it with labourgraph
 * and with Jena's tdb2.tdbloader (separate processes); serve it with labourgraph and query /sparql, then the
 * pages and a static file; serve a copy of the same TDB2 database with the standalone Fuseki, alternating the same queries with ours,
 * and concept pages rendered afresh by us and by a second labourgraph in external mode over that Fuseki;
 * time start-ups; read the server's peak RSS. Every server listens on 127.0.0.1; every load is bounded in time
 * and requests. Figures go into {@link BenchResults}; {@link BenchmarkReport} writes them out.
 */
public final class BenchmarkRun {
    /** What to run, and where. */
    public record Plan(List<Long> sizes, int repeats, Integer loadRepeats, Duration duration, long maxRequests, int connections, long seed,
                       int startups, Path workFolder, Path root, Path jar, Path fusekiJar, String serverHeap) {}

    static final String CONCEPT_QUERY = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?p ?o ?label ?broader ?broaderLabel WHERE {
              <%s> ?p ?o .
              OPTIONAL { ?o skos:prefLabel ?label FILTER(lang(?label) = "en") }
              OPTIONAL { <%1$s> skos:broader ?broader . ?broader skos:prefLabel ?broaderLabel FILTER(lang(?broaderLabel) = "en") }
            }""";
    static final String LOOKUP_QUERY = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label WHERE { <%s> skos:prefLabel ?label }";
    static final String DESCRIBE_QUERY = "DESCRIBE <%s>";
    private static final String JSON = "application/sparql-results+json";
    private static final Pattern NO_WARM_UP_PENDING = Pattern.compile("\"warmUpsPending\"\\s*:\\s*0\\b");
    private static final String GRAPH = "https://w3id.org/labourgraph/graph/import/bench";
    /** Concept pages rendered afresh by the embedded server, and by a server in external mode over Fuseki. */
    static final String EMBEDDED_AFRESH = "page/concept-afresh/embedded";
    static final String EXTERNAL_AFRESH = "page/concept-afresh/external-fuseki";

    /** A kind of /sparql query the two endpoints are compared on, with the result format asked for. */
    private record SparqlProbe(String kind, String query, String accept) {}

    private static final List<SparqlProbe> SPARQL_PROBES = List.of(
            new SparqlProbe("lookup", LOOKUP_QUERY, JSON),
            new SparqlProbe("concept-page", CONCEPT_QUERY, JSON),
            new SparqlProbe("describe", DESCRIBE_QUERY, "text/turtle"));

    private final Plan plan;
    private final BenchResults results = new BenchResults();
    private final ClosedLoop client = new ClosedLoop();
    /** Short: it is unrecorded, and long enough for the JIT to compile the request path of a server already serving. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    /**
     * The warm-up of a server process's first series: a front-end just started over Fuseki went from 95 to about 240
     * requests/s over its first 40 s of load (measured by hand at 10^6), so 3 s measured its JIT, not its steady state.
     */
    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(30);
    /** The servers (host and port) already warmed up in this run. */
    private final Set<String> warmedServers = new HashSet<>();
    private final Optional<WrkLoad> wrk;
    private final TerminalProgress progress = TerminalProgress.start("", 0);
    private final java.io.PrintStream log;
    private final JenaTdbTools jenaTools;

    public BenchmarkRun(Plan plan, java.io.PrintStream log) {
        this.plan = plan;
        this.log = log;
        this.jenaTools = new JenaTdbTools(plan.fusekiJar(), plan.root());
        this.wrk = WrkLoad.find(plan.workFolder().resolve("wrk"));
    }

    public BenchResults results() {
        return results;
    }

    /** Runs every size; {@code afterEachSize} sees the figures so far (a report can be written before a long size runs). */
    public BenchResults run(java.util.function.Consumer<BenchResults> afterEachSize) throws IOException, InterruptedException {
        Files.createDirectories(plan.workFolder());
        for (long size : plan.sizes()) {
            runSize(size);
            afterEachSize.accept(results);
        }
        progress.finish();
        return results;
    }

    private void runSize(long size) throws IOException, InterruptedException {
        warmedServers.clear(); // every server of a size is a new process, whatever port it gets
        Path folder = plan.workFolder().resolve("size-" + size);
        Files.createDirectories(folder);
        ThesaurusGenerator generator = ThesaurusGenerator.forTriples(size, plan.seed());
        Path data = folder.resolve("thesaurus-" + size + "-seed" + plan.seed() + ".nt");
        Path count = folder.resolve(data.getFileName() + ".count");
        if (!Files.isRegularFile(count)) {
            step(size, "generating " + String.format(Locale.ROOT, "%,d", size) + " triples");
            long written = generator.write(data, n -> {});
            Files.writeString(count, Long.toString(written));
        }
        long triples = Long.parseLong(Files.readString(count).trim());
        results.triplesInFile(size, triples);
        log.printf(Locale.ROOT, "bench: size %,d: %s (%,d triples)%n", size, data, triples);

        Path store;
        try {
            store = load(size, folder, data, triples);
        } catch (IllegalStateException e) {
            failed(size, "load", e);
            return;
        }
        Samples samples = new Samples(generator, plan);
        // A step that fails is reported and the next one runs: one broken figure does not lose the others.
        try {
            firstStartAndServe(size, folder, store, samples);
        } catch (IllegalStateException e) {
            failed(size, "labourgraph server", e);
        }
        if (size == startupSize()) {
            try {
                startups(size, folder, store);
            } catch (IllegalStateException e) {
                failed(size, "start-up", e);
            }
        }
    }

    private void failed(long size, String step, IllegalStateException e) {
        String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        results.note(String.format(Locale.ROOT, "%s at %,d triples failed: %s", step, size, first));
        log.printf(Locale.ROOT, "bench: %s at %,d triples failed: %s%n", step, size, e.getMessage());
    }

    /** Start-ups are timed at 10^6 triples, or at the size nearest to it when 10^6 is not run. */
    private long startupSize() {
        return plan.sizes().stream().min(Comparator.comparingDouble(s -> Math.abs(Math.log10(s) - 6))).orElse(0L);
    }

    /**
     * A store holding ontology/ and data/ only, as a server leaves it on its first start: each labourgraph load
     * starts from a copy of it, as a bulk load into a running installation would (tdb2.tdbloader starts empty;
     * the 1,300 triples of difference are nothing beside the file).
     */
    private Path sourcesOnlyStore() throws IOException, InterruptedException {
        Path template = plan.workFolder().resolve("store-with-sources-only");
        if (!Files.isRegularFile(template.resolve("labourgraph-sources.properties"))) {
            StoreFolders.deleteTree(template);
            int port = FreePort.find();
            try (ChildProcess server = serve(template, port, plan.workFolder().resolve("serve-sources-only.log"))) {
                server.awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMinutes(10));
            }
        }
        return template;
    }

    private static final double MIB = 1024.0 * 1024.0;

    /** A labourgraph store's size, whole and by part: the TDB2 database, the text index, the history. */
    private void storeOnDisk(long size, String series, Path store) throws IOException {
        results.add(size, series, "MiB", StoreFolders.bytes(store) / MIB);
        for (String part : STORE_PARTS) {
            results.add(size, series + "/" + part, "MiB", StoreFolders.bytes(store.resolve(part)) / MIB);
        }
    }

    /** The folders of a labourgraph store that the report lists apart. */
    static final List<String> STORE_PARTS = List.of("tdb2", "text", "history");

    /** Loads of 10^6 triples and more take minutes each: once, unless asked otherwise. */
    int loadRepeats(long size) {
        return plan.loadRepeats() != null ? plan.loadRepeats() : size >= 1_000_000 ? 1 : plan.repeats();
    }

    private Path load(long size, Path folder, Path data, long triples) throws IOException, InterruptedException {
        Path kept = folder.resolve("store");
        Path template = sourcesOnlyStore();
        int repeats = loadRepeats(size);
        for (int r = 0; r < repeats; r++) {
            Path lgStore = folder.resolve("lg-store-" + r);
            Path tdbStore = folder.resolve("tdb-" + r);
            StoreFolders.deleteTree(lgStore);
            StoreFolders.deleteTree(tdbStore);
            StoreFolders.copyTree(template, lgStore);
            step(size, "load " + (r + 1) + "/" + repeats + ": labourgraph load");
            double ours = java(List.of("-Xmx1g", "-jar", plan.jar().toString(), "load", "--store", lgStore.toString(), "--root",
                    plan.root().toString(), "--graph", GRAPH, data.toString()), folder.resolve("load-labourgraph-" + r + ".log")).runToEnd(Duration.ofHours(2));
            results.add(size, "load/labourgraph", "triples/s", triples / ours);
            storeOnDisk(size, "disk/after-load", lgStore);
            step(size, "load " + (r + 1) + "/" + repeats + ": tdb2.tdbloader");
            double jena = jenaTools.load(List.of("--graph=" + GRAPH), tdbStore, data, folder.resolve("load-tdbloader-" + r + ".log"));
            results.add(size, "load/tdbloader", "triples/s", triples / jena);
            results.add(size, "disk/tdbloader", "MiB", StoreFolders.bytes(tdbStore) / MIB);
            log.printf(Locale.ROOT, "bench: load %,d triples: labourgraph %.1f s, tdb2.tdbloader %.1f s%n", triples, ours, jena);
            StoreFolders.deleteTree(tdbStore);
            sameQuadsLoad(size, folder, r, lgStore, tdbStore, triples);
            if (r == repeats - 1) {
                StoreFolders.deleteTree(kept);
                Files.move(lgStore, kept);
            } else {
                StoreFolders.deleteTree(lgStore);
            }
        }
        return kept;
    }

    /**
     * tdb2.tdbloader given every quad labourgraph's load left in its store (the file's triples and what they entail):
     * how fast Jena's own loader writes what labourgraph has to write. Rates are per triple of the file, as above.
     */
    private void sameQuadsLoad(long size, Path folder, int r, Path lgStore, Path tdbStore, long triples)
            throws IOException, InterruptedException {
        step(size, "load " + (r + 1) + ": tdb2.tdbdump of labourgraph's store");
        Path dump = folder.resolve("labourgraph-quads-" + r + ".nq");
        try {
            long quads = jenaTools.dump(lgStore.resolve("tdb2"), dump, folder.resolve("dump-labourgraph-" + r + ".log"));
            step(size, "load " + (r + 1) + ": tdb2.tdbloader on those " + String.format(Locale.ROOT, "%,d", quads) + " quads");
            double same = jenaTools.load(List.of(), tdbStore, dump, folder.resolve("load-tdbloader-same-quads-" + r + ".log"));
            results.add(size, "load/tdbloader-same-quads", "triples/s", triples / same);
            results.add(size, "load/quads-written", "quads", quads);
            StoreFolders.deleteTree(tdbStore);
            // Jena's loader that, like labourgraph's, writes in one transaction: all of it lands or none (the default
            // loader commits each index on its own thread).
            step(size, "load " + (r + 1) + ": tdb2.tdbloader --loader=basic on those quads");
            double atomic = jenaTools.load(List.of("--loader=basic"), tdbStore, dump, folder.resolve("load-tdbloader-basic-same-quads-" + r + ".log"));
            results.add(size, "load/tdbloader-basic-same-quads", "triples/s", triples / atomic);
            log.printf(Locale.ROOT, "bench: tdb2.tdbloader on labourgraph's %,d quads: %.1f s, with --loader=basic %.1f s%n", quads, same, atomic);
        } finally {
            Files.deleteIfExists(dump);
            StoreFolders.deleteTree(tdbStore);
        }
    }

    /**
     * The first start after the load (README's serve command), then /sparql side by side with standalone Fuseki, then the pages. Both servers
     * run at once (Fuseki on a copy of the TDB2 database: a location has one process) and their /sparql runs
     * alternate, ours then Fuseki's, repeat after repeat: a drift of the machine's speed during the run falls on both.
     */
    private void firstStartAndServe(long size, Path folder, Path store, Samples samples) throws IOException, InterruptedException {
        step(size, "first start of the server after the load");
        int port = FreePort.find();
        // Started as README says a user starts it (with the class archive mvn package records, when there is one).
        StartupLaunch launch = StartupLaunch.all(plan.jar(), plan.root()).get(0);
        Path log = folder.resolve("serve-first.log");
        try (ChildProcess server = serve(store, port, log,
                launch.jvmOptions(), launch.jar(), List.of("--passwd", CuratorEdits.passwordFile(folder).toString()))) {
            double first = server.awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofHours(1));
            results.add(size, "first-start", "s", first);
            launch.refusal(log).ifPresent(results::note);
            // Measured at rest: the server's background warm-ups (dataset description, A–Z index) take a core meanwhile.
            double warm = server.awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMinutes(30),
                    body -> NO_WARM_UP_PENDING.matcher(body).find());
            results.add(size, "first-start/warm-ups-done", "s", warm);
            storeOnDisk(size, "disk/after-first-serve", store);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            try {
                sparqlBesideFuseki(size, folder, store, base, samples);
            } catch (IllegalStateException e) {
                failed(size, "standalone Fuseki", e);
            }
            pages(size, base, samples);
            step(size, "one-triple curator edits");
            new CuratorEdits().run(size, base, CuratorEdits.Targets.of(ThesaurusGenerator.forTriples(size, plan.seed())), results);
            server.peakRssKiB().ifPresent(kib -> results.add(size, "memory/labourgraph", "MiB", kib / 1024.0));
        }
    }

    private void sparqlBesideFuseki(long size, Path folder, Path store, URI ours, Samples samples) throws IOException, InterruptedException {
        step(size, "standalone Fuseki on a copy of the same TDB2 database");
        try (FusekiOnCopy fuseki = FusekiOnCopy.start(folder, store, plan.fusekiJar(), plan.serverHeap())) {
            for (SparqlProbe probe : SPARQL_PROBES) {
                measureSideBySide(size, "sparql/" + probe.kind() + "/labourgraph", samples.queries(ours.resolve("sparql"), probe.query()),
                        "sparql/" + probe.kind() + "/fuseki", samples.queries(fuseki.sparql(), probe.query()), probe.accept(), false);
            }
            fuseki.peakRssKiB().ifPresent(kib -> results.add(size, "memory/fuseki", "MiB", kib / 1024.0));
            externalPages(size, folder, ours, fuseki.sparql(), samples);
        }
    }

    /**
     * Concept pages rendered afresh (cache misses, {@code Cache-Control: no-cache}) by the embedded server and by a
     * second labourgraph in external mode over the same Fuseki: what reading a store over HTTP costs a page.
     */
    private void externalPages(long size, Path folder, URI embedded, URI fusekiSparql, Samples samples)
            throws IOException, InterruptedException {
        step(size, "labourgraph in external mode over the standalone Fuseki");
        try (ExternalFrontEnd external = ExternalFrontEnd.start(plan, folder, fusekiSparql)) {
            measureSideBySide(size, EMBEDDED_AFRESH, samples.paths(embedded, "doc/concept/", samples.conceptSlugs),
                    EXTERNAL_AFRESH, samples.paths(external.base(), "doc/concept/", samples.conceptSlugs), "text/html", true);
        } catch (IllegalStateException e) {
            failed(size, "external mode", e);
        }
    }

    private void pages(long size, URI base, Samples samples) throws InterruptedException {
        measure(size, "page/static", List.of(base.resolve("static/site.css")), "text/css");
        measure(size, "page/concept", samples.paths(base, "doc/concept/", samples.conceptSlugs), "text/html");
        measure(size, "page/person", samples.paths(base, "doc/person/", samples.personSlugs), "text/html");
        measure(size, "page/work", samples.paths(base, "doc/work/", samples.workSlugs), "text/html");
        measure(size, "page/search", samples.searches(base), "text/html");
        measure(size, "page/autocomplete", samples.autocompletes(base), "application/json");
        measure(size, "page/hierarchy", List.of(base.resolve("hierarchy")), "text/html");
        measure(size, "page/a-z-index", samples.letters(base), "text/html");
    }

    private void measure(long size, String series, List<URI> targets, String accept) throws InterruptedException {
        long queries = wrk.isPresent() ? client.maxQueriesPerRequest(targets, accept) : -1;
        warmUp(size, series, targets, accept, false);
        for (int r = 0; r < plan.repeats(); r++) {
            if (!measureOnce(size, series, targets, accept, false, r, queries)) {
                return;
            }
        }
    }

    /** Two series measured in turn, repeat after repeat, each after its own warm-up; {@code afresh}: cache misses. */
    private void measureSideBySide(long size, String seriesA, List<URI> targetsA, String seriesB, List<URI> targetsB, String accept,
                                   boolean afresh) throws InterruptedException {
        long queriesA = wrk.isPresent() ? client.maxQueriesPerRequest(targetsA, accept) : -1;
        long queriesB = wrk.isPresent() ? client.maxQueriesPerRequest(targetsB, accept) : -1;
        warmUp(size, seriesA, targetsA, accept, afresh);
        warmUp(size, seriesB, targetsB, accept, afresh);
        boolean a = true;
        boolean b = true;
        for (int r = 0; r < plan.repeats() && (a || b); r++) {
            a = a && measureOnce(size, seriesA, targetsA, accept, afresh, r, queriesA);
            b = b && measureOnce(size, seriesB, targetsB, accept, afresh, r, queriesB);
        }
    }

    private void warmUp(long size, String series, List<URI> targets, String accept, boolean afresh) throws InterruptedException {
        if (wrk.isPresent()) {
            // Unrecorded first pass, the same for every server: the JIT compiles the hot paths, caches fill.
            Duration warmUp = warmedServers.add(targets.get(0).getAuthority()) ? FIRST_WARM_UP : WARM_UP;
            step(size, series + " warm-up (" + warmUp.toSeconds() + " s)");
            runOnce(targets, accept, afresh, warmUp);
        }
    }

    /** One recorded run; false if no request succeeded (noted in the report: the series stops there). */
    private boolean measureOnce(long size, String series, List<URI> targets, String accept, boolean afresh, int r, long queries)
            throws InterruptedException {
        step(size, series + " " + (r + 1) + "/" + plan.repeats() + " (" + plan.connections() + " connections, "
                + plan.duration().toSeconds() + " s)");
        ClosedLoop.Outcome o = runOnce(targets, accept, afresh, plan.duration());
        if (queries >= 0) {
            o = o.withMaxQueries(queries);
        }
        if (o.ok() == 0) {
            results.note(String.format(Locale.ROOT, "%s at %,d triples: no successful request (%s)", series, size, o.firstFailure()));
            log.printf("bench: %s: no successful request: %s%n", series, o.firstFailure());
            return false;
        }
        results.add(size, series, "req/s", o.requestsPerSecond());
        results.add(size, series, "p50 ms", o.p50Millis());
        results.add(size, series, "p99 ms", o.p99Millis());
        if (o.maxQueriesPerRequest() >= 0) {
            results.add(size, series, "queries", o.maxQueriesPerRequest());
        }
        if (o.failed() > 0) {
            results.note(String.format(Locale.ROOT, "%s at %,d triples, run %d: %,d failed requests of %,d (first: %s)", series, size,
                    r + 1, o.failed(), o.failed() + o.ok(), o.firstFailure()));
        }
        return true;
    }

    private ClosedLoop.Outcome runOnce(List<URI> targets, String accept, boolean afresh, Duration duration) throws InterruptedException {
        if (wrk.isEmpty()) {
            return client.run(targets, accept, afresh, plan.connections(), duration, plan.maxRequests());
        }
        try {
            return wrk.get().run(targets, accept, afresh, plan.connections(), duration);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run wrk (" + wrk.get().describe() + "): " + e.getMessage(), e);
        }
    }

    /** Which HTTP load generator this run uses, for the report. */
    public String loadGenerator() {
        return wrk.map(w -> "wrk (" + w.describe() + "), " + plan.connections() + " connections on 2 threads, after a "
                + WARM_UP.toSeconds() + " s unrecorded warm-up of each series (" + FIRST_WARM_UP.toSeconds() + " s for the first"
                + " series of each server process: labourgraph, Fuseki, the external-mode front-end); queries per page read from one fresh render"
                + " (Cache-Control: no-cache) of each target").orElse("in-JVM closed-loop client (wrk not found on the PATH)");
    }

    /** Start-ups timed with README's serve command and with plain java -jar, alternating ({@link StartupLaunch}). */
    private void startups(long size, Path folder, Path store) throws IOException, InterruptedException {
        String probe = URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        List<StartupLaunch> launches = StartupLaunch.all(plan.jar(), plan.root());
        for (int i = 0; i < plan.startups(); i++) {
            step(size, "start-up " + (i + 1) + "/" + plan.startups());
            for (StartupLaunch launch : launches) {
                int port = FreePort.find();
                Path log = folder.resolve("serve-startup-" + launch.name() + "-" + i + ".log");
                try (ChildProcess server = serve(store, port, log, launch.jvmOptions(), launch.jar(), List.of())) {
                    results.add(size, launch.resultKey(), "s",
                            server.awaitHttp(URI.create("http://127.0.0.1:" + port + "/sparql?query=" + probe), Duration.ofMinutes(10)));
                }
                launch.refusal(log).ifPresent(results::note);
            }
        }
    }

    private ChildProcess serve(Path store, int port, Path logFile) throws IOException {
        return serve(store, port, logFile, List.of(), plan.jar(), List.of());
    }

    private ChildProcess serve(Path store, int port, Path logFile, List<String> jvmOptions, Path jar, List<String> serveOptions)
            throws IOException {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-Xmx" + plan.serverHeap(), "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--store", store.toString(), "--root", plan.root().toString()));
        arguments.addAll(serveOptions);
        return java(arguments, logFile);
    }

    private ChildProcess java(List<String> arguments, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(arguments);
        return ChildProcess.start(command, plan.root(), logFile, Map.of());
    }

    private void step(long size, String what) {
        progress.status(String.format(Locale.ROOT, "[%,d triples] %s", size, what));
    }
}
