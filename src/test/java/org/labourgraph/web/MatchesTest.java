package org.labourgraph.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The links to other vocabularies (data/alignments.ttl) as the site shows them: a "Same as / Matches"
 * section with the target's label and source, linked, in both languages; schema.org sameAs and isbn in the
 * page's JSON-LD; the ISBN in every citation export; and no page paying more than three queries for them.
 */
class MatchesTest extends ServerTest {

    /** The page's "Same as / Matches" section. */
    private static String matches(String html) {
        return part(html, "<section aria-labelledby=\"matches\"", "</section>");
    }

    /** The page's schema.org JSON-LD. */
    private static String jsonLd(String html) {
        return part(html, "<script type=\"application/ld+json\">", "</script>");
    }

    private static String part(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "the page has " + start);
        return html.substring(from, html.indexOf(end, from));
    }

    @Test
    void a_place_page_shows_its_wikidata_item_by_label_and_source_never_as_a_bare_iri() throws Exception {
        HttpResponse<String> r = server.get("doc/place/kenya?lang=en", "Cache-Control", "no-cache");
        String section = matches(r.body());
        assertTrue(section.contains("Same as / Matches"), section);
        assertTrue(section.contains("<a href=\"http://www.wikidata.org/entity/Q114\" rel=\"external\">Kenya</a>"), section);
        assertTrue(section.contains("— <span class=\"source\">Wikidata</span>"), section);
        assertTrue(section.contains("evidence</a>"), "the evidence is linked: " + section);
        assertFalse(section.contains(">http://www.wikidata.org/entity/Q114<"), "no bare IRI as link text: " + section);
        assertTrue(Integer.parseInt(r.headers().firstValue(Responses.QUERY_COUNT).orElseThrow()) <= 3, "at most three queries");
    }

    static Stream<Arguments> sections() {
        return Stream.of(
                Arguments.of("doc/place/madagascar?lang=fr", List.of("Même chose ailleurs / correspondances", "même chose que",
                        ">Madagascar</a>", "<span class=\"source\">Wikidata</span>", "preuve</a>")),
                Arguments.of("doc/concept/ghost-work?lang=en", List.of("exact match",
                        "<a href=\"http://dbpedia.org/resource/Ghost_work\" rel=\"external\">Ghost work</a>", "DBpedia")),
                Arguments.of("doc/person/gina-neff?lang=en", List.of("<a href=\"https://ginaneff.com/\" rel=\"external\">Gina Neff</a>",
                        "<span class=\"source\">ginaneff.com</span>")));
    }

    @ParameterizedTest(name = "{0} shows {1}")
    @MethodSource("sections")
    void each_match_shows_its_relation_label_and_source_in_the_page_language(String path, List<String> expected) throws Exception {
        String section = matches(server.get(path).body());
        for (String fragment : expected) {
            assertTrue(section.contains(fragment), fragment + " in " + section);
        }
    }

    @Test
    void an_isbn_links_to_its_evidence_and_shows_the_number() throws Exception {
        HttpResponse<String> r = server.get("doc/work/ghost-work?lang=en", "Cache-Control", "no-cache");
        String section = matches(r.body());
        assertTrue(section.contains("<a href=\"https://www.publishersweekly.com/978-1-328-56624-9\" rel=\"external\">"), section);
        assertTrue(section.contains("<code>9781328566249</code>") && section.contains("ISBN"), section);
        assertTrue(Integer.parseInt(r.headers().firstValue(Responses.QUERY_COUNT).orElseThrow()) <= 3, "at most three queries");
    }

    @Test
    void a_resource_without_links_says_so() throws Exception {
        assertTrue(matches(server.get("doc/person/joel-nadeau?lang=en").body()).contains("No link to another vocabulary yet."));
        assertTrue(matches(server.get("doc/person/joel-nadeau?lang=fr").body()).contains("Aucun lien vers un autre référentiel"));
    }

    @Test
    void the_json_ld_of_a_page_carries_same_as_and_isbn() throws Exception {
        String place = server.get("doc/place/kenya").body();
        String sameAs = jsonLd(place).replaceAll("\\s", "").replaceFirst("(?s).*\"sameAs\":\\[([^\\]]*)\\].*", "$1");
        assertTrue(sameAs.contains("\"http://www.wikidata.org/entity/Q114\""), jsonLd(place));
        assertTrue(sameAs.contains("\"https://sws.geonames.org/192950/\""), jsonLd(place));
        String work = server.get("doc/work/venture-labor").body();
        assertTrue(jsonLd(work).replace(" ", "").contains("\"isbn\":\"9780262017480\""), jsonLd(work));
    }

    @Test
    void citation_exports_carry_the_isbn() throws Exception {
        assertTrue(server.get("cite/work/ghost-work.bib").body().contains("isbn = {9781328566249}"));
        assertTrue(server.get("cite/work/venture-labor.ris").body().contains("SN  - 9780262017480\n"));
        String csl = server.get("cite/work/ghost-work.json").body();
        assertTrue(csl.contains("\"ISBN\":\"9781328566249\""), csl);
        assertTrue(server.get("doc/work/ghost-work").body().contains("<meta name=\"citation_isbn\" content=\"9781328566249\">"));
        assertFalse(server.get("cite/work/facebook-post-2023-03-21.bib").body().contains("isbn"), "no ISBN where none is known");
    }

    @Test
    void every_kind_of_page_keeps_to_three_queries_with_its_matches() throws Exception {
        for (String path : new String[] {"doc/person/mary-l-gray", "doc/organisation/facebook", "doc/product/chatgpt",
                "doc/concept/ghost-work", "doc/place/madagascar"}) {
            HttpResponse<String> r = server.get(path, "Cache-Control", "no-cache");
            assertEquals(200, r.statusCode(), path);
            assertTrue(Integer.parseInt(r.headers().firstValue(Responses.QUERY_COUNT).orElseThrow()) <= 3, path);
        }
    }
}
