package org.labourgraph.web.browse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The site's own static files (CSS, scripts, the YASGUI build) from the classpath, under {@code /static/}. */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=utf-8", "js", "text/javascript;charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "map", "application/json");
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private final transient Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String ext = path.substring(path.lastIndexOf('.') + 1);
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || !TYPES.containsKey(ext)) {
            resp.sendError(404);
            return;
        }
        byte[] body = read(path);
        if (body == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(TYPES.get(ext));
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /**
     * The file's bytes, read from the jar once: opening a jar entry on every request held a static file to about
     * 400 requests/s on 2 cores, where the bytes from memory go at the connector's speed. The files are the site's
     * own few (CSS, scripts, the editor's build), so keeping them all costs a few MiB at most.
     */
    private byte[] read(String path) throws IOException {
        byte[] kept = files.get(path);
        if (kept != null) {
            return kept;
        }
        try (InputStream in = StaticServlet.class.getResourceAsStream("static" + path)) {
            if (in == null) {
                return null; // not kept: the paths asked for are unbounded, the files are not
            }
            byte[] body = in.readAllBytes();
            files.putIfAbsent(path, body);
            return body;
        }
    }
}
