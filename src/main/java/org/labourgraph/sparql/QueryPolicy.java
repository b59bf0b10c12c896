package org.labourgraph.sparql;

import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
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
}
