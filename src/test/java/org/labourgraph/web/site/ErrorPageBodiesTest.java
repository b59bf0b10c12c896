package org.labourgraph.web.site;

import org.junit.jupiter.api.Test;
import org.labourgraph.render.Site;
import org.labourgraph.render.Ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bodies of the error pages, written without a server: the same help in French and English. */
class ErrorPageBodiesTest {
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void server_errors_read_the_same_way_in_both_languages() {
        ErrorPages pages = new ErrorPages(new Site("https://w3id.org/labourgraph/"));
        for (int status : new int[] {500, 503}) {
            String fr = pages.body(BROWSER, status, null, "fr", "http://127.0.0.1", "/x", null).text();
            assertTrue(fr.contains(Ui.of("fr").t("error.status." + status)), fr);
            ErrorPages.Body text = pages.body("*/*", status, "The search took too long.", "en", "http://127.0.0.1", "/x", null);
            assertEquals("text/plain;charset=utf-8", text.contentType());
            assertTrue(text.text().startsWith("The search took too long.\n")
                    && text.text().contains(Ui.of("en").t("error.status." + status + ".help")), text.text());
        }
    }
}
