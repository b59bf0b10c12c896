package org.labourgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * BENCHMARKS.md from a run's figures: the machine, the command, every figure as median (min–max) over the
 * repeated runs, the ratios against Fuseki and tdb2.tdbloader next to their targets, and a plot of how the
 * page and lookup costs grow with the graph.
 */
public final class BenchmarkReport {
    /** Where and how the figures were made. */
    public record Context(String command, String date, double minutes, List<String> machine, String machineNote,
                          int repeats, long durationSeconds, int connections) {}

    static final List<String> QUERY_KINDS = List.of("lookup", "concept-page", "describe");
    static final List<String> PAGE_KINDS = List.of("concept", "person", "work", "search", "autocomplete", "hierarchy", "a-z-index");

    private final BenchResults results;
    private final Context context;
    private final StringBuilder out = new StringBuilder();

    private BenchmarkReport(BenchResults results, Context context) {
        this.results = results;
        this.context = context;
    }

    public static String render(BenchResults results, Context context) {
        return new BenchmarkReport(results, context).write();
    }

    private String write() {
        line("# Benchmarks");
        line("");
        line("Written by `" + context.command() + "` on " + context.date() + String.format(Locale.ROOT, " (the run took %.0f min).", context.minutes())
                + " Do not edit by hand: run the command again.");
        line("");
        line(String.format(Locale.ROOT, "Every figure is the median over %d run(s), with (min–max) beside it; HTTP loads use %d connections"
                + " for %d s each, in-JVM closed-loop client, loopback only. Ratios are of medians.", context.repeats(),
                context.connections(), context.durationSeconds()));
        line("");
        line("## Machine");
        line("");
        context.machine().forEach(m -> line("- " + m));
        line("- What else ran: " + context.machineNote());
        line("");
        summary();
        load();
        sparql();
        pages();
        scaling();
        startup();
        memory();
        if (!results.notes().isEmpty()) {
            line("## Notes from the run");
            line("");
            results.notes().forEach(n -> line("- " + n));
            line("");
        }
        return out.toString();
    }

    private void summary() {
        line("## Ratios and targets");
        line("");
        line("| figure | triples | measured | target |");
        line("|---|---:|---:|---|");
        for (long size : results.sizes()) {
            results.ratio(size, "load/labourgraph", "load/tdbloader", "triples/s").ifPresent(r ->
                    line("| load: labourgraph ÷ tdb2.tdbloader (triples/s) | " + count(size) + " | " + ratio(r) + " | ≥ 0.90× " + met(r >= 0.9) + " |"));
            for (String kind : QUERY_KINDS) {
                results.ratio(size, "sparql/" + kind + "/labourgraph", "sparql/" + kind + "/fuseki", "req/s").ifPresent(r ->
                        line("| /sparql " + kind + ": labourgraph ÷ Fuseki (req/s) | " + count(size) + " | " + ratio(r) + " | ≥ 0.95× " + met(r >= 0.95) + " |"));
            }
            results.ratio(size, "page/concept", "page/static", "req/s").ifPresent(r ->
                    line("| concept page ÷ static file (req/s) | " + count(size) + " | " + ratio(r) + " | ≥ 0.50× " + met(r >= 0.5) + " |"));
            double p99Target = size >= 5_000_000 ? 50 : 25;
            results.stats(size, "page/concept", "p99 ms").ifPresent(s ->
                    line("| concept page p99 | " + count(size) + " | " + ms(s.median()) + " | ≤ " + (int) p99Target + " ms " + met(s.median() <= p99Target) + " |"));
            results.stats(size, "page/a-z-index", "p99 ms").ifPresent(s ->
                    line("| A–Z index page p99 | " + count(size) + " | " + ms(s.median()) + " | ≤ 50 ms " + met(s.median() <= 50) + " |"));
            results.stats(size, "page/autocomplete", "p99 ms").ifPresent(s ->
                    line("| autocomplete p99 | " + count(size) + " | " + ms(s.median()) + " | ≤ 20 ms " + met(s.median() <= 20) + " |"));
            results.stats(size, "startup/labourgraph", "s").ifPresent(s ->
                    line("| start to first answer | " + count(size) + " | " + String.format(Locale.ROOT, "%.2f s", s.median()) + " | ≤ 3 s " + met(s.median() <= 3) + " |"));
            for (String kind : PAGE_KINDS) {
                results.stats(size, "page/" + kind, "queries").ifPresent(s ->
                        line("| queries per " + kind + " request (max seen) | " + count(size) + " | " + (long) s.max() + " | ≤ 3 " + met(s.max() <= 3) + " |"));
            }
        }
        line("");
    }

