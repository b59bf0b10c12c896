package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.labourgraph.export.JsonLdContext;

/** {@code /context.jsonld}: the project's JSON-LD context, which the JSON-LD dump refers to. */
final class ContextServlet extends HttpServlet {
    private static final String DOCUMENT = JsonLdContext.document();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "public, max-age=86400");
        Plain.send(response, 200, "application/ld+json", DOCUMENT);
    }
}
