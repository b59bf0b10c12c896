package org.labourgraph.history;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchConst;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;

/**
 * A revision as the public sees it, as an RDF Patch (text form, written by Jena): the headers {@code id},
 * {@code prev}, {@code revision}, {@code time}, {@code message} and {@code curator} (the display name pages show,
 * never the login), then one transaction of the revision's {@code D} and {@code A} rows on the asserted public
 * graphs. What a public patch never carries: the author's login (history metadata pages do not show), the derived
 * entailment graph (a mirror re-derives it), the store's own default graph, and anything of the private store
 * (which is never recorded in this history). Applying the patches in order to the dump of revision N gives the
 * public data of every later revision.
 */
public final class PublicPatch {
    public static final String MEDIA_TYPE = "application/rdf-patch";
    static final String CURATOR = "curator";

    private PublicPatch() {}

    /** A public patch read back: the revision (its author is the curator's display name), its id and its predecessor's. */
    public record Received(Revision revision, String id, String previous) {}

    /** Whether a quad of the history may be published: an asserted quad of a named public graph. */
    public static boolean isPublic(Quad q, Node derivedGraph) {
        return !q.getGraph().equals(derivedGraph) && !Quad.isDefaultGraph(q.getGraph());
    }

    /** The id of revision {@code number} as the patches name it (the {@code id} and {@code prev} headers). */
    public static String id(long number) {
        return PatchCodec.id(number).getURI();
    }

    /** Writes the public patch of {@code r} to {@code sink}, row by row, and closes it. */
    public static void write(Revision r, String curatorName, Node derivedGraph, OutputStream sink) {
        RDFChangesWriterText out = RDFChangesWriterText.create(sink);
        out.start();
        out.header(RDFPatchConst.ID, PatchCodec.id(r.number()));
        if (r.number() > 1) {
            out.header(RDFPatch.PREVIOUS, PatchCodec.id(r.number() - 1));
        }
        out.header(PatchCodec.REVISION, NodeFactory.createLiteralDT(Long.toString(r.number()), XSDDatatype.XSDinteger));
        out.header(PatchCodec.TIME, NodeFactory.createLiteralDT(r.time().toString(), XSDDatatype.XSDdateTime));
        out.header(PatchCodec.MESSAGE, NodeFactory.createLiteralString(r.message()));
        out.header(CURATOR, NodeFactory.createLiteralString(curatorName));
        out.txnBegin();
        r.deleted().stream().filter(q -> isPublic(q, derivedGraph))
                .forEach(q -> out.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        r.added().stream().filter(q -> isPublic(q, derivedGraph))
                .forEach(q -> out.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        out.txnCommit();
        out.finish();
        out.close();
    }

    /**
     * Reads a public patch ({@code where} names it in errors). Refuses, with what is wrong, a patch that is not RDF
     * Patch, lacks a header, or has rows outside one transaction or outside a named graph.
     */
    public static Received read(InputStream in, String where) {
        RDFPatch patch;
        try {
            patch = RDFPatchOps.read(in);
        } catch (RuntimeException e) {
            throw new HistoryException(where + " is not a readable RDF Patch: " + e.getMessage(), e);
        }
        List<Quad> added = new ArrayList<>();
        List<Quad> deleted = new ArrayList<>();
        int[] transactions = new int[1];
        patch.apply(new RDFChangesCollector() {
            @Override
            public void txnBegin() {
                transactions[0]++;
            }

            @Override
            public void add(Node g, Node s, Node p, Node o) {
                added.add(inNamedGraph(g, s, p, o, where));
            }

            @Override
            public void delete(Node g, Node s, Node p, Node o) {
                deleted.add(inNamedGraph(g, s, p, o, where));
            }
        });
        if (transactions[0] != 1) {
            throw new HistoryException(where + " holds " + transactions[0] + " transactions; a labourgraph patch holds exactly one (TX … TC).");
        }
        try {
            long number = Long.parseLong(patch.header().get(PatchCodec.REVISION).getLiteralLexicalForm());
            Instant time = Instant.parse(patch.header().get(PatchCodec.TIME).getLiteralLexicalForm());
            String message = patch.header().get(PatchCodec.MESSAGE).getLiteralLexicalForm();
            Node curator = patch.header().get(CURATOR);
            Node id = patch.header().getId();
            Node previous = patch.header().getPrevious();
            return new Received(new Revision(number, time, curator == null ? "" : curator.getLiteralLexicalForm(), message, added, deleted),
                    id == null ? "" : id.getURI(), previous == null ? "" : previous.getURI());
        } catch (RuntimeException e) {
            throw new HistoryException(where + " lacks one of the headers id, revision, time, message, or one is malformed: "
                    + e.getMessage(), e);
        }
    }

    private static Quad inNamedGraph(Node g, Node s, Node p, Node o, String where) {
        if (g == null || Quad.isDefaultGraph(g)) {
            throw new HistoryException(where + " has a row outside a named graph (" + s + " " + p + " " + o
                    + "); public patches change named graphs only.");
        }
        return Quad.create(g, s, p, o);
    }
}
