package org.labourgraph.web.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static HTML template resource with {@code {{name}}} placeholders, each filled with an HTML-escaped value,
 * and {@code {{{name}}}} placeholders for fragments that were themselves rendered from a template. No HTML is
 * written in Java: the markup is in the .html resources beside this class.
 */
final class HtmlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\{?)([a-zA-Z][a-zA-Z0-9]*)\\}?\\}\\}");
    private final String name;
    private final String text;

    private HtmlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static HtmlTemplate load(String resource) {
        try (InputStream in = HtmlTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Template " + resource + " is missing from the classpath");
            }
            return new HtmlTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rendered fragment, inserted as is by a {@code {{{name}}}} placeholder. */
    record Html(String markup) {}

    /** Fills the placeholders; a missing value is a programming error, reported with the template's name. */
    Html render(Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean raw = !m.group(1).isEmpty();
            Object v = values.get(m.group(2));
            if (v == null) {
                throw new IllegalArgumentException("Template " + name + " needs a value for '" + m.group(2) + "'");
            }
            String filled;
            if (raw) {
                if (!(v instanceof Html html)) {
                    throw new IllegalArgumentException("Template " + name + ": '" + m.group(2) + "' must be rendered HTML");
                }
                filled = html.markup();
            } else {
                filled = escape(v instanceof Html h ? h.markup() : v.toString());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        m.appendTail(out);
        return new Html(out.toString());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
