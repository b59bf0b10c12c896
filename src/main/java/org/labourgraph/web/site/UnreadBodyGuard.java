package org.labourgraph.web.site;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ResponseUtils;
import org.eclipse.jetty.util.Callback;

/**
 * An answer to a request whose body was not read to its end says {@code Connection: close}.
 * Jetty closes such a connection after the answer (where the next request would start lies past the unread body), but
 * says so only when the answer is still uncommitted at the end; an answer written before (a JSON refusal, a page) went
 * out without it, and a client that reused the connection sent its next request into a socket that then closed
 * ("header parser received no bytes"). Marked here, on the first bytes of every answer, every refusal is covered in one
 * place: the application's, the login's, Jetty's and Fuseki's, and so is a success that ignored a body. An answer
 * given after the body was read (a 413 that drained it, a 415 after parsing it) keeps the connection.
 */
final class UnreadBodyGuard extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Guarded(request, response), callback);
    }

    /**
     * True when the request has a body not read to its end: fewer bytes taken than its Content-Length; or, for an
     * answer that refuses the request, a chunked body whose end has not arrived (what has arrived is dropped, as Jetty
     * does at the end of the exchange). A success may still be reading a chunked body: that one is left to Jetty.
     */
    static boolean bodyLeftUnread(Request request, boolean refused) {
        long length = request.getLength();
        if (length >= 0) {
            return Request.getContentBytesRead(request) < length;
        }
        return refused && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING) && !request.consumeAvailable();
    }

    /** Checks once, as the answer's head is about to go out. */
    private static final class Guarded extends Response.Wrapper {
        Guarded(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted() && bodyLeftUnread(getRequest(), getStatus() >= 300)) {
                ResponseUtils.ensureNotPersistent(getRequest(), this);
            }
            super.write(last, content, callback);
        }
    }
}
