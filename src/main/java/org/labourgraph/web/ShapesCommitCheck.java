package org.labourgraph.web;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.validate.Finding;
import org.labourgraph.validate.ResourceShapes;

/**
 * The shapes, run on the resources a curator's change touches, inside its write transaction and before it commits
 * (after the entailments are refreshed, so the shapes see what the store will serve). A violation refuses the whole
 * change, reported the way its channel reports a bad request: SPARQL Update and the Graph Store Protocol answer 400
 * with the report as text (ASCII: Fuseki's error pages), resource edits 400 with JSON and text.
 */
final class ShapesCommitCheck implements RecordingDataset.PreCommit {
    private final ResourceShapes shapes;

    ShapesCommitCheck(ResourceShapes shapes) {
        this.shapes = shapes;
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
        List<Finding> violations = shapes.check(store.getUnionGraph(), resources).stream()
                .filter(f -> !f.message().startsWith("[")) // "[Warning] …", "[Info] …": reported by validate, not refused
                .toList();
        if (violations.isEmpty()) {
            return;
        }
        String text = report(violations);
        throw switch (who.channel()) {
            case UPDATE -> new QueryBuildException(ascii(text));
            case GRAPH_STORE -> new ActionErrorException(400, ascii(text), null);
            default -> new ChangeRefusedException(violations, text);
        };
    }

    static String report(List<Finding> violations) {
        StringBuilder b = new StringBuilder("The change was refused: ").append(violations.size())
                .append(violations.size() == 1 ? " violation" : " violations").append(" of the shapes (ontology/shapes.ttl).")
                .append(" Nothing was written.\n");
        violations.forEach(f -> b.append("  ").append(f).append('\n'));
        return b.toString();
    }

    /** Fuseki writes error messages as if one char were one byte: keep them ASCII. */
    static String ascii(String text) {
        String plain = Normalizer.normalize(text.replace('\u201c', '"').replace('\u201d', '"').replace('\u2014', '-')
                .replace('\u2019', '\''), Normalizer.Form.NFD);
        return plain.replaceAll("\\p{M}", "").replaceAll("[^\\x09\\x0A\\x0D\\x20-\\x7E]", "?");
    }
}
