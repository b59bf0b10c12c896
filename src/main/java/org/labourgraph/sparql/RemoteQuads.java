package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.labourgraph.store.QuadLookup;

/**
 * The quads of an external store's data graphs (and one more graph, the entailment graph) that match one pattern, one
 * query each ({@code quads-matching.rq}, the pattern's fixed terms bound by Jena's substitution): what the entailment
 * rules look up when a write through a front-end is followed in the store. Answers are kept for the life of this
 * object, which is one computation over the store as it was read: the change log's guard makes the write that follows
 * fail if the store moved on meanwhile.
 *
 * <p>A pattern with a blank node matches nothing: a store cannot be asked about one of its blank nodes by name (its
 * labels differ in every answer), and one minted by the change itself is not in the store yet. Entailed statements
 * about blank nodes are not kept in an external store for the same reason.
 */
public final class RemoteQuads implements QuadLookup {
    private static final Query MATCHING = QueryLibrary.load("quads-matching.rq", Syntax.syntaxSPARQL_11);
    /** Patterns asked per batched query. */
    private static final int BATCH = 100;
    private static final Query HOLDS = QueryLibrary.load("graph-holds-statements.rq", Syntax.syntaxSPARQL_11);
    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final RemoteSparqlService remote;
    private final List<String> graphs;
    private final Map<Quad, List<Quad>> answered = new HashMap<>();
    private final boolean wholeSubjects;
    /** Predicates a pattern with a free predicate leaves out of its answer; asked for only by name. */
    private final Set<Node> byNameOnly;
    /** Patterns with a free predicate whose answer leaves out {@link #byNameOnly}'s predicates. */
    private final Set<Quad> partial = new HashSet<>();
    /** In that mode, the predicates asked with a fixed object, and the objects asked about so far. */
    private final Set<Node> objectPredicates = new LinkedHashSet<>();
    private final Set<Node> objectsMet = new HashSet<>();
    /** The patterns asked of the store, and those of them whose answers a {@link #find} has read (in the order first read). */
    private final Set<Quad> fetched = new HashSet<>();
    private final Set<Quad> read = new LinkedHashSet<>();
    private long queries;

    /** Over the store's named data graphs and {@code alsoGraph}. */
    public RemoteQuads(RemoteSparqlService remote, String alsoGraph) {
        this(remote, alsoGraph, false, Set.of());
    }

    private RemoteQuads(RemoteSparqlService remote, String alsoGraph, boolean wholeSubjects, Set<Node> byNameOnly) {
        this.remote = remote;
        Set<String> all = new LinkedHashSet<>(remote.namedDataGraphs());
        all.add(alsoGraph);
        this.graphs = List.copyOf(all);
        this.wholeSubjects = wholeSubjects;
        this.byNameOnly = Set.copyOf(byNameOnly);
    }

    /**
     * As the constructor, for a reader that asks many patterns about each resource it meets (the shapes: a
     * resource's type from every property's domain and range): a pattern with a subject asks for all of that
     * subject's statements, once, and answers from them; patterns with a predicate and an object are asked together
     * for each new object (never all of an object's statements: a class or a top concept has too many).
     * {@code byNameOnly}: predicates left out of the answer to a pattern with a free predicate (those of the store's
     * entailed closures, tens of thousands for a concept near the top of a hierarchy), asked for only when a pattern
     * names them.
     */
    public static RemoteQuads readingWholeSubjects(RemoteSparqlService remote, String alsoGraph, Set<Node> byNameOnly) {
        return new RemoteQuads(remote, alsoGraph, true, byNameOnly);
    }

    /** Whether the store holds any statement in {@code graph}. */
    public boolean holdsAny(Node graph) {
        try (QueryExecHTTP exec = over(HOLDS).substitution(G, graph).build()) {
            queries++;
            return exec.ask();
        }
    }

