package org.labourgraph.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.modify.TemplateLib;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.sparql.QuadPatterns;

/**
 * What a SPARQL Update would change in an external store, as concrete quads, worked out before anything is sent: the
 * quads of {@code INSERT DATA} and {@code DELETE DATA} as they are; for {@code DELETE/INSERT … WHERE} and
 * {@code DELETE WHERE} the WHERE clause is run on the store and the templates instantiated with its rows (Jena's
 * {@link TemplateLib}, as Jena's own update engine does); for {@code DROP}/{@code CLEAR GRAPH <g>} the graph's statements.
 * The operations are taken in order (a later one wins for the same quad), then the store is asked which quads it holds,
 * so that only what really changes remains: the revision and what is sent are the same quads.
 *
 * <p>Refused, with a message that says what to send instead: an operation with a WHERE clause after another operation
 * of the same request (its rows would depend on changes not yet made), ADD, COPY, MOVE, DROP/CLEAR of more than one
 * graph, a deletion that matches blank nodes (a store names them differently in each answer: they cannot be deleted by
 * name), and changes of more than {@link #LIMIT} statements.
 */
public final class UpdateDeltas {
    /** The most statements one recorded change may touch; bulk loads go through {@code load --update-endpoint}. */
    public static final int LIMIT = 50_000;
    /** Quads asked about per query. */
    private static final int PRESENCE_BATCH = 200;
    private static final Query GRAPH_TRIPLES = StoreChangeLog.query("graph-triples.rq");

    /** The net change: quads that were absent and are added, quads that were present and are deleted. */
    public record Delta(List<Quad> added, List<Quad> deleted) {
        /** The change that changes nothing. */
        public static final Delta NONE = new Delta(List.of(), List.of());

        public Delta {
            added = List.copyOf(added);
            deleted = List.copyOf(deleted);
        }

        public boolean isEmpty() {
            return added.isEmpty() && deleted.isEmpty();
        }
    }

    /** An update this server cannot turn into concrete quads; the message says why and what to send instead. */
    public static final class NotRecordable extends HistoryException {
        private static final long serialVersionUID = 1L;

        public NotRecordable(String message) {
            super(message);
        }
    }

    private final Function<Query, RowSet> store;
    /** Quad → wanted present (true) or absent (false), in the order the operations met them. */
    private final Map<Quad, Boolean> wanted = new LinkedHashMap<>();

    /** {@code store} runs a SELECT on the store as it is (no dataset description), as the update would see it. */
    private UpdateDeltas(Function<Query, RowSet> store) {
        this.store = store;
    }

    /**
     * The net change {@code update} would make now. {@code usingGraphs} and {@code usingNamedGraphs} are the protocol's
     * {@code using-graph-uri} and {@code using-named-graph-uri}.
     *
     * @throws NotRecordable when the update cannot be turned into concrete quads
     */
    public static Delta of(UpdateRequest update, List<String> usingGraphs, List<String> usingNamedGraphs,
                           Function<Query, RowSet> store) {
        UpdateDeltas deltas = new UpdateDeltas(store);
        for (Update op : update.getOperations()) {
            deltas.apply(op, usingGraphs, usingNamedGraphs);
            if (deltas.wanted.size() > LIMIT) {
                throw new NotRecordable("This update touches more than " + LIMIT + " statements; a change that large is"
                        + " not recorded through /update. Load large files with `labourgraph load --update-endpoint`.");
            }
        }
        return deltas.net();
    }

    /** The net change of setting {@code quads} wanted present or absent (a Graph Store Protocol write). */
    public static Delta ofQuads(List<Quad> removed, List<Quad> added, Function<Query, RowSet> store) {
        UpdateDeltas deltas = new UpdateDeltas(store);
        removed.forEach(q -> deltas.wanted.put(q, false));
        added.forEach(q -> deltas.wanted.put(q, true));
        return deltas.net();
    }

