package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Short plain-text answers (errors, robots.txt) from the interop servlets. */
final class Plain {
    private Plain() {}

    /** A text in UTF-8; an error (status 400 and up) goes to the server's one error handler, which negotiates its form. */
    static void send(HttpServletResponse response, int status, String contentType, String text) throws IOException {
        if (status >= 400) {
            response.sendError(status, text.strip());
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static void notFound(HttpServletResponse response, String message) throws IOException {
        send(response, 404, "text/plain", message + "\n");
    }
}