    private void load() {
        line("## 1. Load (separate processes, -Xmx1g, same N-Triples file)");
        line("");
        line("labourgraph: `load --store DIR --graph G FILE` (streamed into TDB2, text index and entailments in the same transaction)."
                + " Jena: `tdb2.tdbloader --loc DIR --graph=G FILE` from the jena-fuseki-server 5.6.0 jar. Wall time of the process."
                + " Loads of 10^6 triples and more run once unless --load-repeats says otherwise.");
        line("");
        line("| triples | labourgraph triples/s | tdb2.tdbloader triples/s | ratio |");
        line("|---:|---:|---:|---:|");
        for (long size : results.sizes()) {
            Optional<Stats> ours = results.stats(size, "load/labourgraph", "triples/s");
            Optional<Stats> jena = results.stats(size, "load/tdbloader", "triples/s");
            if (ours.isPresent() || jena.isPresent()) {
                line("| " + count(size) + " | " + ours.map(this::rate).orElse("–") + " | " + jena.map(this::rate).orElse("–") + " | "
                        + results.ratio(size, "load/labourgraph", "load/tdbloader", "triples/s").map(this::ratio).orElse("–") + " |");
            }
        }
        line("");
    }

    private void sparql() {
        line("## 2. SPARQL endpoint: labourgraph /sparql vs standalone Fuseki on the same TDB2 database (read-only)");
        line("");
        line("Queries (64 different concepts in rotation): a point lookup of prefLabels; a concept-page query (all properties with"
                + " OPTIONAL labels of the values and of the broader concept); a DESCRIBE.");
        line("");
        line("| triples | query | labourgraph req/s | p50 ms | p99 ms | Fuseki req/s | p50 ms | p99 ms | ratio |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (long size : results.sizes()) {
            for (String kind : QUERY_KINDS) {
                String ours = "sparql/" + kind + "/labourgraph";
                String theirs = "sparql/" + kind + "/fuseki";
                if (results.stats(size, ours, "req/s").isPresent() || results.stats(size, theirs, "req/s").isPresent()) {
                    line("| " + count(size) + " | " + kind + " | " + http(size, ours) + " | " + http(size, theirs) + " | "
                            + results.ratio(size, ours, theirs, "req/s").map(this::ratio).orElse("–") + " |");
                }
            }
        }
        line("");
    }

    private void pages() {
        line("## 3. Pages vs a static file from the same server");
        line("");
        line("The static file is `/static/site.css` (5.3 KiB, the site's own stylesheet, read from the jar on every request by the same"
                + " Jetty: a low ceiling; pages served from the rendered cache can beat it). Pages rotate over 64"
                + " concepts, persons, works, searches and index letters; `queries` is the most `X-Labourgraph-Queries` seen.");
        line("");
        line("| triples | page | req/s | p50 ms | p99 ms | × static | queries |");
        line("|---:|---|---:|---:|---:|---:|---:|");
        for (long size : results.sizes()) {
            List<String> kinds = new ArrayList<>(List.of("static"));
            kinds.addAll(PAGE_KINDS);
            for (String kind : kinds) {
                String series = "page/" + kind;
                if (results.stats(size, series, "req/s").isPresent()) {
                    line("| " + count(size) + " | " + kind + " | " + http(size, series) + " | "
                            + results.ratio(size, series, "page/static", "req/s").map(this::ratio).orElse("–") + " | "
                            + results.stats(size, series, "queries").map(s -> Long.toString((long) s.max())).orElse("–") + " |");
                }
            }
        }
        line("");
    }

