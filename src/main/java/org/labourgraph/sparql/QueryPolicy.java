package org.labourgraph.sparql;

import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.labourgraph.vocab.LG;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/** Checks a client's query before it runs, so refusals are a clear 400 rather than a failure mid-execution. */
public final class QueryPolicy {
    private QueryPolicy() {}

    public static final String SERVICE_REFUSED = "SPARQL SERVICE (federated query) is disabled on this endpoint:"
            + " the server makes no outbound requests for clients. Run the federated part on your side.";

    /** Empty when the query may run; otherwise the reason it may not. */
    public static Optional<String> refusal(Query query) {
        return hasService(Algebra.compile(query)) ? Optional.of(SERVICE_REFUSED) : Optional.empty();
    }

    private static boolean hasService(Op op) {
        boolean[] service = {false};
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                service[0] = true;
            }
        });
        return service[0];
    }

    /**
     * Empty when the update may run; otherwise the reason it may not: LOAD (reads a URL chosen by the client)
     * and SERVICE in a WHERE clause are refused. Used where updates are forwarded to an external service,
     * which this server's own engine safeguards ({@link SparqlSafety}) do not cover.
     */
    public static Optional<String> refusal(UpdateRequest request) {
        for (Update update : request.getOperations()) {
            if (update instanceof UpdateLoad) {
                return Optional.of(SparqlSafety.LOAD_REFUSED);
            }
            if (update instanceof UpdateModify modify && modify.getWherePattern() != null
                    && hasService(Algebra.compile(modify.getWherePattern()))) {
                return Optional.of(SERVICE_REFUSED);
            }
        }
        return Optional.empty();
    }

    /** Where the data is: one named graph per source file. */
    static final String GRAPHS = "The data lives in named graphs, one per source file: <" + LG.GRAPH_NS + "concepts>, <"
            + LG.GRAPH_NS + "works>, ... (<" + LG.GRAPH_NS + "FILE NAME>; SELECT DISTINCT ?g { GRAPH ?g { } } lists them).";

    /** Why an update that writes the default graph is refused. */
    public static final String DEFAULT_GRAPH_REFUSED = "This update writes to the default graph, which this server does not"
            + " keep: the default graph of /sparql is the union of the named graphs, so what is written there would be seen"
            + " nowhere. Name the graph: INSERT DATA { GRAPH <" + LG.GRAPH_NS + "concepts> { ... } }, or WITH <"
            + LG.GRAPH_NS + "concepts> DELETE { ... } INSERT { ... } WHERE { ... } (the WHERE reads the union). " + GRAPHS
            + " Nothing was written.";

    /** The same rule for the Graph Store Protocol. */
    public static final String DEFAULT_GRAPH_GSP_REFUSED = "Graph Store Protocol writes need ?graph=IRI: the default graph"
            + " is the union of the named graphs here, so ?default (or no graph at all) names nothing that can be written. "
            + GRAPHS + " Nothing was written.";

    /**
     * Empty when no operation of the update writes the default graph; otherwise {@link #DEFAULT_GRAPH_REFUSED}. Read-only
     * parts (a WHERE clause, the source of ADD/COPY) may name it: they read the union.
     */
    public static Optional<String> defaultGraphWrite(UpdateRequest request) {
        for (Update update : request.getOperations()) {
            if (writesDefaultGraph(update)) {
                return Optional.of(DEFAULT_GRAPH_REFUSED);
            }
        }
        return Optional.empty();
    }

    private static boolean writesDefaultGraph(Update update) {
        if (update instanceof UpdateData data) {
            return data.getQuads().stream().anyMatch(Quad::isDefaultGraph);
        }
        if (update instanceof UpdateDeleteWhere deleteWhere) {
            return deleteWhere.getQuads().stream().anyMatch(Quad::isDefaultGraph);
        }
        if (update instanceof UpdateModify modify) {
            return modify.getWithIRI() == null && (modify.getInsertQuads().stream().anyMatch(Quad::isDefaultGraph)
                    || modify.getDeleteQuads().stream().anyMatch(Quad::isDefaultGraph));
        }
        if (update instanceof UpdateDropClear dropClear) {
            return dropClear.isDefault();
        }
        if (update instanceof UpdateBinaryOp binary) {
            return binary.getDest().isDefault();
        }
        return false;
    }
}
