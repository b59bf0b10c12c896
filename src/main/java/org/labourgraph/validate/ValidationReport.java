package org.labourgraph.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.labourgraph.validate.Finding.Check;

/** What a validation found: an immutable list of findings, sorted by check, plus what was validated. */
public final class ValidationReport {
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::check)
            .thenComparing(Finding::focus, NULLS_FIRST)
            .thenComparing(Finding::path, NULLS_FIRST)
            .thenComparing(Finding::message);

    private final List<Finding> findings;
    private final int fileCount;
    private final long tripleCount;
    private final List<String> notes;

    /**
     * @param fileCount files parsed (sources and shapes), 0 when validating an in-memory graph
     * @param tripleCount triples in the union that was checked (as written, before entailment)
     * @param notes what did not run and why, e.g. no shapes file
     */
    public ValidationReport(List<Finding> findings, int fileCount, long tripleCount, List<String> notes) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        this.findings = Collections.unmodifiableList(sorted);
        this.fileCount = fileCount;
        this.tripleCount = tripleCount;
        this.notes = List.copyOf(notes);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<Finding> findings(Check check) {
        return findings.stream().filter(f -> f.check() == check).toList();
    }

    public int count(Check check) {
        return (int) findings.stream().filter(f -> f.check() == check).count();
    }

    /** Number of findings per check, only the checks that found something, in check order. */
    public Map<Check, Integer> counts() {
        return findings.stream().collect(Collectors.groupingBy(Finding::check, () -> new EnumMap<>(Check.class),
                Collectors.summingInt(f -> 1)));
    }

    public int fileCount() {
        return fileCount;
    }

    public long tripleCount() {
        return tripleCount;
    }

    public List<String> notes() {
        return notes;
    }

    /** {@code 9 files, 812 triples — clean} or {@code … — 3 findings (SHACL 2, SKOS 1)}. */
    public String summary() {
        String what = (fileCount > 0 ? fileCount + (fileCount == 1 ? " file, " : " files, ") : "")
                + tripleCount + (tripleCount == 1 ? " triple" : " triples");
        if (clean()) {
            return what + " — clean";
        }
        String perCheck = counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return what + " — " + findings.size() + (findings.size() == 1 ? " finding" : " findings") + " (" + perCheck + ")";
    }

    @Override
    public String toString() {
        return summary();
    }
}
