package org.labourgraph.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.IndexCensus;
import org.labourgraph.store.LabourStore;

/**
 * The dataset description's counts by SPARQL, for a store whose indexes this server cannot read (an external SPARQL
 * service): the same figures as {@link IndexCensus} (a triple stated by several public graphs counted once), by the
 * queries that define them. The store pays for the DISTINCT over every triple; the result is kept for a while.
 */
final class SparqlCensus {
    private static final Query COUNTS = DatasetStatistics.load("void-counts.rq");
    private static final Query ENTITIES = DatasetStatistics.load("void-entities.rq");
    private static final Query CLASSES = DatasetStatistics.load("void-class-partitions.rq");
    private static final Query PROPERTIES = DatasetStatistics.load("void-property-partitions.rq");
    private static final Query GRAPHS = DatasetStatistics.load("void-graphs.rq");

    private SparqlCensus() {}

    /** Five queries through {@code runner}: totals, entities under {@code uriSpace}, classes, properties, graphs. */
    static IndexCensus count(QueryRunner runner, String uriSpace) {
        Binding totals = runner.select(COUNTS, values()).get(0);
        Map<String, Node> entityValues = new HashMap<>(values());
        entityValues.put("uriSpace", NodeFactory.createLiteralString(uriSpace));
        Binding entities = runner.select(ENTITIES, entityValues).get(0);
        return new IndexCensus(number(totals, "triples"), number(totals, "distinctSubjects"), number(totals, "distinctObjects"),
                number(entities, "entities"), byKey(runner.select(GRAPHS, values()), "g", "triples"),
                byKey(runner.select(PROPERTIES, values()), "property", "triples"),
                byKey(runner.select(CLASSES, values()), "class", "entities"));
    }

    /** ?entailments: the graph the counts leave out. */
    static Map<String, Node> values() {
        return Map.of("entailments", NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH));
    }

    /** One count per key (a graph's size repeats on each of its licence and source rows). */
    private static Map<Node, Long> byKey(List<Binding> rows, String key, String count) {
        Map<Node, Long> out = new HashMap<>();
        rows.forEach(row -> out.putIfAbsent(row.get(key), number(row, count)));
        return out;
    }

    private static long number(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }
}
