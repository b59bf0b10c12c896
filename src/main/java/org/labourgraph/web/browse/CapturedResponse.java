package org.labourgraph.web.browse;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.labourgraph.web.site.Language;

/**
 * A response whose body is held back (so that it can be stored, and answered with 304 or in full) while its
 * status and headers go through to the client's response as they are set. Records the headers that describe the
 * body, and whether anything makes it unfit to store: an error or redirect sent, a cookie other than the
 * language one, {@code Cache-Control: private/no-store}.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
    /** The headers a stored response is replayed with: those that describe the representation, nothing per-client. */
    static final Set<String> REPLAYED = Set.of("content-type", "etag", "vary", "link", "content-language", "last-modified",
            "cache-control", "content-disposition", "memento-datetime");

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private int status = SC_OK;
    private boolean unfit;
    private boolean sentDirectly;
    private boolean remembersLanguage;
    private PrintWriter writer;
    private ServletOutputStream stream;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    int status() {
        return status;
    }

    /** False once the response did something that must not be replayed to someone else. */
    boolean storable() {
        return !unfit;
    }

    /** True when an error or a redirect went straight to the client: nothing is held back to send. */
    boolean sentDirectly() {
        return sentDirectly;
    }

    /** True when the response set the language cookie. */
    boolean remembersLanguage() {
        return remembersLanguage;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** The recorded headers, in order, replayed ones only. */
    List<Map.Entry<String, String>> headers() {
        return List.copyOf(headers);
    }

    String header(String name) {
        String found = null;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                found = h.getValue();
            }
        }
        return found;
    }

    private void record(String name, String value, boolean replace) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("set-cookie")) {
            unfit = true;
        }
        if (lower.equals("cache-control") && value != null
                && (value.toLowerCase(Locale.ROOT).contains("private") || value.toLowerCase(Locale.ROOT).contains("no-store"))) {
            unfit = true;
        }
        if (!REPLAYED.contains(lower)) {
            return;
        }
        if (replace) {
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
        }
        if (value != null) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (name.equalsIgnoreCase("Content-Length")) {
            return; // set when the body is sent: a 304 has none
        }
        record(name, value, true);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (name.equalsIgnoreCase("Content-Length")) {
            return;
        }
        record(name, value, false);
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void setContentType(String type) {
        record("Content-Type", type, true);
        super.setContentType(type);
    }

    @Override
    public void setContentLength(int len) {
        // ignored: the length is that of the body held here, set when it is sent
    }

    @Override
    public void setContentLengthLong(long len) {
        // ignored, as above
    }

    @Override
    public void addCookie(Cookie cookie) {
        // The language cookie follows from ?lang=, which is part of the key; any other cookie is someone's own.
        if (cookie.getName().equals(Language.COOKIE)) {
            remembersLanguage = true;
        } else {
            unfit = true;
        }
        super.addCookie(cookie);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        unfit = true;
        sentDirectly = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        status = sc;
        unfit = true;
        sentDirectly = true;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        status = SC_FOUND;
        unfit = true;
        sentDirectly = true;
        super.sendRedirect(location);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a held-back body is written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // nothing goes out before the body is complete
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        headers.clear();
        status = SC_OK;
        super.reset();
    }
}