    /** The quads matching {@code pattern} ({@link Node#ANY} for a free term; the graph ANY for every graph above). */
    @Override
    public List<Quad> find(Quad pattern) {
        Node g = pattern.getGraph();
        Node s = pattern.getSubject();
        Node p = pattern.getPredicate();
        Node o = pattern.getObject();
        if (g.isBlank() || s.isBlank() || p.isBlank() || o.isBlank()) {
            return List.of();
        }
        Quad key = Quad.create(g, s, p, o);
        // An answer that leaves out the predicates asked for by name serves only a pattern that names another one.
        boolean partialServes = p.isConcrete() && !byNameOnly.contains(p);
        List<Quad> known = usable(key, partialServes);
        if (known != null) {
            return known;
        }
        Quad anyGraph = Quad.create(Node.ANY, s, p, o);
        List<Quad> inAnyGraph = g.isConcrete() ? usable(anyGraph, partialServes) : null;
        if (inAnyGraph != null) {
            return inAnyGraph.stream().filter(q -> q.getGraph().equals(g)).toList();
        }
        // Everything from or to a resource, once asked, answers every narrower pattern about it.
        for (Quad wider : List.of(Quad.create(Node.ANY, s, Node.ANY, Node.ANY), Quad.create(Node.ANY, Node.ANY, Node.ANY, o))) {
            boolean aboutOne = wider.getSubject().isConcrete() || wider.getObject().isConcrete();
            List<Quad> all = aboutOne && !wider.equals(key) ? usable(wider, partialServes) : null;
            if (all != null) {
                List<Quad> narrowed = all.stream().filter(q -> q.matches(g, s, p, o)).toList();
                answered.put(key, narrowed);
                return narrowed;
            }
        }
        Quad subject = Quad.create(Node.ANY, s, Node.ANY, Node.ANY);
        if (wholeSubjects && s.isConcrete() && !subject.equals(key) && partialServes) {
            prefetch(List.of(subject));
            List<Quad> narrowed = usable(subject, true).stream().filter(q -> q.matches(g, s, p, o)).toList();
            answered.put(key, narrowed);
            return narrowed;
        }
        if (wholeSubjects && !s.isConcrete() && partialServes && o.isConcrete()) {
            // The same predicates come back for each resource met as an object (a type from every property's
            // range): the ones seen so far are asked together, in one query, the first time a resource is met.
            objectPredicates.add(p);
            if (objectsMet.add(o) && objectPredicates.size() > 1) {
                prefetch(objectPredicates.stream().map(each -> Quad.create(Node.ANY, Node.ANY, each, o)).toList());
                return find(pattern);
            }
        }
        QueryExecHTTPBuilder exec = over(MATCHING);
        bind(exec, G, g);
        bind(exec, S, s);
        bind(exec, P, p);
        bind(exec, O, o);
        List<Quad> out = new ArrayList<>();
        try (QueryExecHTTP run = exec.build()) {
            queries++;
            RowSet rows = run.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                out.add(Quad.create(term(row, G, g), term(row, S, s), term(row, P, p), term(row, O, o)));
            }
        }
        List<Quad> kept = List.copyOf(out);
        answered.put(key, kept);
        partial.remove(key);
        fetched.add(key);
        readAnswer(key);
        return kept;
    }

    /**
     * Asks for {@code patterns} (graph ANY) in as few queries as it takes ({@link QuadPatterns}: one union, {@link #BATCH}
     * per query), so that the {@link #find}s that follow are answered from what came back. A pattern with a free predicate
     * leaves out the predicates asked for by name only (see {@link #readingWholeSubjects}).
     */
    @Override
    public void prefetch(Collection<Quad> patterns) {
        List<Quad> wanted = new ArrayList<>();
        for (Quad q : patterns) {
            Quad key = Quad.create(Node.ANY, q.getSubject(), q.getPredicate(), q.getObject());
            if (q.getGraph().equals(Node.ANY) && !hasBlankNode(key) && !answered.containsKey(key) && !wanted.contains(key)) {
                wanted.add(key);
            }
        }
        for (int from = 0; from < wanted.size(); from += BATCH) {
            List<Quad> batch = wanted.subList(from, Math.min(wanted.size(), from + BATCH));
            List<List<Quad>> found;
            try (QueryExecHTTP run = over(QuadPatterns.select(batch, byNameOnly)).build()) {
                queries++;
                found = QuadPatterns.answers(run.select(), batch);
            }
            for (int i = 0; i < batch.size(); i++) {
                Quad key = batch.get(i);
                answered.put(key, List.copyOf(found.get(i)));
                if (!key.getPredicate().isConcrete() && !byNameOnly.isEmpty()) {
                    partial.add(key);
                }
            }
            fetched.addAll(batch);
        }
    }

    /**
     * The patterns (graph ANY or not) whose answers from the store were read so far: what the next computation of
     * the same kind will likely read again, and can {@link #prefetch} together.
     */
    public Set<Quad> read() {
        return Set.copyOf(read);
    }

    /** How many queries this object has sent. */
    public long queries() {
        return queries;
    }

    /** The answer kept for {@code pattern}, if there is one that may serve (see {@link #partial}); null otherwise. */
    private List<Quad> usable(Quad pattern, boolean partialServes) {
        List<Quad> known = answered.get(pattern);
        if (known == null || (!partialServes && partial.contains(pattern))) {
            return null;
        }
        readAnswer(pattern);
        return known;
    }

    private void readAnswer(Quad pattern) {
        if (fetched.contains(pattern)) {
            read.add(pattern);
        }
    }

    private QueryExecHTTPBuilder over(Query query) {
        QueryExecHTTPBuilder exec = remote.storedExec(query);
        graphs.forEach(exec::addNamedGraphURI);
        return exec.timeout(remote.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean hasBlankNode(Quad q) {
        return q.getSubject().isBlank() || q.getPredicate().isBlank() || q.getObject().isBlank();
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
}
