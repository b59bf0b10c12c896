package org.labourgraph.model;

import java.util.List;

/**
 * A concept in the hierarchy with its narrower concepts as far as they are shown; {@code tier} is its tier's rank
 * (0 when none); {@code more} says it has narrower concepts not shown here (its branch page shows them).
 */
public record TreeNode(String iri, Text label, int tier, boolean facet, List<TreeNode> children, boolean more) {
    public TreeNode {
        children = List.copyOf(children);
    }

    /** How many concepts the shown subtree holds, itself included. */
    public int size() {
        return 1 + children.stream().mapToInt(TreeNode::size).sum();
    }
}
