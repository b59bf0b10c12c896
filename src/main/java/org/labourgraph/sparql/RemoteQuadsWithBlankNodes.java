package org.labourgraph.sparql;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;

/**
 * The quads of an external store's data graphs (and one more graph) that match one pattern, as {@link RemoteQuads}
 * finds them, with the statements of the blank nodes among them brought in the same answer
 * ({@code quads-matching-with-blank-nodes.rq}): a store's blank nodes cannot be named in a later query, so a lookup
 * about a blank node (the next step of a query that met one, such as a mapping record's label) is answered from what
 * came with it. The statements of a resource are read once, whatever is asked of it first. Answers are kept for the
 * life of this object: one request's reading of the store.
 */
public final class RemoteQuadsWithBlankNodes {
    private static final Query MATCHING = QueryLibrary.load("quads-matching-with-blank-nodes.rq", Syntax.syntaxSPARQL_11);
    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final RemoteSparqlService remote;
    private final List<String> graphs;
    private final Map<Quad, List<Quad>> answered = new HashMap<>();
    /** Every quad about a blank node met so far (as subject or object), with the blank node's own statements. */
    private final Set<Quad> aboutBlankNodes = new LinkedHashSet<>();

    /** Over the store's named data graphs and {@code alsoGraph}. */
    public RemoteQuadsWithBlankNodes(RemoteSparqlService remote, String alsoGraph) {
        this.remote = remote;
        Set<String> all = new LinkedHashSet<>(remote.namedDataGraphs());
        all.add(alsoGraph);
        this.graphs = List.copyOf(all);
    }

    /** The quads matching {@code pattern} ({@link Node#ANY} for a free term; the graph ANY for every graph above). */
    public List<Quad> find(Quad pattern) {
        if (pattern.getGraph().isBlank() || pattern.getSubject().isBlank() || pattern.getPredicate().isBlank()
                || pattern.getObject().isBlank()) {
            return aboutBlankNodes.stream().filter(q -> matches(pattern, q)).toList();
        }
        if (pattern.getSubject().isLiteral() || pattern.getPredicate().isLiteral() || pattern.getGraph().isLiteral()) {
            return List.of(); // a page's next step from a literal value: nothing to ask
        }
        if (pattern.getSubject().isURI()) {
            // A page asks several things of one resource (its labels, date, names…): its statements are read once.
            return lookup(Quad.create(Node.ANY, pattern.getSubject(), Node.ANY, Node.ANY)).stream()
                    .filter(q -> matches(pattern, q)).toList();
        }
        return lookup(pattern);
    }

    private List<Quad> lookup(Quad pattern) {
        List<Quad> known = answered.get(pattern);
        if (known != null) {
            return known;
        }
        QueryExecHTTPBuilder exec = remote.storedExec(MATCHING);
        graphs.forEach(exec::addNamedGraphURI);
        exec.timeout(remote.timeout().toMillis(), TimeUnit.MILLISECONDS);
        bind(exec, G, pattern.getGraph());
        bind(exec, S, pattern.getSubject());
        bind(exec, P, pattern.getPredicate());
        bind(exec, O, pattern.getObject());
        Set<Quad> out = new LinkedHashSet<>();
        try (QueryExecHTTP run = exec.build()) {
            RowSet rows = run.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                Quad q = Quad.create(term(row, G, pattern.getGraph()), term(row, S, pattern.getSubject()),
                        term(row, P, pattern.getPredicate()), term(row, O, pattern.getObject()));
                out.add(q);
                if (q.getSubject().isBlank() || q.getObject().isBlank()) {
                    aboutBlankNodes.add(q);
                }
                Node blank = row.get(Var.alloc("bs"));
                if (blank != null && row.get(Var.alloc("bp")) != null) {
                    aboutBlankNodes.add(Quad.create(row.get(Var.alloc("bg")), blank, row.get(Var.alloc("bp")), row.get(Var.alloc("bo"))));
                }
            }
        }
        List<Quad> kept = List.copyOf(out);
        answered.put(pattern, kept);
        return kept;
    }

    private static void bind(QueryExecHTTPBuilder exec, Var var, Node value) {
        if (value.isConcrete()) {
            exec.substitution(var, value);
        }
    }

    /** The row's value, or the pattern's fixed term where the substitution took the variable out of the answer. */
    private static Node term(Binding row, Var var, Node fixed) {
        return fixed.isConcrete() ? fixed : row.get(var);
    }

    private static boolean matches(Quad pattern, Quad q) {
        return matches(pattern.getGraph(), q.getGraph()) && matches(pattern.getSubject(), q.getSubject())
                && matches(pattern.getPredicate(), q.getPredicate()) && matches(pattern.getObject(), q.getObject());
    }

    private static boolean matches(Node pattern, Node term) {
        return pattern == null || pattern == Node.ANY || pattern.equals(term);
    }
}
