package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The letters of the A–Z index and the rule that files a label under one: its first letter once accents, case,
 * leading spaces and punctuation are folded away ("Écologie" under E); anything else under "#". Each letter also
 * has a regular expression of its forms, so that the index query brings back only that letter's rows.
 */
public final class IndexLetters {
    private IndexLetters() {}

    /** "#" (labels that start with no Latin letter) then A to Z. */
    public static final List<String> ALL;
    private static final Map<String, String> PATTERNS = new LinkedHashMap<>();

    static {
        Map<String, StringBuilder> forms = new LinkedHashMap<>();
        for (char l = 'A'; l <= 'Z'; l++) {
            forms.put(String.valueOf(l), new StringBuilder());
        }
        StringBuilder allForms = new StringBuilder();
        // Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional: every form that folds to A–Z.
        for (int c = 0x20; c <= 0x1EFF; c++) {
            if (c > 0x24F && c < 0x1E00 || !Character.isLetter(c)) {
                continue;
            }
            String letter = of(String.valueOf((char) c));
            if (forms.containsKey(letter)) {
                forms.get(letter).append((char) c);
                allForms.append((char) c);
            }
        }
        String lead = "^[\\s\\p{Punct}]*";
        PATTERNS.put("#", lead + "[^\\s\\p{Punct}" + allForms + "]");
        forms.forEach((l, f) -> PATTERNS.put(l, lead + "[" + f + "]"));
        ALL = List.copyOf(new ArrayList<>(PATTERNS.keySet()));
    }

    /** The letter a label is filed under: "A" to "Z", or "#". */
    public static String of(String label) {
        String folded = SearchRanking.fold(label);
        char c = folded.isEmpty() ? '#' : Character.toUpperCase(folded.charAt(0));
        return c >= 'A' && c <= 'Z' ? String.valueOf(c) : "#";
    }

    /** A regular expression (Java syntax, as ARQ's REGEX) matching the labels filed under {@code letter}. */
    static String pattern(String letter) {
        return PATTERNS.get(letter);
    }
}
