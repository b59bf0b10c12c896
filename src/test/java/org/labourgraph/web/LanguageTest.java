package org.labourgraph.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.labourgraph.web.site.Language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fr and en, interface and content: ?lang= (then remembered), cookie, Accept-Language; fallback marked. */
class LanguageTest extends ServerTest {

    static String h1(String html) {
        int a = html.indexOf("<h1");
        return html.substring(a, html.indexOf("</h1>", a));
    }

    @Test
    void lang_parameter_chooses_the_language_of_labels_and_interface_and_sets_a_cookie() throws Exception {
        HttpResponse<String> fr = server.get("doc/concept/ghost-work?lang=fr");
        assertTrue(h1(fr.body()).contains("travail fantôme"));
        assertTrue(fr.body().contains("<html lang=\"fr\">"));
        assertTrue(fr.body().contains("Définition"));
        assertTrue(fr.body().contains("<span lang=\"en\">ghost work</span>"), "the other language beside");
        assertTrue(fr.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lang=fr")));
        HttpResponse<String> en = server.get("doc/concept/ghost-work?lang=en");
        assertTrue(h1(en.body()).contains("ghost work"));
        assertTrue(en.body().contains("Definition"));
    }

    @Test
    void the_cookie_comes_before_accept_language() throws Exception {
        HttpResponse<String> r = server.get("doc/concept/click-work", "Cookie", "lang=fr", "Accept-Language", "en-GB,en;q=0.9");
        assertTrue(h1(r.body()).contains("travail du clic"));
    }

    @Test
    void accept_language_is_used_without_parameter_or_cookie() throws Exception {
        assertTrue(h1(server.get("doc/concept/click-work", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").body()).contains("travail du clic"));
        assertTrue(h1(server.get("doc/concept/click-work", "Accept-Language", "de, en;q=0.5").body()).contains("click work"));
        assertEquals("en", Language.fromAcceptLanguage("fr;q=0.2, en;q=0.8"));
    }

    @Test
    void the_switch_links_to_the_same_page_in_the_other_language() throws Exception {
        String body = server.get("doc/concept/ghost-work?lang=en").body();
        assertTrue(body.contains("href=\"/doc/concept/ghost-work?lang=fr\""), "switch link");
        assertTrue(server.get("hierarchy?lang=fr").body().contains("href=\"/hierarchy?lang=en\""));
    }

    @Test
    void content_missing_in_the_chosen_language_falls_back_to_the_other_marked() throws Exception {
        // digital labour has one alternative label, in English only ("digital labor", as the note writes it).
        String body = server.get("doc/concept/digital-labour?lang=fr").body();
        assertTrue(body.contains("<span lang=\"en\">digital labor</span> <abbr class=\"fallback\""), body);
    }
}
