package org.labourgraph.sparql;

import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;

/** Checks a client's query before it runs, so refusals are a clear 400 rather than a failure mid-execution. */
public final class QueryPolicy {
    private QueryPolicy() {}

    public static final String SERVICE_REFUSED = "SPARQL SERVICE (federated query) is disabled on this endpoint:"
            + " the server makes no outbound requests for clients. Run the federated part on your side.";

    /** Empty when the query may run; otherwise the reason it may not. */
    public static Optional<String> refusal(Query query) {
        Op op = Algebra.compile(query);
        boolean[] service = {false};
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                service[0] = true;
            }
        });
        return service[0] ? Optional.of(SERVICE_REFUSED) : Optional.empty();
    }
}
