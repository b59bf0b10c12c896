package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /robots.txt}: crawl the pages and dumps, not the query services; the sitemap lists every page. */
final class RobotsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = """
                # labourgraph: pages and dumps are for everyone; the query services are for programs, not crawlers.
                User-agent: *
                Allow: /
                Disallow: /sparql
                Disallow: /fragments
                Disallow: /reconcile
                Disallow: /api/

                Sitemap: %ssitemap.xml
                """.formatted(SiteAddress.of(request));
        Plain.send(response, 200, "text/plain", text);
    }
}
