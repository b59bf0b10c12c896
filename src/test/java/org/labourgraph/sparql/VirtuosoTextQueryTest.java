package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The free-text expression the Virtuoso dialect sends: built from the folded words only, each quoted, all required. */
class VirtuosoTextQueryTest {
    @Test
    void everyFoldedWordIsRequiredAsAPrefixWhenLongEnoughAndWholeWhenShort() {
        assertEquals("\"travail*\" AND \"fantome*\" AND \"de\"",
                RemoteSparqlSearch.textQuery(RemoteSparqlSearch.words("Travail fantôme, de")));
    }

    @Test
    void aWordOfFourLettersIsTheShortestPrefixVirtuosoAccepts() {
        assertEquals("\"work*\" AND \"gig\"", RemoteSparqlSearch.textQuery(List.of("work", "gig")));
    }
}
