package org.labourgraph.web.curation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.store.LabourStore;
import org.labourgraph.store.StatedQuads;
import org.labourgraph.vocab.LG;

/**
 * What a resource-level edit does to the store, inside the caller's write transaction: replace the resource's
 * statements (PUT), apply an RDF Patch about it, or run a SPARQL Update that may change only its statements (PATCH).
 * Statements go to the resource's home graph: the source graph that holds most of them (new resources: the
 * curators' graph).
 */
final class ResourceEdits {
    /** Where statements about a resource no source graph describes yet are kept. */
    static final String CURATED_GRAPH = LG.GRAPH_NS + "curated";

    private ResourceEdits() {}

    /** A body or an edit that cannot be applied: 400 with this message, nothing written. */
    static final class BadEdit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadEdit(String message) {
            super(message);
        }
    }

    /** The triples of a PUT body must all be about the resource. */
    static void requireAbout(Graph body, Node resource) {
        body.find().forEachRemaining(t -> {
            if (!t.getSubject().equals(resource)) {
                throw new BadEdit("The body describes " + str(t.getSubject()) + ", but this document is about " + str(resource)
                        + ": send only statements whose subject is " + str(resource) + ".");
            }
        });
        if (body.find(Node.ANY, LG.visibility.asNode(), LG.Private.asNode()).hasNext()) {
            throw new BadEdit(org.labourgraph.sparql.SparqlSafety.PRIVATE_REFUSED);
        }
    }

    /**
     * PUT: the resource's statements become {@code body}. Statements it keeps stay in the graph they are in (their
     * source); statements it drops are deleted from every source graph; new ones go to its home graph.
     */
    static void replace(DatasetGraph store, Node resource, Graph body) {
        Node home = homeGraph(store, resource);
        List<Quad> dropped = new ArrayList<>();
        Set<org.apache.jena.graph.Triple> kept = new java.util.HashSet<>();
        stated(store, resource).forEachRemaining(q -> {
            if (body.contains(q.asTriple())) {
                kept.add(q.asTriple());
            } else {
                dropped.add(q);
            }
        });
        dropped.forEach(store::delete);
        body.find().forEachRemaining(t -> {
            if (!kept.contains(t)) {
                store.add(home, t.getSubject(), t.getPredicate(), t.getObject());
            }
        });
    }

    /** PATCH with an RDF Patch: its rows (triples go to the home graph) must all be about the resource. */
    static void applyPatch(DatasetGraph store, Node resource, byte[] body) {
        RDFPatch patch;
        try {
            patch = RDFPatchOps.read(new ByteArrayInputStream(body));
        } catch (RuntimeException e) {
            throw new BadEdit("The body is not a readable RDF Patch: " + e.getMessage());
        }
        List<Quad> adds = new ArrayList<>();
        List<Quad> deletes = new ArrayList<>();
        Node home = homeGraph(store, resource);
        try {
            patch.apply(new RDFChangesCollector() {
                @Override
                public void add(Node g, Node s, Node p, Node o) {
                    adds.add(Quad.create(g == null || Quad.isDefaultGraph(g) ? home : g, s, p, o));
                }

                @Override
                public void delete(Node g, Node s, Node p, Node o) {
                    deletes.add(Quad.create(g == null || Quad.isDefaultGraph(g) ? home : g, s, p, o));
                }
            });
        } catch (RuntimeException e) {
            throw new BadEdit("The body is not a readable RDF Patch: " + e.getMessage());
        }
        for (List<Quad> rows : List.of(adds, deletes)) {
            for (Quad q : rows) {
                if (!q.getSubject().equals(resource)) {
                    throw new BadEdit("The patch changes a statement about " + str(q.getSubject()) + "; a PATCH on this document"
                            + " may change statements about " + str(resource) + " only.");
                }
                if (isDerived(q.getGraph())) {
                    throw new BadEdit("The entailment graph is computed from the others; patch the source graphs.");
                }
            }
        }
        if (adds.stream().anyMatch(q -> q.getPredicate().equals(LG.visibility.asNode()) && q.getObject().equals(LG.Private.asNode()))) {
            throw new BadEdit(org.labourgraph.sparql.SparqlSafety.PRIVATE_REFUSED);
        }
        deletes.forEach(store::delete);
        adds.forEach(store::add);
    }

    /** PATCH with SPARQL Update: run it, then check that it changed statements about the resource only. */
    static void applyUpdate(org.labourgraph.history.RecordingDataset store, Node resource, UpdateRequest update) {
        UpdateAction.execute(update, store);
        Set<Node> others = new LinkedHashSet<>();
        var changes = store.pendingChanges();
        for (Set<Quad> quads : List.of(changes.added(), changes.deleted())) {
            quads.stream().map(Quad::getSubject).filter(s -> !s.equals(resource)).forEach(others::add);
        }
        if (!others.isEmpty()) {
            throw new BadEdit("The update changes statements about " + others.stream().limit(3).map(ResourceEdits::str).toList()
                    + "; a PATCH on this document may change statements about " + str(resource) + " only. Nothing was written.");
        }
    }

    /** The source graph holding most of the resource's statements, or the curators' graph. */
    static Node homeGraph(DatasetGraph store, Node resource) {
        Map<Node, Integer> counts = new HashMap<>();
        stated(store, resource).forEachRemaining(q -> {
            if (!Quad.isDefaultGraph(q.getGraph())) {
                counts.merge(q.getGraph(), 1, Integer::sum);
            }
        });
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(NodeFactory.createURI(CURATED_GRAPH));
    }

    static boolean exists(DatasetGraph store, Node resource) {
        return stated(store, resource).hasNext();
    }

    /** The resource's stated statements (its entailed ones left out). */
    private static Iterator<Quad> stated(DatasetGraph store, Node resource) {
        return StatedQuads.find(store, NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH), resource, Node.ANY, Node.ANY);
    }

    private static boolean isDerived(Node graph) {
        return graph.isURI() && graph.getURI().equals(LabourStore.ENTAILMENT_GRAPH);
    }

    private static String str(Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }
}
