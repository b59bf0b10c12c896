package org.labourgraph.sparql;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.labourgraph.validate.LabelLookup;

/**
 * The resources that may carry some labels, asked of an external store over its public data: one query that compares
 * every label of the store with the given ones, lowercased ({@code label-twins-in-graphs.rq} graph by graph, or
 * {@code label-twins-scan.rq} where the store's default graph is the data). Exact where the store lowers
 * case as Jena does; it costs a read of every label (1.5 s at 10^6 triples on a TDB2 Fuseki on this project's 2-core machine), so the caller
 * asks only about the labels a change may bring into conflict.
 */
public final class RemoteLabelLookup implements LabelLookup {
    private static final Query TWINS = QueryLibrary.load("label-twins-scan.rq", Syntax.syntaxSPARQL_11);
    private static final Query TWINS_IN_GRAPHS = QueryLibrary.load("label-twins-in-graphs.rq", Syntax.syntaxSPARQL_11);
    private static final Var FOLDED = Var.alloc("folded");
    private static final Var GRAPH = Var.alloc("g");
    private static final Var RESOURCE = Var.alloc("resource");

    private final RemoteSparqlService remote;
    private long queries;

    public RemoteLabelLookup(RemoteSparqlService remote) {
        this.remote = remote;
    }

    @Override
    public Optional<Set<Node>> resourcesPossiblyLabelled(Collection<String> labels) {
        if (labels.isEmpty()) {
            return Optional.of(Set.of());
        }
        List<Node> folded = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct()
                .map(l -> (Node) NodeFactory.createLiteralString(l)).toList();
        Set<Node> resources = new HashSet<>();
        List<Node> graphs = remote.namedDataGraphs().stream().map(g -> (Node) NodeFactory.createURI(g)).toList();
        // Graph by graph where the data is in named graphs; else the store's default graph, as the data's dataset.
        QueryExecHTTPBuilder query = graphs.isEmpty()
                ? remote.queryExec(QueryLibrary.withValues(TWINS, FOLDED, folded))
                : remote.storedExec(QueryLibrary.withValues(QueryLibrary.withValues(TWINS_IN_GRAPHS, GRAPH, graphs), FOLDED, folded));
        try (QueryExecHTTP exec = query.build()) {
            queries++;
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                Node r = row.get(RESOURCE);
                if (r != null) {
                    resources.add(r);
                }
            });
        }
        return Optional.of(resources);
    }

    /** How many queries this lookup has sent. */
    public long queries() {
        return queries;
    }
}
