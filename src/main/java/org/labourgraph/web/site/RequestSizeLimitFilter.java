package org.labourgraph.web.site;

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
import java.io.IOException;

/**
 * Refuses request bodies over the limit with 413 before anything parses them: at once when the declared
 * Content-Length is too large, and by counting when the body is chunked.
 */
public final class RequestSizeLimitFilter implements Filter {
    /**
     * Up to this much of a refused body is read and dropped (never parsed) before the 413: a client that writes its
     * whole body before reading the answer (Java's HttpClient, curl) otherwise meets a closed connection instead of
     * the 413. Past it, the connection is simply answered and closed.
     */
    static final long DRAINED_AT_MOST = 16L * 1024 * 1024;
    private final long maxBytes;

    public RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        long declared = http.getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= DRAINED_AT_MOST) {
                drain(http);
            }
            reject(out);
            return;
        }
        try {
            chain.doFilter(declared >= 0 ? http : new CountingRequest(http, maxBytes), response);
        } catch (BodyTooLargeException e) {
            if (!out.isCommitted()) {
                drain(http);
                out.reset();
                reject(out);
            }
        } catch (ServletException | RuntimeException e) {
            if (causedByTooLarge(e) && !out.isCommitted()) {
                out.reset();
                reject(out);
                return;
            }
            throw e;
        }
    }

    /** Reads what is left of the body, up to {@link #DRAINED_AT_MOST} bytes, and drops it. */
    private static void drain(HttpServletRequest http) {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        try {
            java.io.InputStream in = http.getInputStream();
            for (int n = in.read(buffer); n >= 0 && read < DRAINED_AT_MOST; n = in.read(buffer)) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was taken as a reader: the 413 is sent all the same.
        }
    }

    private void reject(HttpServletResponse out) throws IOException {
        out.sendError(413, "Request body too large: this server accepts at most " + maxBytes
                + " bytes. Send the data in smaller parts.");
    }

    private static boolean causedByTooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the counting stream when the body passes the limit. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("Request body larger than " + max + " bytes");
        }
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        CountingRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > max) {
                            throw new BodyTooLargeException(max);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > max) {
                            throw new BodyTooLargeException(max);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
