package org.labourgraph.render;

import java.util.ArrayList;
import java.util.List;
import org.labourgraph.model.ResourceView;
import org.labourgraph.model.Terms;
import org.labourgraph.model.TreeNode;
import org.labourgraph.model.Value;

/** Lays out concept maps: a concept's neighbourhood on a circle, and the whole scheme as a left-to-right tree. */
public final class ConceptMaps {
    private ConceptMaps() {}

    private static final int COLUMN = 250;
    private static final int ROW = 30;

    /** The concept in the middle; broader above, narrower below, related to the sides. */
    public static MapView neighbourhood(ResourceView v, Ui ui) {
        List<Value> broader = v.values(Terms.BROADER);
        List<Value> narrower = v.values(Terms.NARROWER);
        List<Value> related = v.values(Terms.RELATED);
        int width = 1000;
        int height = 440;
        int cx = width / 2;
        int cy = height / 2;
        List<MapView.Node> nodes = new ArrayList<>();
        List<MapView.Edge> edges = new ArrayList<>();
        nodes.add(new MapView.Node(v.iri(), v.label().value(), cx, cy, 0, -16, "middle", "centre"));
        place(broader, "broader", cx, cy, 200, 150, Math.toRadians(-150), Math.toRadians(-30), nodes, edges);
        place(narrower, "narrower", cx, cy, 200, 150, Math.toRadians(30), Math.toRadians(150), nodes, edges);
        place(related, "related", cx, cy, 260, 190, Math.toRadians(-35), Math.toRadians(35), nodes, edges, true);
        return new MapView(width, height, ui.t("map.neighbourhood", v.label().value()), ui.t("map.legend"), nodes, edges);
    }

    private static void place(List<Value> values, String role, int cx, int cy, int rx, int ry, double from, double to,
                              List<MapView.Node> nodes, List<MapView.Edge> edges) {
        place(values, role, cx, cy, rx, ry, from, to, nodes, edges, false);
    }

    /** Spreads values over an arc; related concepts alternate between the right and the left arc. */
    private static void place(List<Value> values, String role, int cx, int cy, int rx, int ry, double from, double to,
                              List<MapView.Node> nodes, List<MapView.Edge> edges, boolean bothSides) {
        int n = values.size();
        for (int i = 0; i < n; i++) {
            Value val = values.get(i);
            double t;
            boolean left = bothSides && i % 2 == 1;
            int k = bothSides ? i / 2 : i;
            int count = bothSides ? (left ? n / 2 : (n + 1) / 2) : n;
            t = count <= 1 ? (from + to) / 2 : from + (to - from) * k / (count - 1);
            double angle = left ? Math.PI - t : t;
            int x = (int) Math.round(cx + rx * Math.cos(angle));
            int y = (int) Math.round(cy + ry * Math.sin(angle));
            String anchor = x < cx - 20 ? "end" : x > cx + 20 ? "start" : "middle";
            int dx = anchor.equals("end") ? -10 : anchor.equals("start") ? 10 : 0;
            int dy = anchor.equals("middle") ? (y < cy ? -12 : 20) : 4;
            nodes.add(new MapView.Node(val.iri(), val.display(), x, y, dx, dy, anchor, role));
            edges.add(new MapView.Edge(cx, cy, x, y, role.equals("related") ? "related" : "broader"));
        }
    }

    /** The whole scheme: each depth a column, each leaf a row, a parent level with the middle of its children. */
    public static MapView scheme(List<TreeNode> roots, Ui ui) {
        List<MapView.Node> nodes = new ArrayList<>();
        List<MapView.Edge> edges = new ArrayList<>();
        int[] row = {0};
        int[] depth = {0};
        for (TreeNode r : roots) {
            layout(r, 0, row, depth, nodes, edges);
        }
        int width = 40 + (depth[0] + 1) * COLUMN + 60;
        int height = 40 + row[0] * ROW;
        return new MapView(width, height, ui.t("map.scheme"), ui.t("map.legend"), nodes, edges);
    }

    private static int layout(TreeNode t, int d, int[] row, int[] depth, List<MapView.Node> nodes, List<MapView.Edge> edges) {
        depth[0] = Math.max(depth[0], d);
        int x = 30 + d * COLUMN;
        int y;
        List<int[]> kids = new ArrayList<>();
        if (t.children().isEmpty()) {
            y = 30 + row[0]++ * ROW;
        } else {
            int sum = 0;
            for (TreeNode c : t.children()) {
                int cy = layout(c, d + 1, row, depth, nodes, edges);
                kids.add(new int[] {30 + (d + 1) * COLUMN, cy});
                sum += cy;
            }
            y = sum / t.children().size();
        }
        for (int[] k : kids) {
            edges.add(new MapView.Edge(x, y, k[0], k[1], t.facet() ? "member" : "broader"));
        }
        String role = t.facet() ? "collection" : d == 0 ? "top" : t.tier() > 0 ? "tier" : "concept";
        nodes.add(new MapView.Node(t.iri(), t.label().value(), x, y, 10, -6, "start", role));
        return y;
    }
}
