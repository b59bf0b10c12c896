package org.labourgraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation on an Accept header with q-values: the variant the client weighs highest; on a tie
 * the server's order (HTML first, then Turtle …). Empty when the client accepts none of them (406).
 */
final class Conneg {
    private Conneg() {}

    private record Range(String type, String subtype, double q, int specificity) {}

    static Optional<Variant> choose(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(Variant.HTML);
        }
        List<Range> ranges = parse(accept);
        Variant best = null;
        double bestQ = 0;
        for (Variant v : Variant.values()) {
            double q = quality(v, ranges);
            if (q > bestQ) {
                best = v;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The q of the most specific range matching the variant (text/html also answers application/xhtml+xml). */
    private static double quality(Variant v, List<Range> ranges) {
        double q = 0;
        int spec = -1;
        for (String mt : v == Variant.HTML ? List.of(v.mediaType, "application/xhtml+xml")
                : v == Variant.NTRIPLES ? List.of(v.mediaType, "text/plain") : List.of(v.mediaType)) {
            String[] parts = mt.split("/");
            for (Range r : ranges) {
                boolean match = (r.type.equals("*") || r.type.equals(parts[0])) && (r.subtype.equals("*") || r.subtype.equals(parts[1]));
                // text/plain only counts when asked for by name, and a wildcard never picks N-Triples over HTML.
                if (match && mt.equals("text/plain") && r.specificity < 2) {
                    match = false;
                }
                if (match && r.specificity > spec) {
                    spec = r.specificity;
                    q = r.q;
                } else if (match && r.specificity == spec) {
                    q = Math.max(q, r.q);
                }
            }
        }
        return q;
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        for (String item : accept.split(",")) {
            String[] params = item.trim().split(";");
            String[] mt = params[0].trim().toLowerCase(Locale.ROOT).split("/");
            if (mt.length != 2 || mt[0].isEmpty() || mt[1].isEmpty()) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].trim())));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            int specificity = mt[0].equals("*") ? 0 : mt[1].equals("*") ? 1 : 2;
            out.add(new Range(mt[0], mt[1], q, specificity));
        }
        return out;
    }
}
