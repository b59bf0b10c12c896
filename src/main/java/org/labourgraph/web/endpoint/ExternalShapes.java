package org.labourgraph.web.endpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.sparql.RemoteLabelLookup;
import org.labourgraph.sparql.RemoteQuads;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.store.StoreWithChange;
import org.labourgraph.validate.ChangeShapes;
import org.labourgraph.validate.Finding;
import org.labourgraph.validate.LabelLookup;
import org.labourgraph.validate.ResourceShapes;
import org.labourgraph.vocab.LG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shapes on a write through an external-mode front-end, as the embedded store runs them before it commits: on
 * the resources the change states something about, over the store as the change and its entailed statements will
 * leave it (read through small queries, the change laid over the answers in memory), and refusing only the violations
 * the change introduces. Whether a label also names another concept is asked of the store only for the labels the
 * change brings into play (those it adds, or every label of a resource it makes a concept or un-retires): that look-up
 * reads every label of the store ({@link RemoteLabelLookup}).
 */
public final class ExternalShapes {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalShapes.class);
    private static final Set<Node> LABELS = Set.of(SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode());

    private final RemoteSparqlService remote;
    private final ResourceShapes shapes;

    public ExternalShapes(RemoteSparqlService remote, ResourceShapes shapes) {
        this.remote = remote;
        this.shapes = shapes;
    }

    /**
     * Refuses {@code change} ({@link ChangeShapes.Refused}) when, with the entailed statements {@code derived} it
     * brings, it leaves a resource it touches with a violation the resource did not have.
     */
    public void check(UpdateDeltas.Delta change, UpdateDeltas.Delta derived) {
        Set<Node> resources = new LinkedHashSet<>();
        for (Collection<Quad> quads : List.of(change.added(), change.deleted())) {
            quads.stream().map(Quad::getSubject).filter(Node::isURI).forEach(resources::add);
        }
        if (resources.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        RemoteQuads store = RemoteQuads.readingWholeSubjects(remote, LG.ENTAILMENT_GRAPH);
        // What the shapes read first, in one query: the statements of the resources, from and to them.
        List<Quad> near = new ArrayList<>();
        resources.forEach(r -> {
            near.add(Quad.create(Node.ANY, r, Node.ANY, Node.ANY));
            near.add(Quad.create(Node.ANY, Node.ANY, Node.ANY, r));
        });
        store.prefetch(near);
        List<Quad> added = new ArrayList<>(change.added());
        added.addAll(derived.added());
        List<Quad> deleted = new ArrayList<>(change.deleted());
        deleted.addAll(derived.deleted());
        Graph after = StoreWithChange.union(store, added, deleted);
        InPlayLabels labels = new InPlayLabels(new RemoteLabelLookup(remote), change, derived);
        List<Finding> introduced = ChangeShapes.introduced(shapes, after,
                () -> StoreWithChange.union(store, List.of(), List.of()), resources, labels);
        LOG.debug("Shapes on a change of {} resources: {} violations introduced ({} queries, {} label look-ups, {} ms)",
                resources.size(), introduced.size(), store.queries(), labels.remote.queries(),
                (System.nanoTime() - started) / 1_000_000);
        if (!introduced.isEmpty()) {
            throw new ChangeShapes.Refused(introduced);
        }
    }

    /**
     * Asks the store about the labels a change brings into play, and answers "no other resource" for the rest: a label
     * the change neither adds nor revives cannot meet a new twin through it (a twin the change itself adds is a
     * resource it touches, which the check counts as a candidate anyway). Answers are kept, so that the resources'
     * state before the change asks nothing again.
     */
    private static final class InPlayLabels implements LabelLookup {
        private final RemoteLabelLookup remote;
        /** Lowercased labels in play; null: every label (the change makes a resource a concept or un-retires one). */
        private final Set<String> inPlay;
        private final Map<String, Set<Node>> known = new HashMap<>();

        InPlayLabels(RemoteLabelLookup remote, UpdateDeltas.Delta change, UpdateDeltas.Delta derived) {
            this.remote = remote;
            boolean revives = change.deleted().stream().anyMatch(q -> q.getPredicate().equals(OWL.deprecated.asNode()))
                    || List.of(change.added(), derived.added()).stream().flatMap(Collection::stream)
                            .anyMatch(q -> q.getPredicate().equals(RDF.type.asNode()) && q.getObject().equals(SKOS.Concept.asNode()));
            Set<String> adding = new HashSet<>();
            change.added().stream().filter(q -> LABELS.contains(q.getPredicate()) && q.getObject().isLiteral())
                    .forEach(q -> adding.add(fold(q.getObject().getLiteralLexicalForm())));
            this.inPlay = revives ? null : adding;
        }

        @Override
        public Optional<Set<Node>> resourcesPossiblyLabelled(Collection<String> labels) {
            Set<String> asked = new LinkedHashSet<>();
            for (String label : labels) {
                String folded = fold(label);
                if ((inPlay == null || inPlay.contains(folded)) && !known.containsKey(folded)) {
                    asked.add(folded);
                }
            }
            if (!asked.isEmpty()) {
                Set<Node> found = remote.resourcesPossiblyLabelled(asked).orElseThrow();
                // One answer for all: each asked label is given every resource found (more candidates, never fewer).
                asked.forEach(l -> known.put(l, found));
            }
            Set<Node> candidates = new HashSet<>();
            for (String label : labels) {
                candidates.addAll(known.getOrDefault(fold(label), Set.of()));
            }
            return Optional.of(candidates);
        }

        private static String fold(String label) {
            return label.toLowerCase(Locale.ROOT);
        }
    }
}
