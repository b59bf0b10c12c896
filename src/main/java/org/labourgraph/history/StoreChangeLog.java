package org.labourgraph.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.sparql.RemoteSparqlService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of an external store, kept in the store itself: the front-end that takes a write records it there, in
 * the named graph {@link #GRAPH} (outside the project's graph namespace, so it is never discovered as public data,
 * named by a query or dumped), each revision a {@code prov:Activity} carrying its RDF Patch text
 * ({@link PatchCodec}: the same entry as the embedded store's history folder holds) and its number, with the
 * log's head. Every front-end over the store reads the same revisions.
 *
 * <p>The change and its revision are one SPARQL Update operation (record-revision.ru): the change's quads in its
 * DELETE and INSERT templates, and a WHERE clause that holds only while the log's head is still the one this
 * front-end read. If another front-end recorded a revision in between, the operation matches nothing and writes
 * nothing; this front-end sees that its token is not there, reads the store again, works the change out again on the
 * store as it now is, and tries again with the next number ({@link #ATTEMPTS} times, then {@link Contended}). So two
 * front-ends never lose, merge or interleave revisions: each write lands whole with its own number, or not at all.
 *
 * <p>What a change brings with it in the store's derived data (its entailment graph) is worked out on the same read
 * of the store, by the {@code consequences} given at construction, and goes in the same guarded operation: it is
 * written when the revision is and worked out again when the revision is, but it is not part of the revision (derived
 * statements are not history).
 */
public final class StoreChangeLog implements RevisionLog {
    private static final Logger LOG = LoggerFactory.getLogger(StoreChangeLog.class);
    /** The named graph of the external store that holds its history. */
    public static final String GRAPH = "urn:labourgraph:change-log";
    /**
     * How old a read of the log the Memento links of a page may come from: one query a second at most, whatever the
     * rate of pages; another front-end's write shows in them within it (the history pages read the log afresh).
     */
    public static final Duration LINKS_MAX_AGE = Duration.ofSeconds(1);
    /** Tries of one write against other front-ends' writes. */
    static final int ATTEMPTS = 8;

    private static final Query HEAD = query("change-log-head.rq");
    private static final Query SINCE = query("change-log-since.rq");
    private static final Query RECORDED = query("revision-recorded.rq");
    private static final UpdateRequest RECORD = update("record-revision.ru");
    private static final UpdateRequest RECORD_FIRST = update("record-first-revision.ru");

    /** A write that lost the race for the next revision number {@link #ATTEMPTS} times in a row. */
    public static final class Contended extends HistoryException {
        private static final long serialVersionUID = 1L;

        Contended(String message) {
            super(message);
        }
    }

    private final RemoteSparqlService remote;
    /** The derived statements a change adds and deletes besides itself (none by default). */
    private final Function<UpdateDeltas.Delta, UpdateDeltas.Delta> consequences;
    private final Node log = NodeFactory.createURI(GRAPH);
    /** The revisions read so far, oldest first: a revision never changes once recorded. */
    private final List<Revision> known = new ArrayList<>();
    /** When the log's head was last read ({@link System#nanoTime}); meaningful once {@link #everRead}. */
    private long lastRead;
    private boolean everRead;

    public StoreChangeLog(RemoteSparqlService remote) {
        this(remote, change -> UpdateDeltas.Delta.NONE);
    }

    /** {@code consequences} gives the derived statements a change adds and deletes, from the store as it is before it. */
    public StoreChangeLog(RemoteSparqlService remote, Function<UpdateDeltas.Delta, UpdateDeltas.Delta> consequences) {
        this.remote = remote;
        this.consequences = consequences;
    }

    @Override
    public long head() {
        return current().size();
    }

    @Override
    public List<Revision> revisions() {
        return current();
    }

    @Override
    public Optional<Revision> revision(long number) {
        List<Revision> all = current();
        return number >= 1 && number <= all.size() ? Optional.of(all.get((int) number - 1)) : Optional.empty();
    }

    @Override
    public List<Revision> about(String iri) {
        return current().stream().filter(r -> r.touches(iri)).toList();
    }

    @Override
    public List<Revision> aboutLately(String iri) {
        List<Revision> all = null;
        synchronized (this) {
            if (everRead && System.nanoTime() - lastRead < LINKS_MAX_AGE.toNanos()) {
                all = List.copyOf(known);
            }
        }
        return (all == null ? current() : all).stream().filter(r -> r.touches(iri)).toList();
    }

    /**
     * Makes {@code change} in the store and records it as the next revision, by {@code who}; the change is worked out
     * afresh before each try (it is what the update does to the store as it is then). Empty when it changes nothing:
     * then nothing is written.
     *
     * @throws Contended when other front-ends took the next number every time
     * @throws UpdateDeltas.NotRecordable when the change cannot be turned into statements
     */
    public Optional<Revision> record(Supplier<UpdateDeltas.Delta> change, Attribution who) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long head = readHead();
            UpdateDeltas.Delta delta = change.get();
            if (delta.isEmpty()) {
                return Optional.empty();
            }
            Revision r = new Revision(head + 1, Instant.now(), who.author(), who.message(), delta.added(), delta.deleted());
            UpdateDeltas.Delta derived = consequences.apply(delta);
            Node token = NodeFactory.createLiteralString(UUID.randomUUID().toString());
            remote.update(recording(r, derived, head, token));
            if (remote.askStored(QueryTransformOps.replaceVars(RECORDED,
                    Map.of(Var.alloc("log"), log, Var.alloc("revision"), PatchCodec.id(r.number()), Var.alloc("token"), token)))) {
                synchronized (this) {
                    if (known.size() == head) {
                        known.add(r);
                    }
                }
                return Optional.of(r);
            }
            LOG.info("Revision {} was taken by another front-end before this one's write; trying again ({} of {})",
                    r.number(), attempt, ATTEMPTS);
        }
        throw new Contended("Other front-ends recorded a change before this one " + ATTEMPTS + " times in a row, so it was not"
                + " made. Nothing was written; send it again.");
    }

    /** record-revision.ru with its values bound and the change's quads, and those it brings, in its templates. */
    private UpdateRequest recording(Revision r, UpdateDeltas.Delta derived, long expected, Node token) {
        Map<Var, Node> values = new HashMap<>();
        values.put(Var.alloc("log"), log);
        values.put(Var.alloc("revision"), PatchCodec.id(r.number()));
        values.put(Var.alloc("number"), integer(r.number()));
        values.put(Var.alloc("expected"), integer(expected));
        values.put(Var.alloc("time"), NodeFactory.createLiteralDT(r.time().toString(), XSDDatatype.XSDdateTime));
        values.put(Var.alloc("patch"), NodeFactory.createLiteralString(new String(PatchCodec.encode(r), StandardCharsets.UTF_8)));
        values.put(Var.alloc("token"), token);
        UpdateRequest bound = UpdateTransformOps.transform(expected == 0 ? RECORD_FIRST : RECORD, values);
        UpdateModify modify = (UpdateModify) bound.getOperations().get(0);
        r.deleted().forEach(modify.getDeleteAcc()::addQuad);
        r.added().forEach(modify.getInsertAcc()::addQuad);
        derived.deleted().forEach(modify.getDeleteAcc()::addQuad);
        derived.added().forEach(modify.getInsertAcc()::addQuad);
        return bound;
    }

    /** The revisions of the store now: the new ones read and kept, all read again if the log is shorter than kept. */
    private synchronized List<Revision> current() {
        long head = readHead();
        lastRead = System.nanoTime();
        everRead = true;
        if (head < known.size()) {
            LOG.warn("The change log in the external store ends at revision {}, before the {} read earlier: the store was"
                    + " emptied or replaced; reading it again", head, known.size());
            known.clear();
        }
        if (head > known.size()) {
            RowSet rows = remote.selectStored(QueryTransformOps.replaceVars(SINCE,
                    Map.of(Var.alloc("log"), log, Var.alloc("since"), integer(known.size()))));
            while (rows.hasNext()) {
                var row = rows.next();
                String where = GRAPH + " revision " + row.get("number").getLiteralLexicalForm();
                Revision r = PatchCodec.decode(row.get("patch").getLiteralLexicalForm().getBytes(StandardCharsets.UTF_8), where);
                if (r.number() != known.size() + 1) {
                    throw new HistoryException("The change log in the external store (graph <" + GRAPH + ">) has no revision "
                            + (known.size() + 1) + " before revision " + r.number() + ": it was changed by other means than"
                            + " this server. Restore the graph, or drop it to start a new history.");
                }
                known.add(r);
            }
        }
        return List.copyOf(known);
    }

    private long readHead() {
        RowSet rows = remote.selectStored(QueryTransformOps.replaceVars(HEAD, Map.of(Var.alloc("log"), log)));
        return rows.hasNext() ? Long.parseLong(rows.next().get("head").getLiteralLexicalForm()) : 0;
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** One of this package's queries, parsed as strict SPARQL 1.1 (it is sent to another store). */
    static Query query(String name) {
        return QueryFactory.create(text(name), Syntax.syntaxSPARQL_11);
    }

    private static UpdateRequest update(String name) {
        return UpdateFactory.create(text(name), Syntax.syntaxSPARQL_11);
    }

    private static String text(String name) {
        try (InputStream in = StoreChangeLog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SPARQL resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
