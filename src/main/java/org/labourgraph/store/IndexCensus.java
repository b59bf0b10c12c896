package org.labourgraph.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

/**
 * The dataset description's counts over some named graphs, read from TDB2's sorted quad indexes: a triple held by
 * several of those graphs counts once, as in SPARQL's {@code SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g {…} }}.
 * Why not SPARQL: its DISTINCT and GROUP BY hash every triple, a minute at 10^6 triples (past the query timeout)
 * and past a 1 GiB heap at 5·10^6. In an index sorted by subject, predicate, object, copies of a triple are
 * neighbours and so are a subject's triples; nothing is held but one tuple and the per-graph, per-property and
 * per-class tallies. A node is decoded only where a count needs its value (a subject's IRI, a class).
 *
 * @param triples            distinct triples
 * @param distinctSubjects   distinct subjects
 * @param distinctObjects    distinct objects
 * @param subjectsInUriSpace distinct subjects that are IRIs starting with the URI space asked for
 * @param triplesByGraph     triples of each graph counted (a triple in two graphs counts in both)
 * @param triplesByProperty  distinct triples of each property
 * @param subjectsByClass    distinct subjects typed with each class that is an IRI
 */
public record IndexCensus(long triples, long distinctSubjects, long distinctObjects, long subjectsInUriSpace,
                          Map<Node, Long> triplesByGraph, Map<Node, Long> triplesByProperty, Map<Node, Long> subjectsByClass) {
    private static final int G = 0;
    private static final int S = 1;
    private static final int P = 2;
    private static final int O = 3;

    /**
     * Counts over {@code graphs} of {@code dataset}, inside the caller's read transaction; empty when the dataset is
     * not TDB2 underneath its wrappers.
     */
    public static Optional<IndexCensus> of(DatasetGraph dataset, Set<Node> graphs, String uriSpace) {
        Optional<DatasetGraph> storage = TdbBeneath.of(dataset);
        if (storage.isEmpty()) {
            return Optional.empty();
        }
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(storage.get());
        NodeTable nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        Set<NodeId> counted = new HashSet<>();
        for (Node g : graphs) {
            NodeId id = nodes.getNodeIdForNode(g);
            if (!NodeId.isDoesNotExist(id)) {
                counted.add(id);
            }
        }
        Predicate<Tuple<NodeId>> inCountedGraph = quad -> counted.contains(quad.get(G));
        return Optional.of(new Census(tdb, nodes, inCountedGraph).run(uriSpace));
    }

    /** The passes over the indexes; one instance per count. */
    private record Census(DatasetGraphTDB tdb, NodeTable nodes, Predicate<Tuple<NodeId>> inCountedGraph) {
        IndexCensus run(String uriSpace) {
            Map<NodeId, Long> byGraph = new LinkedHashMap<>();
            Map<NodeId, Long> byProperty = new HashMap<>();
            long triples = 0;
            long subjects = 0;
            long inUriSpace = 0;
            Tuple<NodeId> previous = null;
            // S, P, O, G order: the graphs holding one triple are neighbours, and so are one subject's triples.
            for (Iterator<Tuple<NodeId>> it = index("SPOG").all(); it.hasNext(); ) {
                Tuple<NodeId> quad = it.next();
                if (!inCountedGraph.test(quad)) {
                    continue;
                }
                byGraph.merge(quad.get(G), 1L, Long::sum);
                boolean newSubject = previous == null || !previous.get(S).equals(quad.get(S));
                if (newSubject || !previous.get(P).equals(quad.get(P)) || !previous.get(O).equals(quad.get(O))) {
                    triples++;
                    byProperty.merge(quad.get(P), 1L, Long::sum);
                }
                if (newSubject) {
                    subjects++;
                    Node subject = nodes.getNodeForNodeId(quad.get(S));
                    if (subject.isURI() && subject.getURI().startsWith(uriSpace)) {
                        inUriSpace++;
                    }
                }
                previous = quad;
            }
            return new IndexCensus(triples, subjects, distinctObjects(), inUriSpace, named(byGraph), named(byProperty), subjectsByClass());
        }

        private long distinctObjects() {
            long objects = 0;
            NodeId previous = null;
            // Values held in the id itself (numbers, dates, booleans) are not always neighbours in the index's order:
            // they are counted by their value, which costs no node-table read.
            Set<Node> inlineValues = new HashSet<>();
            for (Iterator<Tuple<NodeId>> it = index("OSPG").all(); it.hasNext(); ) {
                Tuple<NodeId> quad = it.next();
                if (!inCountedGraph.test(quad)) {
                    continue;
                }
                NodeId o = quad.get(O);
                if (o.isInline()) {
                    inlineValues.add(NodeIdInline.extract(o));
                } else if (!o.equals(previous)) {
                    objects++;
                    previous = o;
                }
            }
            return objects + inlineValues.size();
        }

        /** P, O, S, G order from rdf:type on: each class's subjects are neighbours. */
        private Map<Node, Long> subjectsByClass() {
            Map<NodeId, Long> byClass = new LinkedHashMap<>();
            NodeId type = nodes.getNodeIdForNode(RDF.type.asNode());
            if (NodeId.isDoesNotExist(type)) {
                return Map.of();
            }
            Tuple<NodeId> previous = null;
            for (Iterator<Tuple<NodeId>> it = index("POSG").find(typePattern(type)); it.hasNext(); ) {
                Tuple<NodeId> quad = it.next();
                if (!inCountedGraph.test(quad)) {
                    continue;
                }
                if (previous == null || !previous.get(O).equals(quad.get(O)) || !previous.get(S).equals(quad.get(S))) {
                    byClass.merge(quad.get(O), 1L, Long::sum);
                }
                previous = quad;
            }
            Map<Node, Long> out = named(byClass);
            out.keySet().removeIf(c -> !c.isURI());
            return out;
        }

        private static Tuple<NodeId> typePattern(NodeId type) {
            return TupleFactory.create4(NodeId.NodeIdAny, NodeId.NodeIdAny, type, NodeId.NodeIdAny);
        }

        private TupleIndex index(String name) {
            for (TupleIndex index : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
                if (index.getName().equals(name)) {
                    return index;
                }
            }
            throw new StoreException("The TDB2 database has no " + name + " quad index: it was not created by this version of"
                    + " Jena's TDB2, so its statistics cannot be counted. Reload the data into a new store.");
        }

        private Map<Node, Long> named(Map<NodeId, Long> byId) {
            Map<Node, Long> out = new LinkedHashMap<>();
            byId.forEach((id, n) -> out.put(nodes.getNodeForNodeId(id), n));
            return out;
        }
    }
}
