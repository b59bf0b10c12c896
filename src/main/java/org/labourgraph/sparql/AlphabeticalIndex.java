package org.labourgraph.sparql;

import java.text.CollationKey;
import java.time.Duration;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.labourgraph.model.IndexEntry;
import org.labourgraph.model.IndexPage;
import org.labourgraph.model.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A–Z index of the concepts, one language at a time, read in one query and kept until the data changes: every
 * letter and page after the first costs no query. Finding one letter's labels in the store reads every label (no
 * index orders literals by their text), so reading them all once is the cheapest way to serve any letter; at 10^6
 * triples one letter cost 0.7–3.9 s a request, which made the index unusable under load.
 *
 * <p>Kept per language with the version it was read at (the store's change marker); a request with another
 * version reads it again. Requests without a version (a store whose commits cannot be watched) read it every time.
 * Two requests that find it stale wait for one read rather than each reading.
 */
public final class AlphabeticalIndex {
    private static final Logger LOG = LoggerFactory.getLogger(AlphabeticalIndex.class);
    /** Reading every label takes seconds at 10^6 triples and more: longer than a page's query may, once per change. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    static final Query ALL_LABELS = QueryLibrary.load("index-all.rq");

    private record Keyed(CollationKey key, IndexEntry entry) {}

    private record Letters(String version, Map<String, Letter> byLetter) {}

    /** One letter's entries, sorted the first time the letter is shown (most readers open a few letters). */
    private static final class Letter {
        private final String lang;
        private List<IndexEntry> entries;
        private boolean sorted;

        Letter(String lang, List<IndexEntry> entries) {
            this.lang = lang;
            this.entries = entries;
        }

        synchronized List<IndexEntry> sorted() {
            if (!sorted) {
                Collator collator = Collator.getInstance(Locale.forLanguageTag(lang));
                collator.setStrength(Collator.PRIMARY);
                // Collation keys computed once per entry: comparing them is a byte compare, where the collator itself
                // would redo the folding in each of the n log n comparisons.
                Comparator<Keyed> order = Comparator.comparing(Keyed::key).thenComparing(k -> k.entry().label())
                        .thenComparing(k -> k.entry().iri());
                List<Keyed> keyed = new ArrayList<>(entries.size());
                entries.forEach(e -> keyed.add(new Keyed(collator.getCollationKey(e.label()), e)));
                keyed.sort(order);
                entries = keyed.stream().map(Keyed::entry).toList();
                sorted = true;
            }
            return entries;
        }
    }

    private final Map<String, Letters> byLanguage = new ConcurrentHashMap<>();
    private final Map<String, Object> readLocks = new ConcurrentHashMap<>();

    /**
     * One page of one letter in language {@code lang}: preferred and alternative labels whose first letter (accents
     * folded: "é" files under E) is {@code letter}, sorted for that language, {@code pageSize} a page.
     *
     * @param version the store's version now, or null when it cannot be known (then nothing is kept)
     */
    public IndexPage page(QueryRunner runner, String version, String lang, String letter, int page, int pageSize) {
        if (!IndexLetters.ALL.contains(letter)) {
            throw new IllegalArgumentException("No index letter '" + letter + "': use one of " + IndexLetters.ALL);
        }
        Letter entries = letters(runner, version, lang).byLetter().get(letter);
        List<IndexEntry> sorted = entries == null ? List.of() : entries.sorted();
        int pages = Math.max(1, (sorted.size() + pageSize - 1) / pageSize);
        int shown = Math.min(Math.max(page, 1), pages);
        List<IndexEntry> slice = sorted.subList((shown - 1) * pageSize, Math.min(shown * pageSize, sorted.size()));
        return new IndexPage(letter, slice, shown, pages, sorted.size());
    }

    private Letters letters(QueryRunner runner, String version, String lang) {
        if (version == null) {
            return read(runner, null, lang);
        }
        Letters kept = byLanguage.get(lang);
        if (kept != null && kept.version().equals(version)) {
            return kept;
        }
        synchronized (readLocks.computeIfAbsent(lang, l -> new Object())) {
            kept = byLanguage.get(lang);
            if (kept != null && kept.version().equals(version)) {
                return kept; // read by the request we waited for
            }
            Letters fresh = read(runner, version, lang);
            byLanguage.put(lang, fresh);
            return fresh;
        }
    }

    private static Letters read(QueryRunner runner, String version, String lang) {
        long start = System.nanoTime();
        List<Binding> rows = runner.select(ALL_LABELS, Map.of("lang", NodeFactory.createLiteralString(lang)), READ_TIMEOUT);
        long queried = System.nanoTime();
        // The same IRI and label strings are shared by every entry that uses them: the index of a large thesaurus
        // holds each string once.
        Map<String, String> strings = new HashMap<>();
        Map<String, List<Node>> prefs = new HashMap<>();
        for (Binding r : rows) {
            String iri = strings.computeIfAbsent(r.get("concept").getURI(), s -> s);
            Node pref = LiteralValues.isTrue(r.get("isAlt")) ? r.get("pref") : r.get("label");
            if (pref != null) {
                List<Node> ps = prefs.computeIfAbsent(iri, k -> new ArrayList<>(2));
                if (!ps.contains(pref)) {
                    ps.add(pref);
                }
            }
        }
        Map<String, Map<String, IndexEntry>> entries = new LinkedHashMap<>();
        for (Binding r : rows) {
            Node label = r.get("label");
            String text = strings.computeIfAbsent(label.getLiteralLexicalForm(), s -> s);
            String iri = strings.get(r.get("concept").getURI());
            boolean alt = LiteralValues.isTrue(r.get("isAlt"));
            String pref = Labels.best(prefs.getOrDefault(iri, List.of()), lang).map(Text::value)
                    .map(p -> strings.computeIfAbsent(p, s -> s)).orElse("");
            entries.computeIfAbsent(IndexLetters.of(text), l -> new LinkedHashMap<>())
                    .putIfAbsent(iri + "|" + text + "|" + alt, new IndexEntry(iri, text, alt, pref));
        }
        Map<String, Letter> byLetter = new HashMap<>();
        entries.forEach((letter, es) -> byLetter.put(letter, new Letter(lang, List.copyOf(es.values()))));
        LOG.debug("A-Z index ({}): {} rows read in {} ms, filed in {} ms", lang, rows.size(),
                (queried - start) / 1_000_000, (System.nanoTime() - queried) / 1_000_000);
        return new Letters(Objects.requireNonNullElse(version, ""), byLetter);
    }
}