    /** The statements of {@code graph} in the store now; refused if it holds blank nodes (they cannot be deleted by name). */
    public static List<Quad> graphQuads(Node graph, Function<Query, RowSet> store) {
        return new UpdateDeltas(store).quadsOf(graph);
    }

    private void apply(Update op, List<String> usingGraphs, List<String> usingNamedGraphs) {
        if (op instanceof UpdateDataInsert insert) {
            insert.getQuads().forEach(q -> wanted.put(q, true));
        } else if (op instanceof UpdateDataDelete delete) {
            delete.getQuads().forEach(q -> wanted.put(q, false));
        } else if (op instanceof UpdateDeleteWhere deleteWhere) {
            requireFirst("DELETE WHERE");
            List<Quad> pattern = deleteWhere.getQuads();
            setAll(TemplateLib.calcQuads(pattern, rows(pattern(pattern), List.of(), List.of())), false);
        } else if (op instanceof UpdateModify modify) {
            requireFirst("DELETE/INSERT … WHERE");
            modify(modify, usingGraphs, usingNamedGraphs);
        } else if (op instanceof UpdateDropClear drop && drop.isOneGraph()) {
            Node graph = drop.getGraph();
            for (Quad q : new ArrayList<>(wanted.keySet())) {
                if (q.getGraph().equals(graph)) {
                    wanted.put(q, false);
                }
            }
            quadsOf(graph).forEach(q -> wanted.put(q, false));
        } else if (op instanceof UpdateCreate) {
            // A graph exists through its statements: creating one changes nothing.
        } else {
            String what = op instanceof UpdateDropClear ? "DROP or CLEAR of more than one named graph"
                    : op.getClass().getSimpleName().replace("Update", "").toUpperCase(java.util.Locale.ROOT);
            throw new NotRecordable(what + " is not accepted here: every change through this server is recorded as a revision,"
                    + " and this operation is not turned into statements. Send it as INSERT DATA / DELETE DATA, DELETE/INSERT"
                    + " … WHERE, or DROP GRAPH <iri> (one graph at a time).");
        }
    }

    private void requireFirst(String operation) {
        if (!wanted.isEmpty()) {
            throw new NotRecordable(operation + " after another operation in the same request is not accepted here: its WHERE"
                    + " clause would have to see changes not made yet. Send it as a request of its own (it may come first).");
        }
    }

