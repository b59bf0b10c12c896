package org.labourgraph.web;

import java.io.StringReader;
import java.net.http.HttpResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.web.site.Variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Linked Data table, for one resource of every kind: /id/ answers 303 to /doc/; /doc/ serves HTML and
 * four RDF syntaxes by Accept (q-values), extension or ?format=, with Vary, ETag, 304, HEAD and Link
 * headers; an unknown IRI is a 404 in HTML and in RDF; an unsupported type is a 406.
 */
class LinkedDataTest extends ServerTest {
    static final String BASE = "https://w3id.org/labourgraph/id/";

    /** One resource of each kind the graph holds. */
    static final String KINDS = "concept/ghost-work, person/gina-neff, work/ghost-work, note/CuDk_xb7q0uXBEV4X_ekAxRe9-E,"
            + " notebook/reflexions-jonathan-durand-folco, category/intelligence-artificielle, place/kenya, organisation/openai,"
            + " product/chatgpt, tier/1, pay/click-worker-hourly-pay";

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return server.send(method, path, null, null, headers);
    }

    @ParameterizedTest(name = "/id/{0} answers 303 See Other to /doc/{0}")
    @ValueSource(strings = {"concept/ghost-work", "person/gina-neff", "work/ghost-work", "note/CuDk_xb7q0uXBEV4X_ekAxRe9-E",
            "notebook/reflexions-jonathan-durand-folco", "category/intelligence-artificielle", "place/kenya",
            "organisation/openai", "product/chatgpt", "tier/1", "pay/click-worker-hourly-pay"})
    void a_thing_iri_redirects_to_its_document(String path) throws Exception {
        HttpResponse<String> r = send("GET", "id/" + path, "Accept", "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals("/doc/" + path, r.headers().firstValue("Location").orElse(""));
    }

    @ParameterizedTest(name = "/doc/{0} serves HTML and every RDF syntax, by Accept, extension and format")
    @ValueSource(strings = {"concept/ghost-work", "person/gina-neff", "work/ghost-work", "note/CuDk_xb7q0uXBEV4X_ekAxRe9-E",
            "notebook/reflexions-jonathan-durand-folco", "category/intelligence-artificielle", "place/kenya",
            "organisation/openai", "product/chatgpt", "tier/1", "pay/click-worker-hourly-pay"})
    void a_document_comes_in_every_representation(String path) throws Exception {
        String iri = BASE + path;
        for (Variant v : Variant.values()) {
            for (HttpResponse<String> r : new HttpResponse[] {
                    send("GET", "doc/" + path, "Accept", v.mediaType),
                    send("GET", "doc/" + path + "." + v.extension),
                    send("GET", "doc/" + path + "?format=" + v.extension)}) {
                assertEquals(200, r.statusCode(), path + " as " + v);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(v.mediaType), path + " as " + v);
                assertTrue(r.headers().allValues("Vary").toString().contains("Accept"));
                assertTrue(r.headers().firstValue("ETag").isPresent());
                assertTrue(r.headers().firstValue("Link").orElse("").contains("rel=\"alternate\"; type=\"text/turtle\""));
                assertTrue(r.headers().firstValue("Link").orElse("").contains("</.well-known/void>; rel=\"http://rdfs.org/ns/void#inDataset\""));
                if (v.isRdf()) {
                    Model m = ModelFactory.createDefaultModel();
                    m.read(new StringReader(r.body()), null, v.lang.getName());
                    assertTrue(m.contains(ResourceFactory.createResource(iri), null), "the description is about " + iri);
                } else {
                    assertTrue(r.body().contains("data-iri=\"" + iri + "\""));
                }
            }
        }
    }

    @ParameterizedTest(name = "Accept \"{0}\" gives {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html | text/html",
            "*/* | text/html",
            "text/turtle;q=0.9, text/html;q=0.5 | text/turtle",
            "text/html;q=0.1, application/ld+json | application/ld+json",
            "application/rdf+xml, text/html;q=0.8 | application/rdf+xml",
            "application/n-triples | application/n-triples",
            "text/*;q=0.3, text/turtle | text/turtle",
            "application/xhtml+xml | text/html"})
    void accept_headers_are_weighed_by_q_values(String accept, String expected) throws Exception {
        HttpResponse<String> r = send("GET", "doc/concept/ghost-work", "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(expected), r.headers().toString());
    }

    @Test
    void an_unsupported_type_is_a_406_that_lists_the_types() throws Exception {
        HttpResponse<String> r = send("GET", "doc/concept/ghost-work", "Accept", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/turtle"));
        assertEquals(406, send("GET", "doc/concept/ghost-work?format=pdf").statusCode());
    }

    @Test
    void an_unknown_iri_is_a_404_in_html_and_in_rdf() throws Exception {
        HttpResponse<String> html = send("GET", "doc/concept/no-such-concept", "Accept", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("<h1>404"));
        HttpResponse<String> ttl = send("GET", "doc/concept/no-such-concept", "Accept", "text/turtle");
        assertEquals(404, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertEquals(404, send("GET", "doc/concept/no-such-concept.jsonld").statusCode());
    }

    @Test
    void the_etag_revalidates_with_304_and_differs_by_variant_and_language() throws Exception {
        HttpResponse<String> first = send("GET", "doc/concept/ghost-work.ttl");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send("GET", "doc/concept/ghost-work.ttl", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        String nt = send("GET", "doc/concept/ghost-work.nt").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, nt);
        String en = send("GET", "doc/concept/ghost-work?lang=en").headers().firstValue("ETag").orElseThrow();
        String fr = send("GET", "doc/concept/ghost-work?lang=fr").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(en, fr);
        assertEquals(200, send("GET", "doc/concept/ghost-work.ttl", "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void head_answers_the_headers_without_a_body() throws Exception {
        HttpResponse<String> r = send("HEAD", "doc/concept/ghost-work", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(r.headers().firstValue("ETag").isPresent());
        assertEquals("", r.body());
        assertEquals(303, send("HEAD", "id/concept/ghost-work").statusCode());
    }

    @Test
    void the_rdf_is_the_description_the_page_shows_outgoing_labels_and_incoming() throws Exception {
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(send("GET", "doc/concept/ghost-work.ttl").body()), null, "TTL");
        var ghost = m.createResource(BASE + "concept/ghost-work");
        var skos = "http://www.w3.org/2004/02/skos/core#";
        assertTrue(m.contains(ghost, m.createProperty(skos + "broader"), m.createResource(BASE + "concept/digital-labour")));
        // the label of a linked resource comes with it
        assertTrue(m.contains(m.createResource(BASE + "concept/digital-labour"), m.createProperty("http://www.w3.org/2000/01/rdf-schema#label"),
                m.createLiteral("digital labour", "en")));
        // an incoming link: the book Ghost Work has the concept as subject
        assertTrue(m.contains(m.createResource(BASE + "work/ghost-work"), m.createProperty("http://purl.org/dc/terms/subject"), ghost));
        String html = send("GET", "doc/concept/ghost-work?lang=en").body();
        assertTrue(html.contains("digital labour"));
        assertTrue(html.contains("Ghost Work: How to Stop Silicon Valley"));
    }

    @Test
    void the_ontology_namespace_has_a_documentation_page_and_rdf() throws Exception {
        HttpResponse<String> html = send("GET", "ontology", "Accept", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("id=\"LabourForm\""));
        assertTrue(html.body().contains("lg:tier"));
        String tree = html.body().substring(html.body().indexOf("<ul class=\"class-tree\">"));
        assertTrue(tree.indexOf("lg:Country") > tree.indexOf("lg:Place"), "sub-classes under their class");
        HttpResponse<String> ttl = send("GET", "ontology", "Accept", "text/turtle");
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(ttl.body()), null, "TTL");
        assertTrue(m.contains(m.createResource("https://w3id.org/labourgraph/ontology#LabourForm"), null));
        assertEquals(200, send("GET", "ontology.jsonld").statusCode());
        String etag = ttl.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send("GET", "ontology.ttl", "If-None-Match", etag).statusCode());
        assertEquals(406, send("GET", "ontology", "Accept", "image/png").statusCode());
    }

    @Test
    void incoming_links_are_grouped_counted_and_paged() throws Exception {
        String html = send("GET", "doc/concept/ghost-work?lang=en").body();
        assertTrue(html.contains("class=\"incoming-group\""));
        assertTrue(html.matches("(?s).*<h3>subject <span class=\"count\">\\(\\d+\\)</span></h3>.*"), "grouped by property with a count");
        // A page of one property after a key: only that property's group, from the key on (IRI order).
        HttpResponse<String> page = send("GET", "doc/concept/ghost-work?lang=en&in=" + TestServer.enc("http://purl.org/dc/terms/subject")
                + "&after=" + TestServer.enc(BASE + "note/CuDk_xb7q0uXBEV4X_ekAxRe9-E"));
        assertEquals(200, page.statusCode());
        String incoming = page.body().substring(page.body().indexOf("id=\"incoming\""));
        assertFalse(incoming.contains("/doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E"), "the key itself is on the previous page");
        assertTrue(incoming.contains("/doc/work/ghost-work"));
        assertEquals(1, incoming.split("class=\"incoming-group\"").length - 1, "only the paged property");
    }
}
