package org.labourgraph.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21: the History tab names what changed by labels, linked, like every other page — in at most three queries. */
class HistoryLabelsTest {
    static final String ADA = AppHttp.basic("ada", "s3cret-pass");
    static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";
    static final String VENTURE = "https://w3id.org/labourgraph/id/concept/venture-labour";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
        HttpResponse<String> edit = server.send("PATCH", "doc/concept/ghost-work", "application/rdf-patch",
                "TX .\nA <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#related> <" + VENTURE + "> .\nTC .\n",
                "Authorization", ADA);
        assertEquals(200, edit.statusCode(), edit.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String prefLabel(String iri, String lang) throws Exception {
        String body = server.query("SELECT ?l { <" + iri + "> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(lang(?l) = \""
                + lang + "\") }", "application/sparql-results+json").body();
        return JSON.parse(body).get("results").getAsObject().get("bindings").getAsArray().get(0).getAsObject()
                .get("l").getAsObject().get("value").getAsString().value();
    }

    @Test
    void a_changed_link_shows_the_label_of_what_it_points_to_in_the_pages_language() throws Exception {
        for (String lang : new String[] {"fr", "en"}) {
            HttpResponse<String> page = server.get("history/concept/ghost-work?lang=" + lang, "Accept", "text/html");
            assertEquals(200, page.statusCode());
            String label = prefLabel(VENTURE, lang);
            assertTrue(page.body().contains("<a href=\"/doc/concept/venture-labour\" title=\"lgc:venture-labour\">" + label + "</a>"),
                    "linked by its " + lang + " label: " + page.body());
            assertFalse(page.body().contains(">lgc:venture-labour<"), "not by its prefixed name");
            assertFalse(page.body().contains("<code>skos:related</code>"), "the property is named by its label too");
        }
    }

    @Test
    void the_page_costs_at_most_three_queries() throws Exception {
        HttpResponse<String> page = server.get("history/concept/ghost-work", "Accept", "text/html");
        int queries = Integer.parseInt(page.headers().firstValue(Responses.QUERY_COUNT).orElseThrow());
        assertTrue(queries >= 1 && queries <= 3, "queries: " + queries);
    }

    @Test
    void the_json_history_carries_the_labels_beside_the_names() throws Exception {
        HttpResponse<String> json = server.get("history/concept/ghost-work?format=json&lang=en");
        assertTrue(json.body().contains("\"valueLabel\" : \"" + prefLabel(VENTURE, "en") + "\""), json.body());
    }
}