    private void modify(UpdateModify modify, List<String> usingGraphs, List<String> usingNamedGraphs) {
        Node with = modify.getWithIRI();
        List<Node> using = modify.getUsing().isEmpty() ? nodes(usingGraphs) : modify.getUsing();
        List<Node> usingNamed = modify.getUsingNamed().isEmpty() ? nodes(usingNamedGraphs) : modify.getUsingNamed();
        Element where = modify.getWherePattern();
        if (with != null && using.isEmpty() && usingNamed.isEmpty()) {
            // WITH names the default graph of the WHERE clause; the named graphs stay those of the store.
            where = new ElementNamedGraph(with, where);
        }
        List<Binding> solutions = new ArrayList<>();
        rows(where, using, usingNamed).forEachRemaining(solutions::add);
        List<Quad> deletes = TemplateLib.remapDefaultGraph(modify.getDeleteQuads(), with);
        List<Quad> inserts = TemplateLib.remapDefaultGraph(modify.getInsertQuads(), with);
        Set<Var> used = new java.util.HashSet<>();
        for (Quad q : concat(deletes, inserts)) {
            for (Node n : List.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject())) {
                if (Var.isVar(n)) {
                    used.add(Var.alloc(n));
                }
            }
        }
        for (Binding row : solutions) {
            for (Var v : used) {
                Node value = row.get(v);
                if (value != null && value.isBlank()) {
                    throw new NotRecordable("The WHERE clause matches a blank node for ?" + v.getVarName() + ", which a store names"
                            + " differently in each answer: such a change cannot be made by name and recorded. Give the"
                            + " resource an IRI, or change it where it is held.");
                }
            }
        }
        // The deletions of every row, then the insertions of every row, as the standard orders them.
        setAll(TemplateLib.calcQuads(deletes, solutions.iterator()), false);
        setAll(TemplateLib.calcQuads(inserts, solutions.iterator()), true);
    }

    private void setAll(Iterator<Quad> quads, boolean present) {
        quads.forEachRemaining(q -> {
            if (!present && hasBlank(q)) {
                throw new NotRecordable("This update deletes a statement with a blank node, which a store names differently in"
                        + " each answer: it cannot be deleted by name and recorded. Give the resource an IRI.");
            }
            wanted.put(q, present);
        });
    }

    /** The quads of a DELETE WHERE as a WHERE clause: each graph's triples in a GRAPH block, as Jena's engine does. */
    private static Element pattern(List<Quad> quads) {
        ElementGroup group = new ElementGroup();
        Map<Node, BasicPattern> byGraph = new LinkedHashMap<>();
        for (Quad q : quads) {
            byGraph.computeIfAbsent(q.getGraph(), g -> new BasicPattern()).add(q.asTriple());
        }
        byGraph.forEach((g, triples) -> {
            ElementTriplesBlock block = new ElementTriplesBlock(triples);
            group.addElement(Quad.isDefaultGraph(g) ? block : new ElementNamedGraph(g, block));
        });
        return group;
    }

    /** The rows of {@code where} on the store as it is, with the update's USING graphs as the query's dataset. */
    private Iterator<Binding> rows(Element where, List<Node> using, List<Node> usingNamed) {
        Query select = new Query();
        select.setQuerySelectType();
        select.setQueryResultStar(true);
        select.setQueryPattern(where);
        using.forEach(g -> select.addGraphURI(g.getURI()));
        usingNamed.forEach(g -> select.addNamedGraphURI(g.getURI()));
        List<Binding> out = new ArrayList<>();
        store.apply(select).forEachRemaining(out::add);
        return out.iterator();
    }

    private List<Quad> quadsOf(Node graph) {
        Query q = QueryTransformOps.replaceVars(GRAPH_TRIPLES, Map.of(Var.alloc("g"), graph));
        List<Quad> out = new ArrayList<>();
        store.apply(q).forEachRemaining(row -> {
            Quad quad = Quad.create(graph, row.get("s"), row.get("p"), row.get("o"));
            if (hasBlank(quad)) {
                throw new NotRecordable("The graph <" + graph.getURI() + "> holds blank nodes, which a store names differently"
                        + " in each answer: it cannot be emptied statement by statement and recorded.");
            }
            out.add(quad);
        });
        if (out.size() > LIMIT) {
            throw new NotRecordable("The graph <" + graph.getURI() + "> holds more than " + LIMIT + " statements; dropping it"
                    + " is not recorded through this server. Replace source graphs with `labourgraph load --update-endpoint`.");
        }
        return out;
    }

    /** The wanted quads that differ from the store now. */
    private Delta net() {
        List<Quad> named = wanted.keySet().stream().filter(q -> !hasBlank(q)).toList();
        Set<Quad> present = new java.util.HashSet<>();
        for (int from = 0; from < named.size(); from += PRESENCE_BATCH) {
            List<Quad> batch = named.subList(from, Math.min(named.size(), from + PRESENCE_BATCH));
            QuadPatterns.answers(store.apply(QuadPatterns.select(batch)), batch).forEach(present::addAll);
        }
        List<Quad> added = new ArrayList<>();
        List<Quad> deleted = new ArrayList<>();
        wanted.forEach((q, want) -> {
            boolean there = present.contains(q);
            if (want && !there) {
                added.add(q);
            } else if (!want && there) {
                deleted.add(q);
            }
        });
        return new Delta(added, deleted);
    }

    private static boolean hasBlank(Quad q) {
        return q.getSubject().isBlank() || q.getObject().isBlank() || q.getGraph().isBlank();
    }

    private static List<Node> nodes(List<String> iris) {
        return iris.stream().map(NodeFactory::createURI).toList();
    }

    private static List<Quad> concat(List<Quad> a, List<Quad> b) {
        List<Quad> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
