package org.labourgraph.web.interop;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the offered media type a client prefers from its Accept header (RFC 9110 §12.5.1): highest q first,
 * then the most specific range, then the server's order of offers. No Accept header means the first offer.
 */
final class Conneg {
    private Conneg() {}

    static Optional<String> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.get(0));
        }
        String best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (String offer : offers) {
            double q = -1;
            int specificity = -1;
            for (String part : accept.split(",")) {
                String[] params = part.strip().split(";");
                String range = params[0].strip().toLowerCase(Locale.ROOT);
                double rangeQ = 1.0;
                for (int i = 1; i < params.length; i++) {
                    String p = params[i].strip();
                    if (p.startsWith("q=")) {
                        try {
                            rangeQ = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            rangeQ = 0;
                        }
                    }
                }
                int s = range.equals(offer) ? 2 : range.equals(offer.substring(0, offer.indexOf('/')) + "/*") ? 1
                        : range.equals("*/*") ? 0 : -1;
                if (s > specificity) {
                    specificity = s;
                    q = rangeQ;
                }
            }
            if (specificity >= 0 && q > 0 && (q > bestQ || (q == bestQ && specificity > bestSpecificity))) {
                best = offer;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }
}
