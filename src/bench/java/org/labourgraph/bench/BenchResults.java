package org.labourgraph.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every figure of a benchmark run, keyed by graph size (target triples), series (what ran, e.g.
 * {@code sparql/lookup/fuseki}) and metric (e.g. {@code req/s}); each holds the values of the repeated runs.
 */
public final class BenchResults {
    /** Key of one figure. */
    public record Key(long size, String series, String metric) {}

    private final Map<Key, List<Double>> values = new LinkedHashMap<>();
    private final Map<Long, Long> actualTriples = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(long size, String series, String metric, double value) {
        values.computeIfAbsent(new Key(size, series, metric), k -> new ArrayList<>()).add(value);
    }

    public synchronized Optional<Stats> stats(long size, String series, String metric) {
        List<Double> v = values.get(new Key(size, series, metric));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(Stats.of(v));
    }

    /** The ratio of two series' medians on one metric, when both were measured. */
    public Optional<Double> ratio(long size, String series, String baseline, String metric) {
        Optional<Stats> a = stats(size, series, metric);
        Optional<Stats> b = stats(size, baseline, metric);
        return a.isPresent() && b.isPresent() ? Optional.of(Stats.ratio(a.get(), b.get())) : Optional.empty();
    }

    public synchronized void triplesInFile(long size, long triples) {
        actualTriples.put(size, triples);
    }

    public synchronized Optional<Long> triplesInFile(long size) {
        return Optional.ofNullable(actualTriples.get(size));
    }

    public synchronized TreeSet<Long> sizes() {
        TreeSet<Long> sizes = new TreeSet<>(actualTriples.keySet());
        values.keySet().forEach(k -> sizes.add(k.size()));
        return sizes;
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
