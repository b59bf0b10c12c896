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
 * A closure pattern with both ends free ({@code ?a skos:broaderTransitive ?b}, rewritten as {@code ?a skos:broader+ ?b}),
 * answered from the one-step links read once into memory. Jena's path engine walks the chain upwards from every
 * subject with one index look-up per step: at 5·10^6 triples (1,944,318 pairs over 500,000 concepts) that took 22–25 s,
 * past the endpoint's time limit, where the closure used to be one scan of the entailment graph. Here each link is read
 * once and the walks are made in memory.
 *
 * <p>Any end bound when the pattern runs (by the query or an earlier pattern), the same variable at both ends, or more
 * links than {@link #MOST_LINKS_IN_MEMORY}: Jena's path evaluation, as before. Answers are the path's: each pair once
 * per start, a start reached from itself through a cycle included.
 */
final class WholeClosure extends PropertyFunctionEval {
    static final String IRI = "https://w3id.org/labourgraph/fn/whole-closure";
    /** About 150 bytes a link held (map entry, list, nodes shared with the store's cache): 150 MB at this cap. */
    static final int MOST_LINKS_IN_MEMORY = 1_000_000;
    /** A dataset's own cap, in its context (tests set a small one). */
    static final Symbol MOST_LINKS = Symbol.create("https://w3id.org/labourgraph/fn/whole-closure#mostLinks");

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
        if (s.isVariable() && o.isVariable() && !s.equals(o) && HOLDING.tryAcquire()) {
            boolean handedOver = false;
            try {
                Optional<Map<Node, List<Node>>> links = links(execCxt.getActiveGraph(), p,
                        execCxt.getContext().getInt(MOST_LINKS, MOST_LINKS_IN_MEMORY));
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

    /** How many closures are held now (for tests: none once every query is over). */
    static int held() {
        return AT_ONCE - HOLDING.availablePermits();
    }

    /** Each subject's objects by {@code p} in {@code graph}, each once; empty when there are more than {@code most} links. */
    static Optional<Map<Node, List<Node>>> links(Graph graph, Node p, int most) {
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        int count = 0;
        ExtendedIterator<Triple> it = graph.find(Node.ANY, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                List<Node> objects = out.computeIfAbsent(t.getSubject(), k -> new ArrayList<>(1));
                if (!objects.contains(t.getObject())) {
                    if (++count > most) {
                        return Optional.empty();
                    }
                    objects.add(t.getObject());
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

        /** Every node one or more links away from {@code from}, each once. */
        private List<Node> reachable(Node from) {
            List<Node> found = new ArrayList<>();
            Set<Node> seen = new HashSet<>();
            ArrayDeque<Node> next = new ArrayDeque<>(links.getOrDefault(from, List.of()));
            while (!next.isEmpty()) {
                Node n = next.poll();
                if (seen.add(n)) {
                    found.add(n);
                    next.addAll(links.getOrDefault(n, List.of()));
                }
            }
            return found;
        }
    }
}
