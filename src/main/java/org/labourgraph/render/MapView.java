package org.labourgraph.render;

import java.util.List;

/**
 * A node-link picture laid out on the server: nodes with positions and label offsets, edges as lines.
 * {@code role} is "centre", "broader", "narrower", "related", "top", "tier" or "concept"; edge {@code kind}
 * is "broader" or "related".
 */
public record MapView(int width, int height, String title, String caption, List<Node> nodes, List<Edge> edges) {
    public MapView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public record Node(String iri, String label, int x, int y, int dx, int dy, String anchor, String role) {}

    public record Edge(int x1, int y1, int x2, int y2, String kind) {}
}
