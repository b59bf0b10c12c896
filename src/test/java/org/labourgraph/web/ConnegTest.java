package org.labourgraph.web;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.labourgraph.web.site.Conneg;
import org.labourgraph.web.site.Variant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The site's one content negotiation, for resource documents and for the interop services' offers. */
class ConnegTest {
    private static final List<String> OFFERS = List.of("text/turtle", "application/ld+json", "application/n-triples");

    @Test
    void no_accept_header_gets_the_first_offer() {
        assertEquals(Optional.of("text/turtle"), Conneg.choose(null, OFFERS));
        assertEquals(Optional.of(Variant.HTML), Conneg.choose(" "));
    }

    @Test
    void the_highest_q_wins() {
        assertEquals(Optional.of("application/ld+json"), Conneg.choose("text/turtle;q=0.5, application/ld+json", OFFERS));
        assertEquals(Optional.of(Variant.TURTLE), Conneg.choose("text/html;q=0.2, text/turtle;q=0.9"));
    }

    @Test
    void a_type_named_outright_beats_a_wildcard_at_the_same_q() {
        assertEquals(Optional.of("application/ld+json"), Conneg.choose("*/*, application/ld+json", OFFERS));
        assertEquals(Optional.of(Variant.JSONLD), Conneg.choose("application/ld+json, */*"));
    }

    @Test
    void at_the_same_q_and_specificity_the_server_order_decides() {
        assertEquals(Optional.of("text/turtle"), Conneg.choose("application/n-triples, text/turtle", OFFERS));
        assertEquals(Optional.of(Variant.HTML), Conneg.choose("*/*"));
    }

    @Test
    void a_browser_gets_html_and_xhtml_is_html() {
        assertEquals(Optional.of(Variant.HTML),
                Conneg.choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(Optional.of(Variant.HTML), Conneg.choose("application/xhtml+xml"));
    }

    @Test
    void text_plain_means_n_triples_only_when_named() {
        assertEquals(Optional.of(Variant.NTRIPLES), Conneg.choose("text/plain"));
        assertEquals(Optional.of(Variant.HTML), Conneg.choose("text/*"));
    }

    @Test
    void what_no_range_accepts_is_never_chosen() {
        assertEquals(Optional.empty(), Conneg.choose("image/png", OFFERS));
        assertEquals(Optional.empty(), Conneg.choose("text/turtle;q=0, application/ld+json;q=0, application/n-triples;q=0", OFFERS));
        assertEquals(Optional.empty(), Conneg.choose("image/png"));
    }

    @Test
    void a_more_specific_range_overrides_a_wildcard_for_its_type() {
        assertEquals(Optional.of("application/ld+json"), Conneg.choose("*/*;q=0.9, text/turtle;q=0.1", OFFERS));
    }
}
