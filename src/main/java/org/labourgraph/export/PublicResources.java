package org.labourgraph.export;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.labourgraph.sparql.QueryRunner;

/** The IRIs the public graphs describe under a namespace, in IRI order: what a sitemap lists. */
public final class PublicResources {
    private static final Query RESOURCES = DatasetStatistics.load("public-resources.rq");

    private PublicResources() {}

    /** Feeds each described IRI under {@code namespace} to {@code each}, streaming, in one read transaction. */
    public static void forEach(DatasetGraph dataset, String namespace, Consumer<String> each) {
        Txn.executeRead(dataset, () -> DatasetStatistics.select(dataset, RESOURCES, Var.alloc("namespace"),
                NodeFactory.createLiteralString(namespace), row -> each.accept(row.get("resource").getURI())));
    }

    /** As above, read through {@code runner} (the embedded store or an external SPARQL service): one query. */
    public static void forEach(QueryRunner runner, String namespace, Consumer<String> each) {
        Map<String, Node> values = new HashMap<>(SparqlCensus.values());
        values.put("namespace", NodeFactory.createLiteralString(namespace));
        runner.select(RESOURCES, values).forEach(row -> each.accept(row.get("resource").getURI()));
    }
}
