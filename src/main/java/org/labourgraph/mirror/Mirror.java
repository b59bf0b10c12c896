package org.labourgraph.mirror;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.export.BlankNodeLabels;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.ChangeLog;
import org.labourgraph.history.PublicPatch;
import org.labourgraph.history.Revision;
import org.labourgraph.store.LabourStore;

/**
 * A full copy of another labourgraph, kept in a store of its own: first the source's dump and the revision it
 * holds, then every public patch after it, in order, each applied in one transaction through the store's ordinary
 * write path (so the copy's entailments, text index and history follow as for any change).
 *
 * <p>Where the copy stands is in its own history, atomic with each commit: every change the mirror makes is
 * recorded with the message {@code Mirrored revision N of URL: …}. After a crash or a network error, the mirror
 * resumes after the newest such entry. A patch is applied only if it continues the copy exactly — it is the next
 * revision, its {@code previous} names the revision the copy holds, its deleted statements are all in the copy and
 * its added ones are not — else the mirror stops with a {@link MirrorException} and the patch is not applied.
 */
public final class Mirror {
    /** The author of the copy's changes (shown as the server itself). */
    static final String AUTHOR = "labourgraph";
    private static final Pattern RECORDED = Pattern.compile("^Mirrored revision ([0-9]{1,18}) of (\\S+): ");

    private final LabourStore store;
    private final MirrorSource source;
    /** The source revision the copy holds; -1 before its dump is loaded. */
    private volatile long position;

    /** Which revision of which source a copy holds. */
    public record Position(String source, long revision) {
        /** The /health fields of a copy: which source, which revision. */
        public JsonObject health() {
            JsonObject o = new JsonObject();
            o.put("source", source);
            o.put("revision", revision);
            return o;
        }
    }

    private Mirror(LabourStore store, MirrorSource source, long position) {
        this.store = store;
        this.source = source;
        this.position = position;
    }

    /**
     * The mirror of {@code source} in {@code store}: a new copy if the store is empty, else the copy it already holds.
     *
     * @throws MirrorException when the store holds data of its own or a copy of another source
     */
    public static Mirror open(LabourStore store, MirrorSource source) {
        Optional<Position> held = recorded(store.history());
        String where = store.directory().map(Path::toString).orElse("the store");
        if (held.isPresent() && !held.get().source().equals(source.url())) {
            throw new MirrorException(where + " is a copy of " + held.get().source() + ", not of " + source.url()
                    + ". Give --from " + held.get().source() + ", or an empty folder for a new copy.");
        }
        if (held.isEmpty() && store.history().head() > 0) {
            throw new MirrorException(where + " already holds data of its own (" + store.history().head()
                    + " revisions) and is no copy of " + source.url() + ". Give an empty folder for a new copy.");
        }
        return new Mirror(store, source, held.map(Position::revision).orElse(-1L));
    }

