package org.labourgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.vocab.Prefixes;

/**
 * The links to other vocabularies as an SSSOM mapping set (TSV with its YAML metadata block, SSSOM 1.0):
 * one row per link that has a mapping record in the public graphs (data/alignments.ttl), its identifiers as
 * CURIEs declared in the {@code curie_map}. The same records are in the RDF dumps as the owl:Axioms they are.
 */
public final class MappingSet {
    /** The file name of the mapping set under /dumps/. */
    public static final String FILE_NAME = "labourgraph-mappings.sssom.tsv";
    public static final String MEDIA_TYPE = "text/tab-separated-values";

    static final List<String> COLUMNS = List.of("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
            "mapping_justification", "author_label", "mapping_date", "see_also");
    private static final Query MAPPINGS = DatasetStatistics.load("mappings.rq");
    private static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    /** Namespaces of the targets, besides the project's own (ProjectNamespaces). */
    private static final Map<String, String> KNOWN = Map.of("wd", "http://www.wikidata.org/entity/",
            "dbr", "http://dbpedia.org/resource/", "isbn", "urn:isbn:", "semapv", "https://w3id.org/semapv/vocab/",
            "orcid", "https://orcid.org/", "viaf", "http://viaf.org/viaf/");

    private MappingSet() {}

    /** What was written: the number of mappings. */
    public record Summary(int mappings) {}

    /** Writes the mapping set of the dataset's public graphs, in one read transaction; {@code base} names it. */
    public static Summary write(DatasetGraph dataset, String base, OutputStream out) throws IOException {
        List<Map<String, String>> rows = Txn.calculateRead(dataset, () -> rows(new HashSet<>(ExportScope.publicGraphs(dataset)),
                each -> DatasetStatistics.select(dataset, MAPPINGS, null, null, each)));
        return write(rows, base, out);
    }

    /**
     * As above, read through {@code runner} (an external store): the mappings of the graphs {@code publicGraphs}
     * names. Every row is read before the first byte is written, so a store that fails leaves nothing written.
     */
    public static Summary write(QueryRunner runner, List<String> publicGraphs, String base, OutputStream out) throws IOException {
        List<Map<String, String>> rows = rows(new HashSet<>(publicGraphs),
                each -> runner.select(MAPPINGS, SparqlCensus.values()).forEach(each));
        return write(rows, base, out);
    }

    private static Summary write(List<Map<String, String>> rows, String base, OutputStream out) throws IOException {
        return writeTable(COLUMNS, rows, Map.of("mapping_set_id", base + "dumps/" + FILE_NAME,
                "mapping_set_title", "labourgraph: links to other vocabularies, with their evidence",
                "mapping_set_description", "Every link of a labourgraph resource to the same or a matching thing in another"
                        + " vocabulary, each curated by hand on the evidence of the public page in see_also.",
                "license", LICENCE), out);
    }

