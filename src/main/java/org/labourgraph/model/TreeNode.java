package org.labourgraph.model;

import java.util.List;

/** A concept in the hierarchy with its narrower concepts; {@code tier} is its tier's rank (0 when none). */
public record TreeNode(String iri, Text label, int tier, boolean facet, List<TreeNode> children) {
    public TreeNode {
        children = List.copyOf(children);
    }

    /** How many concepts this subtree holds, itself included. */
    public int size() {
        return 1 + children.stream().mapToInt(TreeNode::size).sum();
    }
}
