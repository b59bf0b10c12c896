package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.export.DatasetDumpSource;
import org.labourgraph.export.DumpFormat;
import org.labourgraph.export.DumpSource;
import org.labourgraph.history.ChangeLog;
import org.labourgraph.export.ExportListener;
import org.labourgraph.export.ExportScope;
import org.labourgraph.export.MappingSet;
import org.labourgraph.export.RdfExport;
import org.labourgraph.export.SparqlDumpSource;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.ChangeMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /dumps/labourgraph.{ttl,nt,nq,trig,jsonld,rdf,brf}[.gz]}, {@code /dumps/labourgraph-skos.ttl[.gz]} and
 * {@code /dumps/labourgraph-mappings.sssom.tsv} (the links to other vocabularies as SSSOM): the public data, streamed
 * (chunked). Embedded, from the store in a read transaction, with ETag and Last-Modified from the store's change marker;
 * over an external store, by SPARQL ({@link SparqlDumpSource}), without validators (its changes cannot be watched). Only the names listed here exist: anything else — including every
 * traversal attempt — is a 404, since a name is looked up, never turned into a path.
 */
final class DumpServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(DumpServlet.class);
    static final String SKOS_NAME = "labourgraph-skos.ttl";

    /** The published file names and what each holds. */
    static final Map<String, Dump> DUMPS = dumps();

    /** One published file: an RDF dump ({@code format}), the SKOS-only one, or the SSSOM mapping set ({@code format} null). */
    record Dump(String name, DumpFormat format, boolean skos, boolean gzip) {
        boolean mappings() {
            return format == null;
        }
    }

    private static Map<String, Dump> dumps() {
        Map<String, Dump> m = new LinkedHashMap<>();
        for (DumpFormat f : DumpFormat.values()) {
            String name = "labourgraph." + f.extension();
            m.put(name, new Dump(name, f, false, false));
            m.put(name + ".gz", new Dump(name + ".gz", f, false, true));
        }
        m.put(SKOS_NAME, new Dump(SKOS_NAME, DumpFormat.TURTLE, true, false));
        m.put(SKOS_NAME + ".gz", new Dump(SKOS_NAME + ".gz", DumpFormat.TURTLE, true, true));
        m.put(MappingSet.FILE_NAME, new Dump(MappingSet.FILE_NAME, null, false, false));
        return Map.copyOf(m);
    }

    /** Response header of a dump: the number of the revision whose data it holds (0: before any). */
    static final String REVISION_HEADER = "X-Labourgraph-Revision";

    /** The embedded dataset; null over an external store. */
    private final transient DatasetGraph dataset;
    /** Over an external store: a runner per request; null embedded. */
    private final transient Supplier<QueryRunner> runners;

    DumpServlet(DatasetGraph dataset) {
        this(dataset, null);
    }

    private DumpServlet(DatasetGraph dataset, Supplier<QueryRunner> runners) {
        this.dataset = dataset;
        this.runners = runners;
    }

    /** The dumps of an external store's public graphs, read by SPARQL through {@code runners}. */
    static DumpServlet remote(Supplier<QueryRunner> runners) {
        return new DumpServlet(null, runners);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String path = request.getPathInfo();
        Dump dump = path == null || !path.startsWith("/") ? null : DUMPS.get(path.substring(1));
        if (dump == null || request.getRequestURI().contains("%") || request.getRequestURI().contains("..")) {
            Plain.notFound(response, "No such dump. Dumps: " + String.join(", ", DUMPS.keySet().stream().sorted().toList())
                    + " — see /.well-known/void.");
            return;
        }
        if (dataset != null) {
            ChangeMarker.Snapshot marker = ChangeMarker.of(dataset).snapshot();
            if (HttpValidators.notModified(request, response, marker.version(), dump.name(), marker.lastChange())) {
                return;
            }
        }
        // An external store's changes cannot be watched: its dumps carry no validator. Its public graphs are asked
        // before the headers go, so that a store that does not answer is a 502, not a cut 200.
        QueryRunner runner = runners == null ? null : runners.get();
        List<String> remoteGraphs = runner == null ? null : new SparqlDumpSource(runner).publicGraphs();
        response.setStatus(200);
        if (dump.mappings()) {
            response.setContentType(MappingSet.MEDIA_TYPE + ";charset=utf-8");
        } else if (dump.gzip()) {
            response.setContentType("application/gzip");
        } else {
            response.setContentType(dump.format().mediaType() + (dump.format().isText() ? ";charset=utf-8" : ""));
        }
        response.setHeader("Content-Disposition", "inline; filename=\"" + dump.name() + "\"");
        response.setHeader("Link", "</.well-known/void>; rel=\"describedby\"; type=\"text/turtle\"");
        if (!body) {
            return;
        }
        if (dump.mappings()) {
            try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
                if (runner == null) {
                    MappingSet.write(dataset, SiteAddress.of(request), out);
                } else {
                    MappingSet.write(runner, remoteGraphs, SiteAddress.of(request), out);
                }
            }
            return;
        }
        String context = SiteAddress.of(request) + "context.jsonld";
        try {
            if (runner != null) {
                DumpSource source = new SparqlDumpSource(runner);
                stream(response, dump, context, source, new ExportScope(remoteGraphs,
                        dump.skos() ? ExportScope.Content.SKOS : ExportScope.Content.ALL));
                return;
            }
            DumpSource source = new DatasetDumpSource(dataset);
            Optional<ChangeLog> log = ChangeLog.of(dataset);
            if (log.isEmpty()) {
                stream(response, dump, context, source, scope(source, dump));
                return;
            }
            // The revision the dump holds, read with it: a mirror applies the patches after it (/changes.json?since=N).
            log.get().readConsistent(dataset, head -> {
                response.setHeader(REVISION_HEADER, Long.toString(head));
                try {
                    stream(response, dump, context, source, scope(source, dump));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            // Headers may be gone: the body was left open (see stream), so the client sees a cut connection (chunked, no
            // final chunk), never a "complete" dump; before the headers went, the error page answers (502 for a store).
            LOG.warn("Dump {} was cut: {}", dump.name(), e.toString());
            throw e;
        }
    }

    private static ExportScope scope(DumpSource source, Dump dump) {
        return dump.skos() ? ExportScope.skos(source) : ExportScope.allPublic(source);
    }

    private static void stream(HttpServletResponse response, Dump dump, String context, DumpSource source, ExportScope scope)
            throws IOException {
        OutputStream raw = new BufferedOutputStream(response.getOutputStream(), 1 << 16);
        OutputStream out = dump.gzip() ? new GZIPOutputStream(raw, 1 << 16) : raw;
        RdfExport.write(source, scope, dump.format(), out, context, ExportListener.NONE);
        // Closed only once whole: closing ends the body (and writes gzip's trailer). A failure throws with the body still
        // open, and Jetty then cuts the connection instead of ending the chunked body.
        out.close();
    }
}