    private void scaling() {
        line("## 4. Scaling");
        line("");
        line("Median p99 (ms) by graph size; one `#` per bar step, scaled to the largest value of each figure.");
        line("");
        line("```");
        for (String[] figure : new String[][] {{"page/concept", "concept page p99"}, {"page/a-z-index", "A–Z index p99"},
                {"page/search", "search page p99"}, {"sparql/lookup/labourgraph", "/sparql lookup p99"},
                {"sparql/lookup/fuseki", "Fuseki lookup p99"}}) {
            double max = 0;
            for (long size : results.sizes()) {
                max = Math.max(max, results.stats(size, figure[0], "p99 ms").map(Stats::median).orElse(0.0));
            }
            if (max == 0) {
                continue;
            }
            line(figure[1]);
            for (long size : results.sizes()) {
                Optional<Stats> s = results.stats(size, figure[0], "p99 ms");
                if (s.isPresent()) {
                    int bar = (int) Math.round(40 * s.get().median() / max);
                    line(String.format(Locale.ROOT, "  %12s | %-40s %8.1f ms", count(size), "#".repeat(Math.max(1, bar)), s.get().median()));
                }
            }
        }
        line("```");
        line("");
    }

    private void startup() {
        line("## 5. Start-up");
        line("");
        line("Process start to the first answered `/sparql` query on a loaded store (server already synced once), seconds.");
        line("The first start after the load also loads `ontology/` and `data/` and refreshes the entailments: shown apart.");
        line("");
        line("| triples | start to first answer (s) | first start after load (s) |");
        line("|---:|---:|---:|");
        for (long size : results.sizes()) {
            Optional<Stats> s = results.stats(size, "startup/labourgraph", "s");
            Optional<Stats> first = results.stats(size, "first-start", "s");
            if (s.isPresent() || first.isPresent()) {
                line("| " + count(size) + " | " + s.map(x -> triple(x, "%.2f")).orElse("not measured at this size") + " | "
                        + first.map(x -> triple(x, "%.1f")).orElse("–") + " |");
            }
        }
        line("");
    }

    private void memory() {
        line("## 6. Memory");
        line("");
        line("Peak resident set size (VmHWM of /proc/PID/status) of each server at the end of its measurements, started with -Xmx1g."
                + " RSS counts the pages of TDB2's memory-mapped files the server touched as well as the Java heap, so it can exceed -Xmx.");
        line("");
        line("| triples | labourgraph MiB | Fuseki MiB |");
        line("|---:|---:|---:|");
        for (long size : results.sizes()) {
            Optional<Stats> ours = results.stats(size, "memory/labourgraph", "MiB");
            Optional<Stats> theirs = results.stats(size, "memory/fuseki", "MiB");
            if (ours.isPresent() || theirs.isPresent()) {
                line("| " + count(size) + " | " + ours.map(x -> String.format(Locale.ROOT, "%.0f", x.median())).orElse("–") + " | "
                        + theirs.map(x -> String.format(Locale.ROOT, "%.0f", x.median())).orElse("–") + " |");
            }
        }
        line("");
    }

    private String http(long size, String series) {
        return results.stats(size, series, "req/s").map(this::rate).orElse("–") + " | "
                + results.stats(size, series, "p50 ms").map(s -> triple(s, "%.1f")).orElse("–") + " | "
                + results.stats(size, series, "p99 ms").map(s -> triple(s, "%.1f")).orElse("–");
    }

    private String count(long size) {
        return String.format(Locale.ROOT, "%,d", results.triplesInFile(size).orElse(size));
    }

    private String rate(Stats s) {
        return triple(s, "%,.0f");
    }

    /** "median (min–max)", or the single value when there was one run. */
    static String triple(Stats s, String format) {
        String median = String.format(Locale.ROOT, format, s.median());
        return s.count() == 1 ? median : median + " (" + String.format(Locale.ROOT, format, s.min()) + "–"
                + String.format(Locale.ROOT, format, s.max()) + ")";
    }

    private String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    private static String met(boolean met) {
        return met ? "(met)" : "(**missed**)";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
