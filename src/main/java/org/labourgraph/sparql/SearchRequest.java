package org.labourgraph.sparql;

import java.util.Locale;
import java.util.Optional;

/**
 * A validated search: the user's text, an optional language filter (fr, en, or any) and a result cap.
 * Invalid input is refused here with a message that says what to send instead.
 */
public record SearchRequest(String text, Optional<String> language, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_TEXT_LENGTH = 200;

    public SearchRequest {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Parameter 'q' is required: the text to search for, e.g. q=travail fantome");
        }
        text = text.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("Parameter 'q' is too long (" + text.length() + " characters): send at most "
                    + MAX_TEXT_LENGTH + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Parameter 'limit' must be between 1 and " + MAX_LIMIT + " (got " + limit + ").");
        }
    }

    /** Parses the HTTP parameters; {@code lang} may be null, empty or "any" for no filter. */
    public static SearchRequest of(String q, String lang, String limit) {
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Parameter 'limit' must be a whole number between 1 and " + MAX_LIMIT
                        + " (got '" + limit + "').");
            }
        }
        return new SearchRequest(q, parseLanguage(lang), n);
    }

    private static Optional<String> parseLanguage(String lang) {
        if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("any")) {
            return Optional.empty();
        }
        String l = lang.strip().toLowerCase(Locale.ROOT);
        if (!l.equals("fr") && !l.equals("en")) {
            throw new IllegalArgumentException("Parameter 'lang' must be fr, en or any (got '" + lang + "').");
        }
        return Optional.of(l);
    }
}
