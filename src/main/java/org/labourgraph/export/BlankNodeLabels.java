package org.labourgraph.export;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * How the dumps write the store's blank-node labels, and back. Jena's labels may hold characters no syntax allows, so a
 * label that is not letters and digits (starting with a letter) is written as {@code b} and its UTF-8 in hex; a copy
 * that reads a dump (the mirror) turns them back, so that the source's later patches name the same nodes.
 */
public final class BlankNodeLabels {
    private static final String PLAIN = "[A-Za-z][A-Za-z0-9]*";

    private BlankNodeLabels() {}

    /** The label as a dump writes it. */
    public static String dumped(String label) {
        return label.matches(PLAIN) ? label : "b" + HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8));
    }

    /** The store's label of a label read from a dump (the inverse of {@link #dumped}). */
    public static String original(String dumped) {
        if (dumped.matches("b([0-9a-f]{2})+")) {
            String decoded = new String(HexFormat.of().parseHex(dumped.substring(1)), StandardCharsets.UTF_8);
            if (!decoded.matches(PLAIN) && dumped(decoded).equals(dumped)) {
                return decoded;
            }
        }
        return dumped;
    }
}
