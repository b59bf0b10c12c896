package org.labourgraph.render;

import java.util.List;
import org.labourgraph.model.Person;

/**
 * The bibliographic facts of one work or note, as the description gives them: {@code kind} is "book",
 * "post", "note" or "quotation"; {@code year} and {@code date} may be empty (a forthcoming book).
 */
public record CitationFields(String id, String kind, String title, List<Person> authors, String year, String date,
                             String publisher, String container, String url, String status) {
    public CitationFields {
        authors = List.copyOf(authors);
    }
}
