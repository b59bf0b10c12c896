package org.labourgraph.model;

/**
 * A piece of text in a language: {@code fallback} is true when the page asked for another language and
 * this text is shown because the asked one is missing (pages mark it).
 */
public record Text(String value, String lang, boolean fallback) {
    public static Text plain(String value) {
        return new Text(value, "", false);
    }
}
