package org.labourgraph.render;

import java.util.List;
import org.labourgraph.model.Person;

/**
 * The bibliographic facts of one work or note, as the description gives them: {@code kind} is "book",
 * "post", "note" or "quotation"; {@code year} and {@code date} may be empty (a forthcoming book), and so may
 * {@code isbn} (ISBN-13 digits) and {@code doi} (without its https://doi.org/ prefix).
 */
public record CitationFields(String id, String kind, String title, List<Person> authors, String year, String date,
                             String publisher, String container, String url, String status, String isbn, String doi) {
    public CitationFields {
        authors = List.copyOf(authors);
        isbn = isbn == null ? "" : isbn;
        doi = doi == null ? "" : doi;
    }

    /** The fields of an item with no ISBN or DOI. */
    public CitationFields(String id, String kind, String title, List<Person> authors, String year, String date,
                          String publisher, String container, String url, String status) {
        this(id, kind, title, authors, year, date, publisher, container, url, status, "", "");
    }
}
