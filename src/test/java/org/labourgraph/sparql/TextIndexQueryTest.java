package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text-index queries the dialects send: built from the folded words only, all required. */
class TextIndexQueryTest {
    @Test
    void everyFoldedWordIsRequiredAsAPrefixWhenLongEnoughAndWholeWhenShort() {
        assertEquals("\"travail*\" AND \"fantome*\" AND \"de\"",
                RemoteSparqlSearch.textQuery(RemoteSparqlSearch.words("Travail fantôme, de")));
    }

    @Test
    void aWordOfFourLettersIsTheShortestPrefixVirtuosoAccepts() {
        assertEquals("\"work*\" AND \"gig\"", RemoteSparqlSearch.textQuery(List.of("work", "gig")));
    }

    @Test
    void theJenaTextDialectRequiresEveryFoldedWordAsALucenePrefix() {
        assertEquals("+travail* +fantome* +de*", RemoteSparqlSearch.luceneQuery(RemoteSparqlSearch.words("Travail fantôme, de")));
    }
}
