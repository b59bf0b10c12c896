package org.labourgraph.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.ChangeMarker;
import org.labourgraph.store.IndexCensus;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/**
 * The figures of the dataset description, computed from the data (SPARQL over a view of the store that
 * shows only the public asserted graphs — exactly what the dumps hold), never written by hand.
 */
public record DatasetStatistics(
        String version,
        Instant lastChange,
        long triples,
        long quads,
        long distinctSubjects,
        long distinctObjects,
        long properties,
        long entities,
        Map<String, Long> classPartitions,
        Map<String, Long> propertyPartitions,
        List<GraphInfo> graphs,
        Set<String> licences,
        Map<String, String> titles,
        Map<String, String> descriptions,
        List<String> exampleResources,
        String rootResource,
        List<Linkset> linksets) {

    /** The URI space of the entities: every IRI the project mints for a thing. */
    public static final String URI_SPACE = LG.ID_NS;

    private static final Query GRAPH_METADATA = load("void-graph-metadata.rq");
    private static final Query SCHEME = load("void-scheme.rq");
    private static final Query EXAMPLES = load("void-examples.rq");
    private static final Query LINKSETS = load("void-linksets.rq");

    /** The links to one target vocabulary with one property (data/alignments.ttl), counted: a void:Linkset. */
    public record Linkset(String target, String label, String predicate, long triples) {}

    /** One public named graph: its size and what it says of itself. */
    public record GraphInfo(String iri, long triples, String licence, String source) {}

    /** Number of classes used (one partition each). */
    public long classes() {
        return classPartitions.size();
    }

    /** The vocabularies used: namespaces of the classes and properties, sorted. */
    public Set<String> vocabularies() {
        Set<String> out = new TreeSet<>();
        classPartitions.keySet().forEach(c -> out.add(namespaceOf(c)));
        propertyPartitions.keySet().forEach(p -> out.add(namespaceOf(p)));
        out.removeIf(ns -> ns.startsWith(LG.ID_NS) || ns.startsWith(LG.GRAPH_NS));
        return out;
    }

    static String namespaceOf(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut < 0 ? iri : iri.substring(0, cut + 1);
    }

    /**
     * Computes every figure in one read transaction: which graphs are public and what they say of themselves by
     * SPARQL, the counts over them from the store's indexes ({@link IndexCensus}), in seconds at 5·10^6 triples.
     */
    public static DatasetStatistics compute(DatasetGraph dataset) {
        ChangeMarker.Snapshot marker = ChangeMarker.of(dataset).snapshot();
        return Txn.calculateRead(dataset, () -> describe((query, each) -> select(dataset, query, null, null, each),
                new HashSet<>(ExportScope.publicGraphs(dataset)),
                graphs -> IndexCensus.of(dataset, graphs, URI_SPACE)
                        .orElseThrow(() -> new IllegalStateException("The dataset description is counted from TDB2's indexes, and "
                                + dataset.getClass().getName() + " is not a TDB2 dataset: describe a labourgraph store")),
                marker.version(), marker.lastChange()));
    }

    /**
     * The same figures over a store whose indexes and commits this server cannot see (an external SPARQL service),
     * every read through {@code runner}: counted by SPARQL ({@link SparqlCensus}); the version and the last change are
     * the moment of counting, {@code countedAt}.
     */
    public static DatasetStatistics compute(QueryRunner runner, Instant countedAt) {
        IndexCensus census = SparqlCensus.count(runner, URI_SPACE);
        Set<String> publicGraphs = new HashSet<>();
        census.triplesByGraph().keySet().forEach(g -> publicGraphs.add(g.getURI()));
        return describe((query, each) -> runner.select(query, SparqlCensus.values()).forEach(each), publicGraphs, graphs -> census,
                "counted-" + countedAt.toEpochMilli(), countedAt);
    }

    /** How the description's queries are run: each row of {@code query}, ?entailments bound. */
    private interface Reads {
        void select(Query query, Consumer<Binding> each);
    }

    private static DatasetStatistics describe(Reads reads, Set<String> publicGraphs, Function<Set<Node>, IndexCensus> counts,
                                              String version, Instant lastChange) {
        // Per public graph, in IRI order: every licence it states (the first is its own), then its first source.
        Map<Node, List<String>> licencesOf = new LinkedHashMap<>();
        Map<Node, String> sourceOf = new LinkedHashMap<>();
        new TreeSet<>(publicGraphs).forEach(g -> licencesOf.put(NodeFactory.createURI(g), new ArrayList<>()));
        reads.select(GRAPH_METADATA, row -> {
            if (!publicGraphs.contains(row.get("g").getURI())) {
                return;
            }
            List<String> stated = licencesOf.computeIfAbsent(row.get("g"), g -> new ArrayList<>());
            Node licence = row.get("licence");
            if (licence != null && !stated.contains(licence.getURI())) {
                stated.add(licence.getURI());
            }
            Node source = row.get("source");
            if (source != null) {
                sourceOf.putIfAbsent(row.get("g"), source.getURI());
            }
        });
        IndexCensus census = counts.apply(licencesOf.keySet());

        List<GraphInfo> graphs = new ArrayList<>();
        Set<String> licences = new TreeSet<>();
        licencesOf.forEach((g, stated) -> {
            long triples = census.triplesByGraph().getOrDefault(g, 0L);
            if (triples > 0) {
                graphs.add(new GraphInfo(g.getURI(), triples, stated.isEmpty() ? null : stated.get(0), sourceOf.get(g)));
                licences.addAll(stated);
            }
        });
        long quads = graphs.stream().mapToLong(GraphInfo::triples).sum();
        Map<String, Long> classes = byIri(census.subjectsByClass());
        Map<String, Long> properties = byIri(census.triplesByProperty());

        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        String[] scheme = {null};
        reads.select(SCHEME, row -> {
            if (scheme[0] == null) {
                scheme[0] = row.get("scheme").getURI();
            }
            if (row.get("scheme").getURI().equals(scheme[0])) {
                putLiteral(titles, row.get("title"));
                putLiteral(descriptions, row.get("description"));
            }
        });
        Set<String> examples = new LinkedHashSet<>();
        reads.select(EXAMPLES, row -> examples.add(row.get("example").getLiteralLexicalForm()));

        Map<List<String>, Long> links = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(2)));
        reads.select(LINKSETS, row -> {
            if (publicGraphs.contains(row.get("g").getURI()) && row.get("vocabulary").isURI()) {
                Node label = row.get("label");
                links.merge(List.of(row.get("vocabulary").getURI(), label == null ? "" : label.getLiteralLexicalForm(),
                        row.get("p").getURI()), ((Number) row.get("n").getLiteralValue()).longValue(), Long::sum);
            }
        });
        List<Linkset> linksets = new ArrayList<>();
        links.forEach((k, n) -> linksets.add(new Linkset(k.get(0), k.get(1), k.get(2), n)));

        return new DatasetStatistics(version, lastChange, census.triples(), quads, census.distinctSubjects(),
                census.distinctObjects(), properties.size(), census.subjectsInUriSpace(), classes, properties, graphs, licences,
                titles, descriptions, new ArrayList<>(examples), scheme[0], linksets);
    }

    /** Sorted by IRI, as the description lists them. */
    private static Map<String, Long> byIri(Map<Node, Long> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((node, n) -> out.put(node.getURI(), n));
        return out;
    }

    private static void putLiteral(Map<String, String> byLang, Node literal) {
        if (literal != null && literal.isLiteral()) {
            byLang.putIfAbsent(literal.getLiteralLanguage(), literal.getLiteralLexicalForm());
        }
    }

    /**
     * Runs a query with ?entailments bound to the entailment graph (which the queries leave out) and, if given,
     * one more variable bound to a value.
     */
    static void select(DatasetGraph dataset, Query query, Var var, Node value, Consumer<Binding> each) {
        var values = BindingFactory.builder().add(Var.alloc("entailments"), NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH));
        if (var != null) {
            values.add(var, value);
        }
        var builder = QueryExec.newBuilder().dataset(dataset).query(query).substitution(values.build());
        try (QueryExec exec = builder.build()) {
            exec.select().forEachRemaining(each);
        }
    }

    static Query load(String resourceName) {
        try (InputStream in = DatasetStatistics.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SPARQL resource " + resourceName + " is missing from the classpath");
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
