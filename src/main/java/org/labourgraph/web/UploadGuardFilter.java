package org.labourgraph.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceParser;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.sparql.SparqlSafety;
import org.labourgraph.vocab.LG;

/**
 * Graph Store Protocol uploads (PUT/POST on /data) in a triple syntax are parsed by the project's safe parser
 * before Fuseki sees them: RDF/XML with a DTD naming external entities, JSON-LD with a remote context and any
 * syntax error are a 400 that says where ({@code request body:line:col: …}), and nothing is written; so is content
 * marked private, which belongs in the curators' store. A write without ?graph= is refused: the default graph is the
 * union of the named graphs here ({@link QueryPolicy#DEFAULT_GRAPH_GSP_REFUSED}).
 */
final class UploadGuardFilter implements Filter {
    private static final Map<String, Lang> TRIPLE_SYNTAXES = Map.of(
            "text/turtle", Lang.TURTLE,
            "application/n-triples", Lang.NTRIPLES,
            "application/rdf+xml", Lang.RDFXML,
            "application/ld+json", Lang.JSONLD);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        boolean upload = (path.equals("/data") || path.startsWith("/data/"))
                && (http.getMethod().equals("PUT") || http.getMethod().equals("POST"));
        if ((path.equals("/data") || path.startsWith("/data/")) && writesDefaultGraph(http)) {
            ((HttpServletResponse) response).sendError(400, QueryPolicy.DEFAULT_GRAPH_GSP_REFUSED);
            return;
        }
        Lang lang = upload ? syntaxOf(http.getContentType()) : null;
        if (lang == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = http.getInputStream().readAllBytes();
        try {
            Graph parsed = SourceParser.parse(new ByteArrayInputStream(body), "request body", lang);
            if (parsed.find(Node.ANY, LG.visibility.asNode(), LG.Private.asNode()).hasNext()) {
                HttpServletResponse out = (HttpServletResponse) response;
                out.sendError(400, SparqlSafety.PRIVATE_REFUSED);
                return;
            }
        } catch (RdfSyntaxException e) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.sendError(400, e.getMessage() + "\nNothing was written. Fix the data and send it again.");
            return;
        }
        chain.doFilter(new BufferedBodyRequest(http, body), response);
    }

    /**
     * A writing GSP request without ?graph=: ?default, or triples with no graph at all (quads, TriG or N-Quads sent to the
     * dataset, carry their own graphs).
     */
    private static boolean writesDefaultGraph(HttpServletRequest http) {
        String method = http.getMethod();
        if (!(method.equals("PUT") || method.equals("POST") || method.equals("DELETE") || method.equals("PATCH"))
                || http.getParameter("graph") != null) {
            return false;
        }
        return http.getParameter("default") != null || syntaxOf(http.getContentType()) != null;
    }

    private static Lang syntaxOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return TRIPLE_SYNTAXES.get(mediaType);
    }

    /** The request with its body already read, served again from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
