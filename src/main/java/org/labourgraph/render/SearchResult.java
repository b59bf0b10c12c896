package org.labourgraph.render;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labourgraph.model.SearchHit;

/** A search hit with its matched text cut into plain and highlighted pieces (accents and case folded). */
public record SearchResult(SearchHit hit, List<Segment> segments) {
    public record Segment(String text, boolean mark) {}

    public static SearchResult of(SearchHit hit, String query) {
        String text = hit.matchedText() == null ? "" : hit.matchedText();
        // Fold character by character so that positions in the folded text are positions in the original.
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            folded.append(fold(text.charAt(i)));
        }
        boolean[] marked = new boolean[text.length()];
        for (String word : query.split("\\s+")) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                w.append(fold(word.charAt(i)));
            }
            if (w.length() < 2) {
                continue;
            }
            int from = 0;
            int at;
            while ((at = folded.indexOf(w.toString(), from)) >= 0) {
                for (int k = at; k < at + w.length(); k++) {
                    marked[k] = true;
                }
                from = at + w.length();
            }
        }
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                out.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return new SearchResult(hit, out);
    }

    private static char fold(char c) {
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.isEmpty() ? c : d.toLowerCase(Locale.ROOT).charAt(0);
    }
}
