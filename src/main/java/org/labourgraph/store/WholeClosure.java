package org.labourgraph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.PathLib;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropFuncArgType;
import org.apache.jena.sparql.pfunction.PropertyFunctionEval;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * The closure patterns that may walk much of a hierarchy, answered from the one-step links read once into memory when
 * there are many: both ends free ({@code ?a skos:broaderTransitive ?b}, rewritten as {@code ?a skos:broader+ ?b}), or
 * everything below a fixed object ({@code ?a skos:broaderTransitive <top>}). Jena's path engine looks each step up in
 * the indexes: at 5·10^6 triples (1,944,318 pairs from 287,362 links) the whole closure took 22–25 s, past the
 * endpoint's time limit, and the 287,355 concepts under one top 4.5–12 s, where the closure used to be one scan of the
 * entailment graph. Below a fixed object the links are looked up one by one for the first {@link #LOOKUPS} nodes (a
 * concept low in the tree costs a few look-ups) and read whole past that.
 *
 * <p>A fixed subject (a concept's ancestors: a few), the same variable at both ends, more links than
 * {@link #MOST_LINKS_IN_MEMORY}, or {@link #AT_ONCE} closures held already: Jena's path evaluation, as before. Answers
 * are the path's: each pair once per start, a start reached from itself through a cycle included.
 */
final class WholeClosure extends PropertyFunctionEval {
    static final String IRI = "https://w3id.org/labourgraph/fn/whole-closure";
    /**
     * Measured at 5·10^6 triples: about 100 bytes a link held (map entry, list) when the nodes are in the store's cache
     * already, 400 with them; at most 200 MB at this cap, for each of {@link #AT_ONCE}.
     */
    static final int MOST_LINKS_IN_MEMORY = 500_000;
    /** A dataset's own cap, in its context (tests set a small one). */
    static final Symbol MOST_LINKS = Symbol.create("https://w3id.org/labourgraph/fn/whole-closure#mostLinks");
    /** Nodes looked up one by one before the links are read whole: past it, reading them costs less (see the class comment). */
    static final int LOOKUPS = 10_000;
    /** A dataset's own number of look-ups, in its context (tests set a small one). */
    static final Symbol MOST_LOOKUPS = Symbol.create("https://w3id.org/labourgraph/fn/whole-closure#mostLookups");

    /**
     * Closures held in memory at once, process-wide: one more query finds the path engine (slow, but it holds nothing),
     * so that concurrent requests cannot fill the heap with copies of the links.
     */
    static final int AT_ONCE = 2;
    private static final Semaphore HOLDING = new Semaphore(AT_ONCE);

    private WholeClosure() {
        super(PropFuncArgType.PF_ARG_SINGLE, PropFuncArgType.PF_ARG_LIST);
    }

    /** The pattern {@code s p+ o} as this function (object arguments: the object, then the property). */
    static Op over(Node s, Node p, Node o) {
        return new OpPropFunc(NodeFactory.createURI(IRI), new PropFuncArg(s), new PropFuncArg(List.of(o, p)), OpTable.unit());
    }

    /** Makes the function known to every query engine of this process (idempotent). */
    static void register() {
        PropertyFunctionRegistry.get().put(IRI, uri -> new WholeClosure());
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, PropFuncArg argSubject, Node predicate, PropFuncArg argObject,
                                       ExecutionContext execCxt) {
        Node s = argSubject.getArg();
        Node o = argObject.getArg(0);
        Node p = argObject.getArg(1);
        int mostLinks = execCxt.getContext().getInt(MOST_LINKS, MOST_LINKS_IN_MEMORY);
        Graph graph = execCxt.getActiveGraph();
        if (s.isVariable() && !o.isVariable()) {
            Optional<List<Node>> below = reachedFrom(graph, p, o, execCxt.getContext().getInt(MOST_LOOKUPS, LOOKUPS), mostLinks);
            if (below.isPresent()) {
                Var start = Var.alloc(s);
                return QueryIterPlainWrapper.create(below.get().stream().map(n -> BindingFactory.binding(binding, start, n)).iterator(),
                        execCxt);
            }
        } else if (s.isVariable() && o.isVariable() && !s.equals(o) && HOLDING.tryAcquire()) {
            boolean handedOver = false;
            try {
                Optional<Map<Node, List<Node>>> links = links(graph, p, mostLinks, false);
                if (links.isPresent()) {
                    handedOver = true;
                    return QueryIterPlainWrapper.create(new Pairs(binding, Var.alloc(s), Var.alloc(o), links.get()), execCxt);
                }
            } finally {
                if (!handedOver) {
                    HOLDING.release();
                }
            }
        }
        return PathLib.execTriplePath(binding, s, new P_OneOrMore1(new P_Link(p)), o, execCxt);
    }

    /**
     * Every node one or more {@code p} links before {@code end} (the subjects of a pattern whose object is bound): looked up
     * link by link as Jena's path engine does, but past {@code lookups} nodes (a concept near the top of a large tree)
     * from the links read once into memory, inverted. Empty when neither can answer (more links than {@code mostLinks},
     * or as many closures held as allowed): the path engine then does.
     */
    static Optional<List<Node>> reachedFrom(Graph graph, Node p, Node end, int lookups, int mostLinks) {
        Optional<List<Node>> looked = reachable(end, n -> Iter.iter(graph.find(Node.ANY, p, n)).map(Triple::getSubject), lookups);
        if (looked.isPresent() || !HOLDING.tryAcquire()) {
            return looked;
        }
        try {
            return links(graph, p, mostLinks, true)
                    .flatMap(before -> reachable(end, n -> before.getOrDefault(n, List.of()).iterator(), Integer.MAX_VALUE));
        } finally {
            HOLDING.release();
        }
    }

    /**
     * Breadth first from {@code from} along {@code next}: every node one or more steps away, each once (a node reached
     * from itself through a cycle included); empty past {@code most} nodes.
     */
    static Optional<List<Node>> reachable(Node from, Function<Node, Iterator<Node>> next, int most) {
        List<Node> found = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> queue = new ArrayDeque<>();
        next.apply(from).forEachRemaining(queue::add);
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (seen.add(n)) {
                if (found.size() == most) {
                    return Optional.empty();
                }
                found.add(n);
                next.apply(n).forEachRemaining(queue::add);
            }
        }
        return Optional.of(found);
    }

    /** How many closures are held now (for tests: none once every query is over). */
    static int held() {
        return AT_ONCE - HOLDING.availablePermits();
    }

    /**
     * Each subject's objects by {@code p} in {@code graph}, each once (or, {@code inverted}, each object's subjects); empty
     * when there are more than {@code most} links.
     */
    static Optional<Map<Node, List<Node>>> links(Graph graph, Node p, int most, boolean inverted) {
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        int count = 0;
        ExtendedIterator<Triple> it = graph.find(Node.ANY, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                Node from = inverted ? t.getObject() : t.getSubject();
                Node to = inverted ? t.getSubject() : t.getObject();
                List<Node> ends = out.computeIfAbsent(from, k -> new ArrayList<>(1));
                if (!ends.contains(to)) {
                    if (++count > most) {
                        return Optional.empty();
                    }
                    ends.add(to);
                }
            }
        } finally {
            it.close();
        }
        return Optional.of(out);
    }

    /**
     * The rows (start, reached) in the order of the starts, each start's walk breadth first, made as they are read. Holds
     * one of the {@link #AT_ONCE} permits until read to the end or closed (a query cut by LIMIT or its time limit).
     */
    private static final class Pairs implements IteratorCloseable<Binding> {
        private final Binding parent;
        private final Var start;
        private final Var reached;
        private Map<Node, List<Node>> links;
        private final Iterator<Node> starts;
        private Node current;
        private Iterator<Node> walk = Collections.emptyIterator();

        Pairs(Binding parent, Var start, Var reached, Map<Node, List<Node>> links) {
            this.parent = parent;
            this.start = start;
            this.reached = reached;
            this.links = links;
            this.starts = links.keySet().iterator();
        }

        @Override
        public boolean hasNext() {
            while (!walk.hasNext()) {
                if (links == null || !starts.hasNext()) {
                    close();
                    return false;
                }
                current = starts.next();
                walk = reachable(current).iterator();
            }
            return true;
        }

        @Override
        public void close() {
            if (links != null) {
                links = null;
                HOLDING.release();
            }
        }

        @Override
        public Binding next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return BindingFactory.binding(parent, start, current, reached, walk.next());
        }

        private List<Node> reachable(Node from) {
            Map<Node, List<Node>> held = links;
            return WholeClosure.reachable(from, n -> held.getOrDefault(n, List.of()).iterator(), Integer.MAX_VALUE).orElseThrow();
        }
    }
}
