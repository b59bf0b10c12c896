package org.labourgraph.render;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.labourgraph.model.Person;
import org.labourgraph.model.ResourceKind;
import org.labourgraph.model.ResourceView;
import org.labourgraph.model.Terms;
import org.labourgraph.model.Value;

/**
 * Citations of a work or note: APA and Chicago author-date text from citeproc-java with the official CSL
 * styles, CSL-JSON from the same item, and BibTeX and RIS written from the same fields.
 */
public final class Citations {
    /** A DOI given as a link (schema:sameAs) is the DOI after this resolver's address. */
    static final String DOI_RESOLVER = "https://doi.org/";

    private Citations() {}

    public static CitationSet of(CitationFields f) {
        CSLItemData item = item(f);
        return new CitationSet(format("apa", item), format("chicago-author-date", item), BibTeX.write(f), Ris.write(f),
                "[" + item.toJson(new StringJsonBuilderFactory().createJsonBuilder()) + "]", f);
    }

    /**
     * The fields of a work or note page's resource, or null when the resource is neither. A book is cited
     * without an address unless it has one; a post, note or quotation falls back to its page here.
     */
    public static CitationFields fields(ResourceView v, List<Person> creators, String pageUrl) {
        String kind;
        if (v.kind() == ResourceKind.NOTE) {
            kind = "note";
        } else if (v.kind() != ResourceKind.WORK) {
            return null;
        } else if (v.hasType(Terms.SCHEMA + "Book")) {
            kind = "book";
        } else if (v.hasType(Terms.SCHEMA + "SocialMediaPosting") || v.hasType(Terms.LG + "SocialMediaPost")) {
            kind = "post";
        } else {
            kind = "quotation";
        }
        String title = v.first(Terms.TITLE).map(x -> x.text().value()).orElse(v.label().value());
        String issued = v.first(Terms.ISSUED).map(x -> x.text().value()).orElse("");
        String year = issued.length() >= 4 ? issued.substring(0, 4) : "";
        String date = issued.length() >= 10 ? issued.substring(0, 10) : "";
        String publisher = v.first(Terms.PUBLISHER).map(Value::display).orElse("");
        String container = v.first(Terms.IN_NOTEBOOK).or(() -> v.first(Terms.IS_PART_OF)).map(Value::display).orElse("");
        String url = v.first(Terms.SCHEMA_URL).map(x -> x.isLink() ? x.iri() : x.text().value())
                .orElse(kind.equals("book") ? "" : pageUrl);
        String status = v.first(Terms.PUBLICATION_STATUS).map(Value::display).orElse("");
        String id = v.iri().substring(Math.max(v.iri().lastIndexOf('/'), 0) + 1);
        String isbn = v.first(Terms.SCHEMA_ISBN).map(x -> x.text().value()).orElse("");
        String doi = v.values(Terms.SCHEMA_SAME_AS).stream().filter(Value::isLink).map(Value::iri)
                .filter(i -> i.startsWith(DOI_RESOLVER)).map(i -> i.substring(DOI_RESOLVER.length())).findFirst().orElse("");
        return new CitationFields(id, kind, title, creators, year, date, publisher, container, url, status, isbn, doi);
    }

    static CSLItemData item(CitationFields f) {
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(f.id()).title(f.title()).type(switch (f.kind()) {
            case "book" -> CSLType.BOOK;
            case "post" -> CSLType.POST;
            case "note" -> CSLType.POST_WEBLOG;
            default -> CSLType.ARTICLE;
        });
        List<CSLName> names = new ArrayList<>();
        for (Person p : f.authors()) {
            names.add(p.family().isEmpty() ? new CSLNameBuilder().literal(p.name()).build()
                    : new CSLNameBuilder().family(p.family()).given(p.given()).build());
        }
        if (!names.isEmpty()) {
            b.author(names.toArray(CSLName[]::new));
        }
        int[] date = dateParts(f.date().isEmpty() ? f.year() : f.date());
        if (date.length == 1) {
            b.issued(date[0]);
        } else if (date.length == 3) {
            b.issued(date[0], date[1], date[2]);
        }
        if (!f.publisher().isEmpty()) {
            b.publisher(f.publisher());
        }
        if (!f.container().isEmpty()) {
            b.containerTitle(f.container());
        }
        if (!f.url().isEmpty()) {
            b.URL(f.url());
        }
        if (!f.status().isEmpty()) {
            b.status(f.status());
        }
        if (!f.isbn().isEmpty()) {
            b.ISBN(f.isbn());
        }
        if (!f.doi().isEmpty()) {
            b.DOI(f.doi());
        }
        return b.build();
    }

    static int[] dateParts(String s) {
        if (s.matches("\\d{4}")) {
            return new int[] {Integer.parseInt(s)};
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return new int[] {Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)), Integer.parseInt(s.substring(8, 10))};
        }
        return new int[0];
    }

    private static String format(String style, CSLItemData item) {
        try {
            return CSL.makeAdhocBibliography(style, "text", item).makeString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException("CSL style " + style + " is missing from the classpath", e);
        }
    }
}
