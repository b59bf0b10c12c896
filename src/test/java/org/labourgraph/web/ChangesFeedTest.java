package org.labourgraph.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.site.Responses;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21: every change in public — /changes as a page, an Atom feed, a JSON list and one RDF Patch per revision. */
class ChangesFeedTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final String ADA = AppHttp.basic("ada", "s3cret-pass");
    static final String CONCEPT = "https://w3id.org/labourgraph/id/concept/";
    static final String CONCEPTS_GRAPH = "https://w3id.org/labourgraph/graph/concepts";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        Files.writeString(dir.resolve("curator-names.properties"), "ada = Ada Lovelace\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A curator's PATCH of one concept; returns the revision it made. */
    static long patch(String slug, String rows, String message) throws Exception {
        HttpResponse<String> done = server.send("PATCH", "doc/concept/" + slug, "application/rdf-patch", "TX .\n" + rows + "TC .\n",
                "Authorization", ADA, "X-Change-Message", message);
        assertEquals(200, done.statusCode(), done.body());
        return JSON.parse(done.body()).get("revision").getAsNumber().value().longValue();
    }

    static String add(String slug, String property, String object) {
        return "A <" + CONCEPT + slug + "> <" + property + "> " + object + " <" + CONCEPTS_GRAPH + "> .\n";
    }

    static String prefLabel(String slug, String lang) throws Exception {
        return server.query("SELECT ?l WHERE { <" + CONCEPT + slug + "> <" + SKOS + "prefLabel> ?l FILTER(lang(?l)='" + lang + "') }",
                "text/csv").body().split("\r?\n")[1];
    }

    /** The rows of a public patch as (A|D, quad) lines, and its headers. */
    record Rows(List<String> lines, RDFPatch patch) {}

    static Rows rowsOf(long revision) throws Exception {
        HttpResponse<String> r = server.get("changes/" + revision);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/rdf-patch", AppHttp.mediaTypeOf(r));
        RDFPatch patch = RDFPatchOps.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        List<String> lines = new ArrayList<>();
        patch.apply(new RDFChangesCollector() {
            @Override
            public void add(Node g, Node s, Node p, Node o) {
                lines.add("A " + g + " " + s + " " + p + " " + o);
            }

            @Override
            public void delete(Node g, Node s, Node p, Node o) {
                lines.add("D " + g + " " + s + " " + p + " " + o);
            }
        });
        return new Rows(lines, patch);
    }

    @Test
    void a_curator_edit_is_listed_newest_first_with_name_message_labels_and_counts() throws Exception {
        long rev = patch("micro-work", add("micro-work", SKOS + "altLabel", "\"micro-besogne\"@fr"), "Add the variant micro-besogne");
        HttpResponse<String> page = server.get("changes?lang=en", "Accept", "text/html");
        assertEquals(200, page.statusCode());
        String html = page.body();
        int entry = html.indexOf("id=\"r" + rev + "\"");
        assertTrue(entry > 0, html);
        assertTrue(entry < html.indexOf("id=\"r1\""), "newest first");
        String item = html.substring(entry, html.indexOf("</li>\n  ", html.indexOf("class=\"touched\"", entry)));
        assertTrue(item.contains("Ada Lovelace"), item);
        assertFalse(item.contains(">ada<"), "never the login");
        assertTrue(item.contains("Add the variant micro-besogne"), item);
        assertTrue(item.contains("+1 / −0"), item);
        assertTrue(item.contains("href=\"/doc/concept/micro-work\""), item);
        assertTrue(item.contains(">" + prefLabel("micro-work", "en") + "<"), item);
        assertTrue(Integer.parseInt(page.headers().firstValue(Responses.QUERY_COUNT).orElseThrow()) <= 3);
        assertTrue(html.contains("href=\"/changes/" + rev + "\""), "links the patch");
    }

    @Test
    void the_page_shows_labels_in_the_readers_language() throws Exception {
        long rev = patch("click-work", add("click-work", SKOS + "hiddenLabel", "\"clic-work\"@fr"), "Hidden label");
        String fr = server.get("changes?lang=fr", "Accept", "text/html").body();
        String item = fr.substring(fr.indexOf("id=\"r" + rev + "\""));
        item = item.substring(0, item.indexOf("</ul>"));
        String frLabel = prefLabel("click-work", "fr");
        assertTrue(item.contains(">" + frLabel + "<"), item + " should show " + frLabel);
    }

    @Test
    void the_patch_of_a_revision_is_rdf_patch_with_its_rows_and_only_public_headers() throws Exception {
        long rev = patch("ghost-work", add("ghost-work", SKOS + "altLabel", "\"invisible work\"@en"), "Add invisible work");
        HttpResponse<String> raw = server.get("changes/" + rev);
        Rows rows = rowsOf(rev);
        assertEquals(List.of("A " + CONCEPTS_GRAPH + " " + CONCEPT + "ghost-work " + SKOS + "altLabel \"invisible work\"@en"),
                rows.lines());
        assertEquals("urn:labourgraph:revision:" + rev, rows.patch().header().getId().getURI());
        assertEquals("urn:labourgraph:revision:" + (rev - 1), rows.patch().header().getPrevious().getURI());
        assertEquals("Ada Lovelace", rows.patch().header().get("curator").getLiteralLexicalForm());
        assertEquals("Add invisible work", rows.patch().header().get("message").getLiteralLexicalForm());
        assertEquals(null, rows.patch().header().get("author"), "the author's login is history metadata pages do not show");
        assertFalse(raw.body().contains("\"ada\""), raw.body());
    }

    @Test
    void a_patch_never_carries_the_derived_entailments() throws Exception {
        long rev = patch("piecework-pay", add("piecework-pay", SKOS + "broader", "<" + CONCEPT + "underpayment>"),
                "Piecework pay is a kind of underpayment");
        String narrower = "ASK { <" + CONCEPT + "underpayment> <" + SKOS + "narrower> <" + CONCEPT + "piecework-pay> }";
        assertTrue(server.query(narrower, "application/sparql-results+json").body().contains("true"), "the store derived it");
        HttpResponse<String> raw = server.get("changes/" + rev);
        assertFalse(raw.body().contains(LabourStore.ENTAILMENT_GRAPH), raw.body());
        assertFalse(raw.body().contains(SKOS + "narrower"), raw.body());
        assertFalse(raw.body().contains("broaderTransitive"), raw.body());
        assertEquals(1, rowsOf(rev).lines().size(), raw.body());
    }

    @Test
    void private_notes_never_reach_the_public_changes() throws Exception {
        long before = server.store.history().head();
        String secret = "Confidential remark about a platform";
        HttpResponse<String> added = AppHttp.send(server.server, "POST", "curator/private?graph=" + TestServer.enc("urn:x:private-notes"),
                "text/turtle", "<https://example.org/private/note-1> <http://www.w3.org/2000/01/rdf-schema#comment> \"" + secret + "\" .", ADA);
        assertTrue(added.statusCode() < 300, added.body());
        HttpResponse<String> held = AppHttp.send(server.server, "GET", "curator/sparql?query="
                + TestServer.enc("ASK { ?s ?p \"" + secret + "\" }"), null, null, ADA, "application/sparql-results+json");
        assertTrue(held.body().contains("true"), "the note is in the private store: " + held.body());
        assertEquals(before, server.store.history().head(), "a private write is no public revision");
        JsonObject list = JSON.parse(server.get("changes.json?since=0").body());
        for (int i = 0; i < list.get("revisions").getAsArray().size(); i++) {
            long n = list.get("revisions").getAsArray().get(i).getAsObject().get("revision").getAsNumber().value().longValue();
            if (n > 1) {
                assertFalse(server.get("changes/" + n).body().contains(secret), "revision " + n);
            }
        }
        assertFalse(server.get("changes.atom").body().contains(secret));
        assertFalse(server.get("changes?lang=en").body().contains(secret));
    }

    @Test
    void the_json_list_pages_with_since_oldest_first() throws Exception {
        patch("micro-work", add("micro-work", SKOS + "hiddenLabel", "\"mikro work\"@en"), "one");
        long last = patch("micro-work", add("micro-work", SKOS + "hiddenLabel", "\"mikro-work\"@en"), "two");
        JsonObject all = JSON.parse(server.get("changes.json?since=0").body());
        assertEquals(all.get("head").getAsNumber().value().longValue(), all.get("revisions").getAsArray().size());
        JsonObject tail = JSON.parse(server.get("changes.json?since=" + (last - 2)).body());
        JsonArray revisions = tail.get("revisions").getAsArray();
        assertTrue(revisions.size() >= 2);
        assertEquals(last - 1, revisions.get(0).getAsObject().get("revision").getAsNumber().value().longValue());
        assertEquals(last, revisions.get(1).getAsObject().get("revision").getAsNumber().value().longValue());
        assertEquals("/changes/" + last, revisions.get(1).getAsObject().get("patch").getAsString().value());
        assertEquals("Ada Lovelace", revisions.get(1).getAsObject().get("curator").getAsString().value());
        assertEquals(400, server.get("changes.json?since=yesterday").statusCode());
        assertEquals(404, server.get("changes.json?since=999999").statusCode());
        assertEquals(404, server.get("changes/999999").statusCode());
        assertEquals(404, server.get("changes/0").statusCode());
    }

    @Test
    void the_atom_feed_lists_the_same_changes() throws Exception {
        long rev = patch("freelancing", add("freelancing", SKOS + "hiddenLabel", "\"free-lancing\"@en"), "Spelling variant");
        HttpResponse<String> r = server.get("changes.atom");
        assertEquals("application/atom+xml", AppHttp.mediaTypeOf(r));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document feed = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        Element first = (Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        String title = first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent();
        assertEquals("Revision " + rev + ": Spelling variant", title);
        assertEquals("Ada Lovelace", first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "name").item(0).getTextContent());
        assertTrue(r.body().contains("/changes/" + rev + "\""), r.body());
        assertEquals(r.body(), server.get("changes", "Accept", "application/atom+xml").body());
    }

    @Test
    void void_links_the_change_feed_and_dumps_name_their_revision() throws Exception {
        Model voidModel = ModelFactory.createDefaultModel();
        RDFParser.fromString(server.get(".well-known/void", "Accept", "text/turtle").body(), Lang.TURTLE).parse(voidModel);
        String site = server.server.baseUrl();
        assertTrue(voidModel.contains(null, ResourceFactory.createProperty("http://www.w3.org/ns/dcat#accessURL"),
                ResourceFactory.createResource(site + "changes.json")), "VoID/DCAT names the change feed");
        HttpResponse<String> dump = server.get("dumps/labourgraph.nq");
        assertEquals(Long.toString(server.store.history().head()), dump.headers().firstValue("X-Labourgraph-Revision").orElse(""));
    }
}