    /** The source and revision a store's history says it holds (its newest mirrored change), if it is a copy. */
    public static Optional<Position> recorded(ChangeLog log) {
        List<Revision> revisions = log.revisions();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            Revision r = revisions.get(i);
            Matcher m = RECORDED.matcher(r.message());
            if (r.author().equals(AUTHOR) && m.find()) {
                return Optional.of(new Position(m.group(2), Long.parseLong(m.group(1))));
            }
        }
        return Optional.empty();
    }

    /** Where the copy stands now. */
    public Position position() {
        return new Position(source.url(), Math.max(position, 0));
    }

    /**
     * Brings the copy up to the source's newest revision: the dump first if the copy is new, then each patch after
     * the copy's revision, in order. Returns how many patches were applied.
     *
     * @throws IOException when the source cannot be reached or answers wrongly: what was applied stays, call again
     * @throws MirrorException when the source's history does not continue the copy's: nothing more is applied
     */
    public int catchUp() throws IOException {
        return catchUp(revision -> { });
    }

    /** As {@link #catchUp()}, telling {@code applied} the number of each source revision once it is committed here. */
    public int catchUp(java.util.function.LongConsumer applied) throws IOException {
        if (position < 0) {
            loadDump();
        }
        int count = 0;
        while (true) {
            JsonObject page = source.changesSince(position);
            JsonValue list = page.get("revisions");
            if (list == null || !list.isArray()) {
                throw new IOException(source.url() + "changes.json?since=" + position + " has no list of revisions");
            }
            JsonArray revisions = list.getAsArray();
            if (revisions.isEmpty()) {
                return count;
            }
            for (JsonValue entry : revisions) {
                long number = entry.getAsObject().get("revision").getAsNumber().value().longValue();
                if (number != position + 1) {
                    throw new MirrorException("The source's history has a gap: after revision " + position + ", which the copy holds, "
                            + source.url() + "changes.json lists revision " + number + ". Nothing after " + position
                            + " was applied; check the source, or start a new copy in an empty folder.");
                }
                apply(number);
                applied.accept(number);
                count++;
            }
        }
    }

    private void loadDump() throws IOException {
        Path file = Files.createTempFile(store.directory().orElse(Path.of(System.getProperty("java.io.tmpdir"))), "mirror-dump", ".nq");
        try {
            long revision = source.dumpTo(file);
            DatasetGraph dump = DatasetGraphFactory.createGeneral();
            // The source's blank-node labels are kept, so that its later patches name the same nodes.
            RDFParser.source(file).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelAsGiven()).parse(dump);
            if (!dump.getDefaultGraph().isEmpty()) {
                throw new MirrorException(source.url() + "dumps/labourgraph.nq has statements outside a named graph;"
                        + " a labourgraph dump has none.");
            }
            Map<String, Graph> graphs = new LinkedHashMap<>();
            dump.find().forEachRemaining(q -> graphs.computeIfAbsent(q.getGraph().getURI(), g -> GraphFactory.createDefaultGraph())
                    .add(storeLabels(q.getSubject()), q.getPredicate(), storeLabels(q.getObject())));
            new Attribution(AUTHOR, recordedMessage(revision, "the dump of the public data"), Attribution.Channel.LOCAL)
                    .during(() -> store.importGraphs(graphs, true));
            position = revision;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A node of the dump with the source store's own blank-node label (see {@link BlankNodeLabels}). */
    private static Node storeLabels(Node n) {
        return n.isBlank() ? NodeFactory.createBlankNode(BlankNodeLabels.original(n.getBlankNodeLabel())) : n;
    }

    private void apply(long number) throws IOException {
        String where = source.url() + "changes/" + number;
        PublicPatch.Received patch = PublicPatch.read(new ByteArrayInputStream(source.patch(number)), where);
        String expected = position == 0 ? "" : PublicPatch.id(position);
        if (patch.revision().number() != number || !patch.previous().equals(expected)) {
            throw new MirrorException(where + " does not continue the copy: it is revision " + patch.revision().number()
                    + " after '" + patch.previous() + "', the copy holds revision " + position + " ('" + expected
                    + "'). It was not applied; check the source, or start a new copy in an empty folder.");
        }
        // Blank nodes match by label: the dump's were read back to the source store's own labels (loadDump), and a
        // patch names a blank node by that same label (RDF Patch writes <_:label>, and reads it back as given).
        Revision r = patch.revision();
        DatasetGraph dataset = store.dataset();
        new Attribution(AUTHOR, recordedMessage(number, r.message()), Attribution.Channel.LOCAL).during(() -> {
            dataset.begin(ReadWrite.WRITE);
            try {
                for (Quad q : r.deleted()) {
                    requireThat(dataset.contains(q), where, "deletes a statement the copy does not hold", q);
                    dataset.delete(q);
                }
                for (Quad q : r.added()) {
                    requireThat(!dataset.contains(q), where, "adds a statement the copy holds already", q);
                    dataset.add(q);
                }
                dataset.commit();
            } finally {
                dataset.end();
            }
        });
        position = number;
    }

    private static void requireThat(boolean holds, String where, String what, Quad q) {
        if (!holds) {
            throw new MirrorException(where + " " + what + " (" + q + "): the copy and the source differ. The patch was not"
                    + " applied; start a new copy in an empty folder.");
        }
    }

    private String recordedMessage(long revision, String message) {
        return "Mirrored revision " + revision + " of " + source.url() + ": " + message;
    }
}
