package org.labourgraph.web.site;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/** Writes JSON bodies and JSON errors ({"error": {"status", "message"}}) — the one place for both. */
public final class JsonResponses {
    private JsonResponses() {}

    public static void send(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        try (OutputStream out = response.getOutputStream()) {
            JSON.write(out, body);
        }
    }

    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject error = new JsonObject();
        error.put("status", status);
        error.put("message", message);
        JsonObject body = new JsonObject();
        body.put("error", error);
        send(response, status, body);
    }
}
