package org.labourgraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where an IRI may be linked: minted IRIs map to this server, outside http(s) stays outside, anything else is text. */
class SiteTest {
    final Site site = new Site("https://w3id.org/labourgraph/");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "https://w3id.org/labourgraph/id/concept/ghost-work, /doc/concept/ghost-work",
            "https://w3id.org/labourgraph/ontology, /ontology",
            "https://w3id.org/labourgraph/ontology#tier, /ontology#tier",
            "https://praxis.encommun.io/en/n/x/, https://praxis.encommun.io/en/n/x/",
            "http://example.org/a, http://example.org/a"})
    void minted_iris_stay_on_this_server_and_web_iris_link_out(String iri, String href) {
        assertEquals(href, site.href(iri));
    }

    @ParameterizedTest(name = "{0} is never a link")
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>x</script>",
            "vbscript:x", "mailto:a@b.c", "urn:isbn:123", "//evil.example/x", "file:///etc/passwd", "http:/no-host",
            "https://w3id.org/labourgraph/id/concept/a\"onmouseover=x"})
    void other_schemes_and_broken_iris_are_text(String iri) {
        assertNull(site.href(iri));
    }
}
