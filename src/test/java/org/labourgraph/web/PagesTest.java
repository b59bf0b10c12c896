package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What each page shows, its schema.org JSON-LD, canonical link and security headers. */
class PagesTest extends ServerTest {

    @Test
    void every_page_has_a_content_security_policy_canonical_link_and_json_ld() throws Exception {
        for (String path : new String[] {"", "doc/concept/ghost-work", "doc/work/ghost-work", "hierarchy", "index", "map", "search?q=x",
                "query", "ontology"}) {
            HttpResponse<String> r = server.get(path);
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), path + " " + csp);
            assertTrue(r.body().contains("<link rel=\"canonical\" href=\"http://"), path);
            assertTrue(r.body().contains("<script type=\"application/ld+json\">"), path);
            assertTrue(r.body().contains("<main id=\"main\">"), path);
        }
    }

    @Test
    void home_shows_the_three_tiers_as_entry_points_and_counts() throws Exception {
        String html = server.get("?lang=en").body();
        assertTrue(html.contains("href=\"/doc/concept/ghost-work\""));
        assertTrue(html.contains("href=\"/doc/concept/social-network-labour\""));
        assertTrue(html.contains("href=\"/doc/concept/venture-labour\""));
        assertTrue(html.contains("Tier 1") && html.contains("Tier 2") && html.contains("Tier 3"));
        assertTrue(html.contains("href=\"/sparql\"") && html.contains("href=\"/ontology\"") && html.contains("href=\"/index\""));
        assertTrue(html.contains("<strong>5</strong> works") && html.contains("<strong>1</strong> notes"), "a note is not counted as a work");
    }

    @Test
    void a_concept_page_shows_its_neighbours_by_label_coinage_works_and_a_query_link() throws Exception {
        String html = server.get("doc/concept/ghost-work?lang=en").body();
        assertTrue(html.contains("<a href=\"/doc/concept/content-moderation\">content moderation</a>"), "narrower by label");
        assertTrue(html.contains("<a href=\"/doc/person/mary-l-gray\">"), "coined by");
        assertTrue(html.contains("<span class=\"detail\">(2019)</span>"), "coined in, with the year");
        assertTrue(html.contains("class=\"discussed-in\""));
        assertTrue(html.contains("href=\"/query?query="), "query this");
        assertTrue(html.contains("<svg"), "a small concept map");
        // The click workers' pay is earned by tier 1, ghost work (issue #22: click work is one of its names).
        assertTrue(html.contains("Hourly pay of click workers"), "pay figures");
    }

    @Test
    void a_note_page_shows_its_platform_metadata_the_quoted_passage_and_how_to_quote_it() throws Exception {
        String html = server.get("doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E?lang=en").body();
        assertTrue(html.contains("/doc/person/joel-nadeau"), "includer");
        assertTrue(html.contains("/doc/notebook/reflexions-jonathan-durand-folco"));
        assertTrue(html.contains("/doc/category/intelligence-artificielle"));
        assertTrue(html.contains("2023-07-13T10:12:00"), "edited");
        assertTrue(html.contains("Ces travailleurs hautement qualifiés"), "the quoted passage");
        assertTrue(html.contains("Quote this note"));
        assertTrue(html.contains("meta name=\"citation_title\""), "metadata Zotero reads");
    }

    @Test
    void works_and_notes_are_cited_in_apa_chicago_bibtex_ris_and_csl_json() throws Exception {
        String html = server.get("doc/work/ghost-work?lang=en").body();
        assertTrue(html.contains("Gray, M., &amp; Suri, S. (2019). Ghost Work"), "APA");
        assertTrue(html.contains("Gray, Mary, and Siddharth Suri. 2019. Ghost Work"), "Chicago author-date");
        HttpResponse<String> bib = server.get("cite/work/ghost-work.bib");
        assertTrue(bib.headers().firstValue("Content-Type").orElse("").startsWith("application/x-bibtex"));
        assertTrue(bib.body().startsWith("@book{Gray2019,") && bib.body().contains("author = {Gray, Mary and Suri, Siddharth}"), bib.body());
        String ris = server.get("cite/work/venture-labor.ris").body();
        assertTrue(ris.startsWith("TY  - BOOK\n") && ris.contains("AU  - Neff, Gina") && ris.contains("PY  - 2012"), ris);
        String csl = server.get("cite/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E.json").body();
        assertTrue(csl.contains("\"family\":\"Durand Folco\"") && csl.contains("\"date-parts\":[[2023,3,22]]"), csl);
        assertEquals(404, server.get("cite/concept/ghost-work.bib").statusCode(), "a concept is not cited");
    }

    @Test
    void hierarchy_is_a_tree_of_details_that_works_without_javascript() throws Exception {
        String html = server.get("hierarchy?lang=en").body();
        assertTrue(html.contains("<li class=\"branch\"><a href=\"/doc/concept/digital-labour\">digital labour</a>"));
        // The toggle is a <summary> of its own, named for screen readers, with no link inside (nested-interactive).
        assertTrue(html.contains("<details open><summary><span class=\"visually-hidden\">Narrower concepts of “digital labour”</span></summary>"));
        assertFalse(html.contains("<summary><a"), "no link inside a summary");
        assertTrue(html.contains("<a href=\"/doc/concept/content-moderation\">"));
        // Issue #22: the editorial collections come after the tree, marked, with their members; retired concepts
        // are in no tree.
        int tree = html.indexOf("/doc/concept/digital-labour\"");
        int collection = html.indexOf("<a href=\"/doc/concept/conditions-of-digital-labour\">");
        assertTrue(tree >= 0 && collection > tree, "collections after the tree");
        assertTrue(html.indexOf("/doc/concept/precarity\"") > collection, "a member under its collection");
        assertTrue(html.contains("editorial collection</span>"), "collections are marked");
        assertTrue(!html.contains("/doc/concept/micro-work\""), "a retired concept is in no tree");
    }

    @Test
    void the_index_lists_labels_of_the_language_by_letter_with_alternative_labels_leading_to_the_preferred() throws Exception {
        String fr = server.get("index?lang=fr&letter=T").body();
        assertTrue(fr.contains(">travail fantôme</a>"));
        // Issue #22: "travail du clic" is a name of ghost work; the retired click-work concept is not listed.
        assertTrue(fr.contains("<span class=\"alt\">travail du clic</span> → <a href=\"/doc/concept/ghost-work\">travail fantôme</a>"));
        assertTrue(!fr.contains("href=\"/doc/concept/click-work\""), "retired concepts are not in the index");
        assertTrue(server.get("index?lang=fr&letter=C").body().contains(">conditions du travail digital</a>"),
                "editorial collections are in the index");
        String en = server.get("index?lang=en&letter=G").body();
        assertTrue(en.contains(">ghost work</a>"));
        assertTrue(!en.contains("travail fantôme"));
    }

    @Test
    void search_results_are_accent_insensitive_with_the_match_highlighted() throws Exception {
        String html = server.get("search?q=" + TestServer.enc("travail fantome") + "&lang=fr").body();
        assertTrue(html.contains("href=\"/doc/concept/ghost-work\""));
        assertTrue(html.contains("<mark>travail</mark> <mark>fantôme</mark>"), "highlighted in the matched text");
        String en = server.get("search?q=ghost&in=en").body();
        assertTrue(en.contains("href=\"/doc/concept/ghost-work\""));
    }

    @Test
    void the_sparql_page_offers_every_example_query_and_the_editor() throws Exception {
        String html = server.get("query?lang=en").body();
        assertEquals(20, html.split("class=\"example\"").length - 1);
        assertTrue(html.contains("/static/yasgui/yasgui.min.js"));
        assertEquals(200, server.get("static/yasgui/yasgui.min.js").statusCode());
        assertTrue(server.get("query?query=" + TestServer.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1")).body()
                .contains("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), "a shared link preloads its query");
        // the page's download links ask the endpoint for CSV, TSV and JSON with output=
        String q = TestServer.enc("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1");
        assertTrue(server.get("sparql?output=csv&query=" + q).headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(server.get("sparql?output=tsv&query=" + q).headers().firstValue("Content-Type").orElse("")
                .startsWith("text/tab-separated-values"));
        assertTrue(server.get("sparql?output=json&query=" + q).headers().firstValue("Content-Type").orElse("")
                .startsWith("application/sparql-results+json"));
    }

    @Test
    void the_scheme_map_draws_every_concept_as_a_clickable_node() throws Exception {
        String html = server.get("map?lang=en").body();
        int nodes = html.split("<g class=\"node ").length - 1;
        assertTrue(nodes >= 20, "nodes: " + nodes);
        assertTrue(html.contains("<a href=\"/doc/concept/ghost-work\">"));
    }

    @Test
    void unknown_site_paths_and_static_traversal_are_404() throws Exception {
        assertEquals(404, server.get("static/../labourgraph.ttl").statusCode());
        assertEquals(404, server.get("static/nothing.js").statusCode());
    }
}