    /**
     * Writes rows (column → value, full IRIs in the *_id and mapping_justification columns) as SSSOM TSV: the
     * IRIs become CURIEs declared in the curie_map, then the metadata (mapping_set_id, title …) and the table.
     */
    public static Summary writeTable(List<String> columns, List<Map<String, String>> rows, Map<String, String> metadata,
                                     OutputStream out) throws IOException {
        Curies curies = new Curies();
        List<List<String>> table = new ArrayList<>();
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                String v = r.getOrDefault(column, "");
                cells.add(!v.isEmpty() && (column.endsWith("_id") || column.equals("mapping_justification")) ? curies.of(v) : v);
            }
            table.add(cells);
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("#curie_map:\n");
        for (Map.Entry<String, String> e : curies.used().entrySet()) {
            w.write("#  " + e.getKey() + ": " + yaml(e.getValue()) + "\n");
        }
        for (String key : List.of("mapping_set_id", "mapping_set_title", "mapping_set_description", "license", "mapping_tool")) {
            if (metadata.containsKey(key)) {
                w.write("#" + key + ": " + yaml(metadata.get(key)) + "\n");
            }
        }
        w.write(String.join("\t", columns) + "\n");
        for (List<String> cells : table) {
            w.write(String.join("\t", cells.stream().map(MappingSet::cell).toList()) + "\n");
        }
        w.flush();
        return new Summary(table.size());
    }

    /** One map per mapping (subject, predicate, object), with its evidence pages joined by '|'. */
    private static List<Map<String, String>> rows(Set<String> publicGraphs, Consumer<Consumer<Binding>> select) {
        Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
        select.accept(b -> {
            if (!publicGraphs.contains(b.get("g").getURI())) {
                return;
            }
            Node o = b.get("o");
            String object = o.isLiteral() ? "urn:isbn:" + o.getLiteralLexicalForm().replaceAll("[- ]", "") : o.getURI();
            String key = b.get("s").getURI() + " " + b.get("p").getURI() + " " + object;
            Map<String, String> row = byKey.computeIfAbsent(key, k -> new LinkedHashMap<>());
            row.put("subject_id", b.get("s").getURI());
            row.put("predicate_id", b.get("p").getURI());
            row.put("object_id", object);
            row.put("mapping_justification", b.get("justification").getURI());
            putText(row, "subject_label", b.get("sLabel"));
            putText(row, "object_label", b.get("oLabel"));
            putText(row, "author_label", b.get("author"));
            putText(row, "mapping_date", b.get("date"));
            Node evidence = b.get("evidence");
            if (evidence != null && evidence.isURI()) {
                String seen = row.getOrDefault("see_also", "");
                if (!List.of(seen.split("\\|")).contains(evidence.getURI())) {
                    row.put("see_also", seen.isEmpty() ? evidence.getURI() : seen + "|" + evidence.getURI());
                }
            }
        });
        return new ArrayList<>(byKey.values());
    }

    private static void putText(Map<String, String> row, String column, Node value) {
        if (value != null && value.isLiteral()) {
            row.putIfAbsent(column, value.getLiteralLexicalForm());
        }
    }

    /** A TSV cell: tabs and line breaks would end it, so they become spaces. */
    private static String cell(String v) {
        return v.replaceAll("[\\t\\r\\n]+", " ");
    }

    /** A YAML scalar, single-quoted (a quote inside is doubled). */
    private static String yaml(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    /**
     * IRIs as CURIEs: the project's prefixes and the known target namespaces first; any other namespace (the
     * IRI up to its last '/' or '#') gets a prefix made of its host name, numbered if taken.
     */
    static final class Curies {
        private final Map<String, String> byNamespace = new LinkedHashMap<>();
        private final Map<String, String> used = new TreeMap<>();

        Curies() {
            Prefixes.ALL.forEach((p, ns) -> byNamespace.put(ns, p));
            KNOWN.forEach((p, ns) -> byNamespace.put(ns, p));
        }

        String of(String iri) {
            String best = null;
            for (String ns : byNamespace.keySet()) {
                if (iri.startsWith(ns) && (best == null || ns.length() > best.length())) {
                    best = ns;
                }
            }
            if (best == null) {
                int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
                best = iri.substring(0, cut + 1);
                byNamespace.put(best, fresh(best));
            }
            String prefix = byNamespace.get(best);
            used.put(prefix, best);
            return prefix + ":" + iri.substring(best.length());
        }

        private String fresh(String namespace) {
            String host = namespace.replaceFirst("^[a-z]+://(www\\.)?", "").replaceFirst("/.*", "");
            int dot = host.lastIndexOf('.');
            String stem = (dot < 0 ? host : host.substring(0, dot)).replaceAll("[^A-Za-z0-9]", "").toLowerCase();
            String prefix = stem.isEmpty() || !Character.isLetter(stem.charAt(0)) ? "ns" + stem : stem;
            String candidate = prefix;
            for (int i = 2; byNamespace.containsValue(candidate); i++) {
                candidate = prefix + i;
            }
            return candidate;
        }

        Map<String, String> used() {
            return used;
        }
    }
}
