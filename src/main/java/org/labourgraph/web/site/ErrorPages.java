package org.labourgraph.web.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryCancelledException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.labourgraph.render.Page;
import org.labourgraph.render.Pages;
import org.labourgraph.render.Site;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.StoreUnavailableException;

/**
 * The one place error responses are written. Every error — Jetty's (unknown path, unsafe path, method), the login's
 * (401, 429), Fuseki's GSP and the application's own {@code sendError} — comes here: HTML clients (an Accept that names
 * text/html first) get the site's page in the reader's language, saying what went wrong and what to do; clients that
 * ask for JSON get {@code {"error": {"status", "message", "help"}}}; everyone else a few lines of plain text. No product
 * names or versions: the {@code Server} header is off, on Jetty and on Fuseki. Fuseki's SPARQL query and update errors
 * stay as Fuseki writes them (plain text with the parser's position), which SPARQL clients read — except a query
 * stopped by its time limit, a 503 here like a page whose query was stopped ({@link #statusOf}), never a 500.
 */
public final class ErrorPages extends ErrorHandler {
    /** Statuses with a title and a help text of their own in the messages; others read as "Error". */
    private static final Set<Integer> DESCRIBED = Set.of(400, 401, 403, 404, 405, 406, 412, 413, 415, 429, 500, 501, 502, 503);
    /** The reason {@link QueryTimeoutFilter} gives: the page says it in the reader's language ({@code error.timedOut}). */
    public static final String TIMED_OUT = Ui.of(Ui.EN).t("error.timedOut");
        private static final String UNSAFE_PATH = "No resource at this path (dot segments and encoded separators never name one).";

    private final Site site;

    ErrorPages(Site site) {
        this.site = site;
    }

    /**
     * Makes this the error handler of the server and of its servlet context, drops the product headers, and puts
     * {@link UnreadBodyGuard} in front of everything (a refusal that left the body unread says Connection: close).
     */
    public static void install(FusekiServer server, Site site) {
        ErrorPages pages = new ErrorPages(site);
        server.getJettyServer().insertHandler(new UnreadBodyGuard());
        server.getJettyServer().setErrorHandler(pages);
        ServletContextHandler context = server.getJettyServer().getDescendant(ServletContextHandler.class);
        if (context != null) {
            context.setErrorHandler(pages);
        }
        Fuseki.outputFusekiServerHeader = false;
        HttpConnectors.httpConfigurations(server).forEach(http -> http.setSendServerVersion(false));
    }

