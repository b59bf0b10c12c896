package org.labourgraph.render;

import java.util.ArrayList;
import java.util.List;
import org.labourgraph.model.Person;

/** BibTeX for one item; braces and backslashes in values are escaped so that no value can end its field. */
final class BibTeX {
    private BibTeX() {}

    static String write(CitationFields f) {
        String type = switch (f.kind()) {
            case "book" -> "book";
            default -> "misc";
        };
        StringBuilder b = new StringBuilder("@").append(type).append('{').append(key(f)).append(",\n");
        field(b, "title", f.title());
        List<String> names = new ArrayList<>();
        for (Person p : f.authors()) {
            names.add(p.family().isEmpty() ? "{" + escape(p.name()) + "}" : escape(p.family()) + ", " + escape(p.given()));
        }
        if (!names.isEmpty()) {
            b.append("  author = {").append(String.join(" and ", names)).append("},\n");
        }
        field(b, "year", f.year());
        field(b, "date", f.date());
        field(b, "publisher", f.publisher());
        field(b, "howpublished", f.container());
        field(b, "url", f.url());
        field(b, "note", f.status());
        field(b, "isbn", f.isbn());
        field(b, "doi", f.doi());
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append("  ").append(name).append(" = {").append(escape(value)).append("},\n");
        }
    }

    static String key(CitationFields f) {
        String family = f.authors().isEmpty() ? "anon" : (f.authors().get(0).family().isEmpty()
                ? f.authors().get(0).name() : f.authors().get(0).family());
        return (family + (f.year().isEmpty() ? "nd" : f.year())).replaceAll("[^A-Za-z0-9]", "");
    }

    static String escape(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}");
    }
}
