package org.labourgraph.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
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
import org.labourgraph.store.ChangeMarker;
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
        String rootResource) {

    /** The URI space of the entities: every IRI the project mints for a thing. */
    public static final String URI_SPACE = LG.ID_NS;

    private static final Query COUNTS = load("void-counts.rq");
    private static final Query ENTITIES = load("void-entities.rq");
    private static final Query CLASSES = load("void-class-partitions.rq");
    private static final Query PROPERTIES = load("void-property-partitions.rq");
    private static final Query GRAPHS = load("void-graphs.rq");
    private static final Query SCHEME = load("void-scheme.rq");
    private static final Query EXAMPLES = load("void-examples.rq");

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

    /** Computes every figure in one read transaction. */
    public static DatasetStatistics compute(DatasetGraph dataset) {
        ChangeMarker.Snapshot marker = ChangeMarker.of(dataset).snapshot();
        return Txn.calculateRead(dataset, () -> {
            DatasetGraph view = dataset;

            long[] counts = new long[5];
            select(view, COUNTS, null, null, row -> {
                counts[0] = number(row, "triples");
                counts[1] = number(row, "distinctSubjects");
                counts[2] = number(row, "properties");
                counts[3] = number(row, "distinctObjects");
            });
            select(view, ENTITIES, Var.alloc("uriSpace"), NodeFactory.createLiteralString(URI_SPACE),
                    row -> counts[4] = number(row, "entities"));

            Map<String, Long> classes = new LinkedHashMap<>();
            select(view, CLASSES, null, null, row -> classes.put(row.get("class").getURI(), number(row, "entities")));
            Map<String, Long> properties = new LinkedHashMap<>();
            select(view, PROPERTIES, null, null, row -> properties.put(row.get("property").getURI(), number(row, "triples")));

            Map<String, GraphInfo> graphs = new LinkedHashMap<>();
            Set<String> licences = new TreeSet<>();
            select(view, GRAPHS, null, null, row -> {
                String g = row.get("g").getURI();
                Node licence = row.get("licence");
                Node source = row.get("source");
                if (licence != null) {
                    licences.add(licence.getURI());
                }
                graphs.putIfAbsent(g, new GraphInfo(g, number(row, "triples"),
                        licence == null ? null : licence.getURI(), source == null ? null : source.getURI()));
            });
            long quads = graphs.values().stream().mapToLong(GraphInfo::triples).sum();

            Map<String, String> titles = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            String[] scheme = {null};
            select(view, SCHEME, null, null, row -> {
                if (scheme[0] == null) {
                    scheme[0] = row.get("scheme").getURI();
                }
                if (row.get("scheme").getURI().equals(scheme[0])) {
                    putLiteral(titles, row.get("title"));
                    putLiteral(descriptions, row.get("description"));
                }
            });
            Set<String> examples = new LinkedHashSet<>();
            select(view, EXAMPLES, null, null, row -> examples.add(row.get("example").getLiteralLexicalForm()));

            return new DatasetStatistics(marker.version(), marker.lastChange(), counts[0], quads, counts[1], counts[3],
                    counts[2], counts[4], classes, properties, new ArrayList<>(graphs.values()), licences, titles,
                    descriptions, new ArrayList<>(examples), scheme[0]);
        });
    }

    private static void putLiteral(Map<String, String> byLang, Node literal) {
        if (literal != null && literal.isLiteral()) {
            byLang.putIfAbsent(literal.getLiteralLanguage(), literal.getLiteralLexicalForm());
        }
    }

    private static long number(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
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