    /** Every method gets a body (Jetty's default answers only GET, POST and HEAD with one). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        int status = code;
        String detail = code == 500 || isReasonPhrase(code, message) ? null : message;
        String lang = Language.decide(queryParameter(request, "lang"), cookie(request, Language.COOKIE),
                request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        if (code == 503 && TIMED_OUT.equals(message) || code == 500 && statusOf(cause) == 503) {
            // A handler's query stopped by the time limit: the server is not broken, the answer took too long.
            status = 503;
            detail = Ui.of(lang).t("error.timedOut");
            response.setStatus(503);
        }
        if (code == 400 && (isUnsafePath(request.getHttpURI()) || isBadUri(cause))) {
            // Such a path names nothing here: the answer is the one for any path that names nothing.
            status = 404;
            detail = UNSAFE_PATH;
            response.setStatus(404);
        }
        HttpURI uri = request.getHttpURI();
        String origin = uri.getScheme() + "://" + hostPort(Request.getServerName(request), Request.getServerPort(request),
                uri.getScheme());
        Body body = body(request.getHeaders().get(HttpHeader.ACCEPT), status, detail, lang, origin, uri.getPath(),
                uri.getQuery());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.VARY, "Accept, Accept-Language");
        response.write(true, ByteBuffer.wrap(body.text().getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * The status a handler's uncaught exception answers with: 503 for a query stopped by its time limit (the answer
     * took too long; asking again later or asking less can succeed), 502 when the external store behind the server did
     * not answer, 500 for anything else. The metrics count with it.
     */
    public static int statusOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof QueryCancelledException) {
                return 503;
            }
            if (t instanceof StoreUnavailableException) {
                return 502;
            }
        }
        return 500;
    }

    /** The reason a 502 gives: the message of the {@link StoreUnavailableException} in {@code thrown}'s causes. */
    public static String storeUnavailable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** An error body and its media type. */
    record Body(String contentType, String text) {}

    /** The body for a client with this Accept header: HTML, JSON or plain text. */
    Body body(String accept, int status, String detail, String lang, String origin, String path, String query) {
        return switch (preferred(accept)) {
            case "html" -> new Body("text/html;charset=utf-8", html(site, lang, status, detail, origin, path, query));
            case "json" -> new Body("application/json;charset=utf-8", json(status, detail).toString() + "\n");
            default -> new Body("text/plain;charset=utf-8", text(status, detail));
        };
    }

    /** The error page: title and help in the reader's language, the particular reason under them. */
    public static String html(Site site, String lang, int status, String detail, String origin, String path, String query) {
        Ui ui = Ui.of(lang);
        String title = ui.t(key(status));
        String url = origin + path;
        StringBuilder other = new StringBuilder();
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith("lang=")) {
                    other.append(part).append('&');
                }
            }
        }
        Page page = new Page(title, ui, site, url, List.of(), SchemaOrgJson.forPage("WebPage", title, url),
                path + "?" + other + "lang=" + ui.other(), "");
        return Pages.render("error.jte", Map.of("page", page, "status", status, "message", title,
                "help", ui.t(key(status) + ".help"), "detail", detail == null ? "" : detail));
    }

    static JsonObject json(int status, String detail) {
        Ui en = Ui.of(Ui.EN);
        JsonObject error = new JsonObject();
        error.put("status", status);
        error.put("message", detail != null ? detail : en.t(key(status)));
        error.put("help", en.t(key(status) + ".help"));
        JsonObject body = new JsonObject();
        body.put("error", error);
        return body;
    }

    /** The reason first (what clients that read the first line expect), then what to do. */
    static String text(int status, String detail) {
        Ui en = Ui.of(Ui.EN);
        return (detail != null ? detail.strip() : status + " " + en.t(key(status))) + "\n" + en.t(key(status) + ".help") + "\n";
    }

    /** "html", "json" or "text": HTML only for a client that names text/html first, as browsers do. */
    static String preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return "text";
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        boolean namesHtml = lower.contains("text/html") || lower.contains("application/xhtml+xml");
        Optional<Variant> best = Conneg.choose(accept);
        if (namesHtml && best.isPresent() && best.get() == Variant.HTML) {
            return "html";
        }
        return lower.contains("json") ? "json" : "text";
    }

    /** True when the client would get the HTML error page. */
    public static boolean wantsHtml(String accept) {
        return preferred(accept).equals("html");
    }

    private static String key(int status) {
        return "error.status." + (DESCRIBED.contains(status) ? Integer.toString(status) : "other");
    }

    private static boolean isReasonPhrase(int code, String message) {
        return message == null || message.isBlank() || message.equalsIgnoreCase(HttpStatus.getMessage(code));
    }

    private static String queryParameter(Request request, String name) {
        try {
            return Request.extractQueryParameters(request).getValue(name);
        } catch (RuntimeException e) {
            return null; // a query string that does not decode: no language asked
        }
    }

    private static String cookie(Request request, String name) {
        try {
            for (HttpCookie c : Request.getCookies(request)) {
                if (c.getName().equals(name)) {
                    return c.getValue();
                }
            }
        } catch (RuntimeException e) {
            // unreadable cookies: none
        }
        return null;
    }

    private static String hostPort(String host, int port, String scheme) {
        boolean dflt = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return (host.contains(":") ? "[" + host + "]" : host) + (dflt || port <= 0 ? "" : ":" + port);
    }

    /** The parser's refusal of a request line whose path cannot be resolved (dot segments above the root). */
    static boolean isBadUri(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && "Bad URI".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Jetty refuses (400) a path with dot segments above the root, encoded dots or separators, or ambiguous encodings. */
    static boolean isUnsafePath(HttpURI uri) {
        if (uri == null) {
            return false;
        }
        String raw = uri.getPath() == null ? "" : uri.getPath();
        return uri.getCanonicalPath() == null || uri.isAmbiguous() || uri.hasViolations() || raw.contains("..")
                || raw.contains("%");
    }
}
