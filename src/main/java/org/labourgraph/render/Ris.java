package org.labourgraph.render;

import org.labourgraph.model.Person;

/** RIS for one item (one tag per line; line breaks in values are flattened so no value starts a tag). */
final class Ris {
    private Ris() {}

    static String write(CitationFields f) {
        StringBuilder b = new StringBuilder();
        line(b, "TY", switch (f.kind()) {
            case "book" -> "BOOK";
            case "post", "note" -> "BLOG";
            default -> "GEN";
        });
        line(b, "TI", f.title());
        for (Person p : f.authors()) {
            line(b, "AU", p.family().isEmpty() ? p.name() : p.family() + ", " + p.given());
        }
        line(b, "PY", f.year());
        line(b, "DA", f.date().replace('-', '/'));
        line(b, "PB", f.publisher());
        line(b, "T2", f.container());
        line(b, "UR", f.url());
        line(b, "N1", f.status());
        line(b, "SN", f.isbn());
        line(b, "DO", f.doi());
        return b.append("ER  - \n").toString();
    }

    private static void line(StringBuilder b, String tag, String value) {
        if (value != null && !value.isEmpty()) {
            b.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append('\n');
        }
    }
}
