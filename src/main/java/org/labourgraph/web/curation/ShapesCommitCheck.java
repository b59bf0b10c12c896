package org.labourgraph.web.curation;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Delta;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.sparql.LabelIndexLookup;
import org.labourgraph.validate.ChangeShapes;
import org.labourgraph.validate.Finding;
import org.labourgraph.validate.LabelLookup;
import org.labourgraph.validate.ResourceShapes;

/**
 * The shapes, run on the resources a curator's change touches, inside its write transaction and before it commits
 * (after the entailments are refreshed, so the shapes see what the store will serve). A violation the change
 * introduces (one the same resources did not have before it) refuses the whole change, reported the way its channel
 * reports a bad request: SPARQL Update and the Graph Store Protocol answer 400 with the report as text (ASCII:
 * Fuseki's error pages), resource edits 400 with JSON and text.
 */
public final class ShapesCommitCheck implements RecordingDataset.PreCommit {
    private final ResourceShapes shapes;
    private final Duration timeout;

    public ShapesCommitCheck(ResourceShapes shapes, Duration timeout) {
        this.shapes = shapes;
        this.timeout = timeout;
    }

    @Override
    public void beforeCommit(DatasetGraph store, RecordingDataset.ChangeSet changes, Attribution who) {
        if (!who.channel().checked()) {
            return;
        }
        Set<Node> resources = changes.subjects();
        if (resources.isEmpty()) {
            return;
        }
        // Whether a label names another concept too is asked of the text index: one look-up per label, not a scan.
        LabelLookup labelIndex = new LabelIndexLookup(store, timeout);
        List<Finding> violations = ChangeShapes.introduced(shapes, store.getUnionGraph(), () -> beforeChange(store, changes),
                resources, labelIndex);
        if (violations.isEmpty()) {
            return;
        }
        String text = ChangeShapes.report(violations);
        throw switch (who.channel()) {
            case UPDATE -> new QueryBuildException(ascii(text));
            case GRAPH_STORE -> new ActionErrorException(400, ascii(text), null);
            default -> new ChangeRefusedException(violations, text);
        };
    }

    /**
     * The union graph as it was before the change, seen through it: the change's added statements taken away (unless
     * another graph states them too) and its removed ones put back. The entailments are those after the change.
     */
    private static Graph beforeChange(DatasetGraph store, RecordingDataset.ChangeSet changes) {
        Delta before = new Delta(store.getUnionGraph());
        changes.deleted().forEach(q -> before.add(q.asTriple()));
        for (Quad q : changes.added()) {
            boolean statedElsewhere = store.stream(Node.ANY, q.getSubject(), q.getPredicate(), q.getObject())
                    .anyMatch(other -> !other.getGraph().equals(q.getGraph()) && !changes.added().contains(other));
            if (!statedElsewhere) {
                before.delete(q.asTriple());
            }
        }
        return before;
    }

    /** Fuseki writes error messages as if one char were one byte: keep them ASCII. */
    static String ascii(String text) {
        String plain = Normalizer.normalize(text.replace('\u201c', '"').replace('\u201d', '"').replace('\u2014', '-')
                .replace('\u2019', '\''), Normalizer.Form.NFD);
        return plain.replaceAll("\\p{M}", "").replaceAll("[^\\x09\\x0A\\x0D\\x20-\\x7E]", "?");
    }
}
