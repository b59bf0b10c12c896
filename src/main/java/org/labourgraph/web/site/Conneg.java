package org.labourgraph.web.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The site's one content negotiation (RFC 9110 §12.5.1), for resource documents ({@link #choose(String)}) and for the
 * interop services' offers ({@link #choose(String, List)}): each offer takes the q of the most specific range that
 * matches it; the offer with the highest q wins, then the one matched by the more specific range, then the server's
 * order. No Accept header means the first offer; an offer no range accepts (or only with q=0) is never chosen (406).
 */
public final class Conneg {
    private Conneg() {}

    private record Range(String type, String subtype, double q, int specificity) {
        boolean matches(String mediaType) {
            int slash = mediaType.indexOf('/');
            return (type.equals("*") || type.equals(mediaType.substring(0, slash)))
                    && (subtype.equals("*") || subtype.equals(mediaType.substring(slash + 1)));
        }
    }

    /** How a client's ranges weigh one offer: the q of the most specific matching range, and that specificity. */
    private record Weight(double q, int specificity) {
        static final Weight NONE = new Weight(0, -1);

        boolean beats(Weight other) {
            return q > other.q || (q == other.q && specificity > other.specificity);
        }
    }

    /** The offered media type the client prefers. */
    public static Optional<String> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.get(0));
        }
        List<Range> ranges = parse(accept);
        String best = null;
        Weight bestWeight = Weight.NONE;
        for (String offer : offers) {
            Weight w = weight(offer, ranges, 0);
            if (w.q() > 0 && w.beats(bestWeight)) {
                best = offer;
                bestWeight = w;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The document variant the client prefers. {@code text/html} also answers {@code application/xhtml+xml}; N-Triples
     * also answers {@code text/plain}, but only when the client names it (a wildcard never picks N-Triples over HTML).
     */
    public static Optional<Variant> choose(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(Variant.HTML);
        }
        List<Range> ranges = parse(accept);
        Variant best = null;
        Weight bestWeight = Weight.NONE;
        for (Variant v : Variant.values()) {
            Weight w = weight(v.mediaType, ranges, 0);
            Weight alias = v == Variant.HTML ? weight("application/xhtml+xml", ranges, 0)
                    : v == Variant.NTRIPLES ? weight("text/plain", ranges, 2) : Weight.NONE;
            if (alias.beats(w)) {
                w = alias;
            }
            if (w.q() > 0 && w.beats(bestWeight)) {
                best = v;
                bestWeight = w;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The weight of one media type: the most specific matching range of at least {@code minSpecificity} decides. */
    private static Weight weight(String mediaType, List<Range> ranges, int minSpecificity) {
        Weight w = Weight.NONE;
        for (Range r : ranges) {
            if (r.specificity() < minSpecificity || !r.matches(mediaType)) {
                continue;
            }
            if (r.specificity() > w.specificity()) {
                w = new Weight(r.q(), r.specificity());
            } else if (r.specificity() == w.specificity()) {
                w = new Weight(Math.max(w.q(), r.q()), r.specificity());
            }
        }
        return w;
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
