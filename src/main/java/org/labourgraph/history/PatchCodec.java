package org.labourgraph.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;

/**
 * A revision as an RDF Patch (text form): its facts as headers ({@code H revision}, {@code H time}, {@code H author},
 * {@code H message}, {@code H id}, {@code H prev}), then one transaction of {@code A} and {@code D} rows. Any RDF Patch
 * tool reads the files; applying one to the store as it was before the revision gives the store after it.
 */
final class PatchCodec {
    static final String REVISION = "revision";
    static final String TIME = "time";
    static final String AUTHOR = "author";
    static final String MESSAGE = "message";

    private PatchCodec() {}

    static byte[] encode(Revision r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encode(r, bytes);
        return bytes.toByteArray();
    }

    /** Writes the revision as a patch to {@code sink} (not closed), row by row: a bulk import's patch is never whole in memory. */
    static void encode(Revision r, java.io.OutputStream sink) {
        try {
            sink.write(headers(r.number(), r.time().toString(), r.author(), r.message()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the history entry of revision " + r.number() + ": " + e.getMessage(), e);
        }
        RDFChangesWriterText out = RDFChangesWriterText.create(new KeptOpen(sink));
        out.txnBegin();
        r.deleted().forEach(q -> out.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        r.added().forEach(q -> out.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        out.txnCommit();
        out.finish();
        out.close();
    }

    static Revision decode(byte[] patchText, String where) {
        RDFPatch patch;
        try {
            patch = RDFPatchOps.read(new ByteArrayInputStream(patchText));
        } catch (RuntimeException e) {
            throw new HistoryException("The history entry " + where + " is not a readable RDF Patch: " + e.getMessage(), e);
        }
        List<Quad> added = new ArrayList<>();
        List<Quad> deleted = new ArrayList<>();
        patch.apply(new RDFChangesCollector() {
            @Override
            public void add(Node g, Node s, Node p, Node o) {
                added.add(Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o));
            }

            @Override
            public void delete(Node g, Node s, Node p, Node o) {
                deleted.add(Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o));
            }
        });
        try {
            long number = Long.parseLong(patch.header().get(REVISION).getLiteralLexicalForm());
            Instant time = Instant.parse(patch.header().get(TIME).getLiteralLexicalForm());
            String author = patch.header().get(AUTHOR).getLiteralLexicalForm();
            String message = patch.header().get(MESSAGE).getLiteralLexicalForm();
            return new Revision(number, time, author, message, added, deleted);
        } catch (RuntimeException e) {
            throw new HistoryException("The history entry " + where + " lacks one of the headers revision, time, author, message: "
                    + e.getMessage(), e);
        }
    }

    /** The header lines of revision {@code number} as {@link #encode} writes them, {@code time} as given (lexical form). */
    static byte[] headers(long number, String time, String author, String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFChangesWriterText out = RDFChangesWriterText.create(new KeptOpen(bytes));
        out.start();
        out.header("id", id(number));
        if (number > 1) {
            out.header(RDFPatch.PREVIOUS, id(number - 1));
        }
        out.header(REVISION, NodeFactory.createLiteralDT(Long.toString(number), XSDDatatype.XSDinteger));
        out.header(TIME, NodeFactory.createLiteralDT(time, XSDDatatype.XSDdateTime));
        out.header(AUTHOR, NodeFactory.createLiteralString(author));
        out.header(MESSAGE, NodeFactory.createLiteralString(message));
        out.finish();
        out.close();
        return bytes.toByteArray();
    }

    /** A stable identifier per revision number within one store's history. */
    static Node id(long number) {
        return NodeFactory.createURI("urn:labourgraph:revision:" + number);
    }

    /** The caller's stream, flushed but not closed when the patch writer closes (the caller forces it to disk first). */
    private static final class KeptOpen extends java.io.FilterOutputStream {
        KeptOpen(java.io.OutputStream sink) {
            super(sink);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
