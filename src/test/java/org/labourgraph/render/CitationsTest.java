package org.labourgraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labourgraph.model.Person;

/** Citations from fields: the CSL styles format them; BibTeX and RIS values cannot break out of their field. */
class CitationsTest {
    static CitationFields fields(String title) {
        return new CitationFields("venture-labor", "book", title, List.of(new Person("https://w3id.org/labourgraph/id/person/gina-neff",
                "Gina Neff", "Neff", "Gina")), "2012", "", "", "", "", "");
    }

    @Test
    void apa_and_chicago_author_date_come_from_the_csl_styles() {
        CitationSet c = Citations.of(fields("Venture Labor: Work and the Burden of Risk in Innovative Industries"));
        assertEquals("Neff, G. (2012). Venture Labor: Work and the Burden of Risk in Innovative Industries.", c.apa());
        assertTrue(c.chicago().startsWith("Neff, Gina. 2012. Venture Labor"), c.chicago());
        assertTrue(c.cslJson().contains("\"type\":\"book\""), c.cslJson());
    }

    @Test
    void braces_and_line_breaks_in_values_stay_inside_their_field() {
        CitationSet c = Citations.of(fields("A} ,\n  note = {injected\nER  - \nTY  - EVIL"));
        assertTrue(c.bibtex().contains("title = {A\\} ,\n  note = \\{injected"), c.bibtex());
        assertEquals(1, c.bibtex().split("\n@").length);
        assertFalse(c.ris().contains("\nTY  - EVIL"), c.ris());
        assertTrue(c.ris().endsWith("ER  - \n"));
    }
}
