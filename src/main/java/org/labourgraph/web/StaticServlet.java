package org.labourgraph.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The site's own static files (CSS, scripts, the YASGUI build) from the classpath, under {@code /static/}. */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=utf-8", "js", "text/javascript;charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "map", "application/json");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String ext = path.substring(path.lastIndexOf('.') + 1);
        if (!path.matches("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+") || path.contains("..") || !TYPES.containsKey(ext)) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = StaticServlet.class.getResourceAsStream("static" + path)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            resp.setContentType(TYPES.get(ext));
            resp.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(resp.getOutputStream());
        }
    }
}
