package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.List;

/**
 * The letters of the A–Z index and the rule that files a label under one: its first letter once accents, case,
 * leading spaces and punctuation are folded away ("Écologie" under E); anything else under "#".
 */
public final class IndexLetters {
    private IndexLetters() {}

    /** "#" (labels that start with no Latin letter) then A to Z. */
    public static final List<String> ALL;

    static {
        List<String> letters = new ArrayList<>();
        letters.add("#");
        for (char l = 'A'; l <= 'Z'; l++) {
            letters.add(String.valueOf(l));
        }
        ALL = List.copyOf(letters);
    }

    /** The letter a label is filed under: "A" to "Z", or "#". */
    public static String of(String label) {
        String folded = SearchRanking.fold(label);
        char c = folded.isEmpty() ? '#' : Character.toUpperCase(folded.charAt(0));
        return c >= 'A' && c <= 'Z' ? String.valueOf(c) : "#";
    }
}
