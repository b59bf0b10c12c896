package org.labourgraph.web.endpoint;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.labourgraph.sparql.SearchDialect;
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
 * change brings into play (those it adds, or every label of a resource it makes a concept or un-retires): through the
 * store's own text index where it has a jena-text one, else by reading every label of the store
 * ({@link RemoteLabelLookup}).
 */
public final class ExternalShapes {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalShapes.class);
    /** At most this many patterns are asked ahead of a check (a few queries' worth). */
    static final int MAX_RECURRING = 400;
    static final int CHECKS_REMEMBERED = 8;
    /**
     * The entailed closures, read only where a shape names them: a concept near the top of a hierarchy has tens of
     * thousands of them, which a read of all its statements would otherwise carry for nothing.
     */
    private static final Set<Node> CLOSURES = Set.of(SKOS.broaderTransitive.asNode(), SKOS.narrowerTransitive.asNode());
    private static final Set<Node> LABELS = Set.of(SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode());

    private final RemoteSparqlService remote;
    private final ResourceShapes shapes;
    private final RemoteLabelLookup labelLookup;
    /**
     * What the last checks read from the store (mostly the schema's terms: a class's super-classes, a property's
     * declarations): a pattern read by two of the last {@link #CHECKS_REMEMBERED} is asked together with the resources'
     * own statements at the start of the next check, instead of one query each as the shapes meet it. Only which
     * patterns to ask is kept, never their answers.
     */
    private final Deque<Set<Quad>> lastReads = new ArrayDeque<>();
    private final AtomicLong queries = new AtomicLong();

    /** {@code dialect}: the store's search dialect, which says whether its text index can find a label's twins. */
    public ExternalShapes(RemoteSparqlService remote, ResourceShapes shapes, Supplier<SearchDialect> dialect) {
        this.remote = remote;
        this.shapes = shapes;
        this.labelLookup = new RemoteLabelLookup(remote, dialect);
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
        RemoteQuads store = RemoteQuads.readingWholeSubjects(remote, LG.ENTAILMENT_GRAPH, CLOSURES);
        // What the shapes read first, in one query: the statements of the resources, from and to them.
        List<Quad> near = new ArrayList<>();
        resources.forEach(r -> {
            near.add(Quad.create(Node.ANY, r, Node.ANY, Node.ANY));
            near.add(Quad.create(Node.ANY, Node.ANY, Node.ANY, r));
        });
        List<Quad> first = new ArrayList<>(near);
        first.addAll(recurring());
        store.prefetch(first);
        List<Quad> added = new ArrayList<>(change.added());
        added.addAll(derived.added());
        List<Quad> deleted = new ArrayList<>(change.deleted());
        deleted.addAll(derived.deleted());
        Graph after = StoreWithChange.union(store, added, deleted);
        InPlayLabels labels = new InPlayLabels(labelLookup, change, derived);
        List<Finding> introduced = ChangeShapes.introduced(shapes, after,
                () -> StoreWithChange.union(store, List.of(), List.of()), resources, labels);
        remember(store.read());
        queries.addAndGet(store.queries());
        LOG.debug("Shapes on a change of {} resources: {} violations introduced ({} queries, {} label look-ups, {} ms)",
                resources.size(), introduced.size(), store.queries(), labels.lookUps,
                (System.nanoTime() - started) / 1_000_000);
        if (!introduced.isEmpty()) {
            throw new ChangeShapes.Refused(introduced);
        }
    }

    /** How many queries of the store's statements the checks have sent so far (label look-ups aside). */
    public long queries() {
        return queries.get();
    }

    /** The patterns that two of the last checks read, at most {@link #MAX_RECURRING}. */
    private synchronized List<Quad> recurring() {
        Map<Quad, Integer> times = new HashMap<>();
        lastReads.forEach(read -> read.forEach(q -> times.merge(q, 1, Integer::sum)));
        return times.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).limit(MAX_RECURRING).toList();
    }

    private synchronized void remember(Set<Quad> read) {
        lastReads.addLast(read);
        if (lastReads.size() > CHECKS_REMEMBERED) {
            lastReads.removeFirst();
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

        /** How many times this check asked the store (a shared count would mix in other checks running at once). */
        private int lookUps;

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
                lookUps++;
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
