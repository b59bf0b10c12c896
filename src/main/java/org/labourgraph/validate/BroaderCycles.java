package org.labourgraph.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;

/**
 * Turns the hierarchical links that lie on cycles into readable cycles, one per tangle of linked
 * concepts: each is the shortest loop from the tangle's first concept (by IRI) back to itself.
 */
final class BroaderCycles {
    private static final Comparator<Node> BY_IRI = Comparator.comparing(NodeLabels::focusOf);

    private final Map<Node, Set<Node>> broaderOf = new TreeMap<>(BY_IRI);

    void addLink(Node concept, Node broader) {
        broaderOf.computeIfAbsent(concept, k -> new LinkedHashSet<>()).add(broader);
    }

    List<List<Node>> cycles() {
        List<List<Node>> cycles = new ArrayList<>();
        Set<Node> reported = new java.util.HashSet<>();
        for (Node start : broaderOf.keySet()) {
            if (reported.add(start)) {
                List<Node> cycle = shortestLoop(start);
                reported.addAll(tangleOf(start));
                cycles.add(cycle);
            }
        }
        return cycles;
    }

    /** Breadth-first from the start's broader concepts back to the start: the loop's members in order. */
    private List<Node> shortestLoop(Node start) {
        Map<Node, Node> cameFrom = new HashMap<>();
        Deque<Node> queue = new ArrayDeque<>();
        for (Node next : broaderOf.getOrDefault(start, Set.of())) {
            if (next.equals(start)) {
                return List.of(start);
            }
            if (cameFrom.putIfAbsent(next, start) == null) {
                queue.add(next);
            }
        }
        while (!queue.isEmpty()) {
            Node current = queue.poll();
            for (Node next : broaderOf.getOrDefault(current, Set.of())) {
                if (next.equals(start)) {
                    return pathTo(current, cameFrom, start);
                }
                if (cameFrom.putIfAbsent(next, current) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of(start); // not reached: every link given lies on a cycle
    }

    private static List<Node> pathTo(Node last, Map<Node, Node> cameFrom, Node start) {
        List<Node> reversed = new ArrayList<>();
        for (Node at = last; !at.equals(start); at = cameFrom.get(at)) {
            reversed.add(at);
        }
        reversed.add(start);
        List<Node> path = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return path;
    }

    /** Every concept linked to the start through cycle links, either way. */
    private Set<Node> tangleOf(Node start) {
        Map<Node, Set<Node>> undirected = new LinkedHashMap<>();
        broaderOf.forEach((concept, broaders) -> broaders.forEach(broader -> {
            undirected.computeIfAbsent(concept, k -> new LinkedHashSet<>()).add(broader);
            undirected.computeIfAbsent(broader, k -> new LinkedHashSet<>()).add(concept);
        }));
        Set<Node> seen = new LinkedHashSet<>(List.of(start));
        Deque<Node> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            for (Node next : undirected.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
