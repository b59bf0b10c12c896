package org.labourgraph.store;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.vocab.LG;

/**
 * The resources whose pages a change can alter, so that cached pages of the others stay valid. A page shows its
 * resource's stated links both ways with the labels, dates and names of the resources at their other end: so a
 * changed statement alters the pages of its subject, of its object, and of every resource stated as linked to the
 * subject (they show the subject's label). Read inside the change's transaction, from the store as it will commit.
 *
 * <p>A statement about something outside the project's resources (an ontology term: its label heads sections on
 * every page) or a change reaching more than {@link ChangeMarker#MAX_TRACKED_PER_COMMIT} resources counts as a change
 * of everything.
 */
final class TouchedResources {
    private TouchedResources() {}

    /** The IRIs of the resources whose pages the change alters; empty when it alters every page. */
    static Optional<Set<String>> of(DatasetGraph store, Node entailmentGraph, RecordingDataset.ChangeSet changes) {
        if (changes.isEmpty()) {
            return Optional.empty(); // a bulk change whose rows are on disk: not looked at one by one
        }
        Set<String> touched = new HashSet<>();
        Set<Node> subjects = new HashSet<>();
        for (Set<Quad> quads : List.of(changes.added(), changes.deleted())) {
            for (Quad q : quads) {
                if (!isProjectResource(q.getSubject())) {
                    return Optional.empty();
                }
                subjects.add(q.getSubject());
                touched.add(q.getSubject().getURI());
                if (q.getObject().isURI()) {
                    touched.add(q.getObject().getURI());
                }
            }
        }
        for (Node s : subjects) {
            if (!addNeighbours(store, entailmentGraph, s, touched)) {
                return Optional.empty();
            }
        }
        return Optional.of(touched);
    }

    /** Adds the resources stated as linked to {@code s}, either way; false once there are too many to track. */
    private static boolean addNeighbours(DatasetGraph store, Node entailmentGraph, Node s, Set<String> into) {
        for (Iterator<Quad> it : List.of(StatedQuads.find(store, entailmentGraph, s, Node.ANY, Node.ANY),
                StatedQuads.find(store, entailmentGraph, Node.ANY, Node.ANY, s))) {
            while (it.hasNext()) {
                Quad q = it.next();
                Node other = q.getSubject().equals(s) ? q.getObject() : q.getSubject();
                if (other.isURI()) {
                    into.add(other.getURI());
                    if (into.size() > ChangeMarker.MAX_TRACKED_PER_COMMIT) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isProjectResource(Node n) {
        return n.isURI() && n.getURI().startsWith(LG.ID_NS);
    }
}
