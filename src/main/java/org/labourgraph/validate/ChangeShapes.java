package org.labourgraph.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * The shapes as a curator's change meets them, wherever the store is: the violations a change introduces on the
 * resources it touches (those the same resources did not have before it), so that a resource imported with problems
 * of its own stays editable, and the report that refuses the change.
 */
public final class ChangeShapes {
    private ChangeShapes() {}

    /** A change the shapes refuse: {@link #getMessage()} is the report ({@link #report}). */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Finding> findings;

        public Refused(List<Finding> findings) {
            super(report(findings));
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    /**
     * The violations of {@code resources} in {@code after} that {@code before} (read only when there are some) does not
     * have. Warnings and notes ({@code [Warning] …}) are for {@code validate}, never a reason to refuse.
     */
    public static List<Finding> introduced(ResourceShapes shapes, Graph after, Supplier<Graph> before, Set<Node> resources,
                                           LabelLookup labels) {
        List<Finding> now = violations(shapes, after, resources, labels);
        if (now.isEmpty()) {
            return now;
        }
        Set<Finding> earlier = new HashSet<>(violations(shapes, before.get(), resources, labels));
        return now.stream().filter(f -> !earlier.contains(f)).toList();
    }

    private static List<Finding> violations(ResourceShapes shapes, Graph data, Set<Node> resources, LabelLookup labels) {
        return shapes.check(data, resources, labels).stream().filter(f -> !f.message().startsWith("[")).toList();
    }

    /** What a refused change is told: how many violations, that nothing was written, and each one on its line. */
    public static String report(List<Finding> violations) {
        StringBuilder b = new StringBuilder("The change was refused: ").append(violations.size())
                .append(violations.size() == 1 ? " violation" : " violations").append(" of the shapes (ontology/shapes.ttl).")
                .append(" Nothing was written.\n");
        violations.forEach(f -> b.append("  ").append(f).append('\n'));
        return b.toString();
    }
}
