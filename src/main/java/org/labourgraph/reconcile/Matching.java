package org.labourgraph.reconcile;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Text comparison for reconciliation: accents, case and punctuation folded; whole names, main titles, shared words. */
final class Matching {
    private Matching() {}

    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}’‘«»“”·]+", " ").strip();
    }

    static Set<String> words(String s) {
        String f = fold(s);
        return f.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(f.split(" ")));
    }

    /** The main title of "Title: Subtitle" (or the whole text). */
    static String mainTitle(String title) {
        int colon = title.indexOf(':');
        return colon > 0 ? title.substring(0, colon) : title;
    }

    /** Dice coefficient of the two word sets: 1 for the same words, 0 for none in common. */
    static double wordSimilarity(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        long common = wa.stream().filter(wb::contains).count();
        return 2.0 * common / (wa.size() + wb.size());
    }

    /** True when each word typed is a word of the name or the initial of one ("Neff", "G. Neff" for "Gina Neff"). */
    static boolean partOfName(String name, String typed) {
        Set<String> have = words(name);
        Set<String> want = words(typed);
        return !want.isEmpty() && want.size() < have.size() + 1 && want.stream().allMatch(w -> have.contains(w)
                || (w.length() == 1 && have.stream().anyMatch(h -> h.startsWith(w))));
    }

    /** True when every word of {@code wanted} occurs in {@code text} ("Neff" in "Gina Neff"). */
    static boolean containsWords(String text, String wanted) {
        Set<String> w = words(wanted);
        return !w.isEmpty() && words(text).containsAll(w);
    }
}
