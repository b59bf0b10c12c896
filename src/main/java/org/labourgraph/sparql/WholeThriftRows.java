package org.labourgraph.sparql;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReader;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.riot.rowset.rw.RowSetReaderThrift;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;

/**
 * Jena's reader of SPARQL results in Thrift, made to fail when the answer was cut. Thrift results have no end marker,
 * and Jena's reader takes any transport error for the end of the rows: an answer cut by the network or a dying store
 * would read as fewer rows, and a page would show part of a resource with a 200. This reader watches the stream
 * under it and, when the rows end because reading failed, throws an {@link HttpException} instead (the caller's
 * "store did not answer" path). Registered for the whole JVM by {@link #register}; Thrift is what the external store
 * is asked for first ({@link RemoteSparqlService}).
 */
final class WholeThriftRows implements RowSetReader {
    private static final RowSetReader JENA = RowSetReaderThrift.factory.create(ResultSetLang.RS_Thrift);

    private WholeThriftRows() {}

    /**
     * Replaces Jena's Thrift results reader with this one; idempotent. Jena's own readers are registered first: were
     * Jena initialised after this (a JVM whose first Jena class is this one's caller), its start-up would put its reader back.
     */
    static synchronized void register() {
        JenaSystem.init();
        RowSetReaderRegistry.init();
        RowSetReaderRegistry.register(ResultSetLang.RS_Thrift, lang -> new WholeThriftRows());
    }

    @Override
    public RowSet read(InputStream in, Context context) {
        WatchedStream watched = new WatchedStream(in);
        return new Checked(JENA.read(watched, context), watched);
    }

    @Override
    public QueryExecResult readAny(InputStream in, Context context) {
        return new QueryExecResult(read(in, context));
    }

    /** Thrift is binary: Jena's reader answers a character stream as it always does. */
    @Override
    public RowSet read(Reader in, Context context) {
        return JENA.read(in, context);
    }

    /** The stream of the answer, remembering the first read that failed. */
    private static final class WatchedStream extends FilterInputStream {
        private volatile IOException failure;

        WatchedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    /** Jena's rows, with a check at their end: they ended on a failed read, so the answer was not whole. */
    private record Checked(RowSet rows, WatchedStream answer) implements RowSet {
        @Override
        public boolean hasNext() {
            boolean more = rows.hasNext();
            if (!more && answer.failure != null) {
                throw new HttpException("The store's answer ended early, after " + rows.getRowNumber() + " rows: "
                        + answer.failure.getMessage(), answer.failure);
            }
            return more;
        }

        @Override
        public Binding next() {
            return rows.next();
        }

        @Override
        public List<Var> getResultVars() {
            return rows.getResultVars();
        }

        @Override
        public long getRowNumber() {
            return rows.getRowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
