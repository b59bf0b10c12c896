package org.labourgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the full-text index holds: one Lucene field per kind of text, so that a search can weigh a
 * preferred label above an alternative label above a definition.
 */
public final class TextIndexLayout {
    private TextIndexLayout() {}

    /** Segments a text index may keep after a bulk import before it is merged into one. */
    static final int SEGMENTS_AFTER_BULK = 4;
    /** An import this large is a bulk one; a smaller one adds a segment or two, which Lucene's own merges take care of. */
    static final long BULK_TRIPLES = 100_000;

    /** Preferred names: skos:prefLabel, rdfs:label, person names, work titles. */
    public static final String LABEL = "label";
    /** Other names: skos:altLabel, skos:hiddenLabel. */
    public static final String ALT = "alt";
    /** Definitions and descriptions. */
    public static final String TEXT = "text";
    public static final String ENTITY = "uri";
    public static final String GRAPH = "graph";
    public static final String LANG = "lang";
    public static final String UID = "uid";

    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SCHEMA = "https://schema.org/";

    static final List<Node> LABEL_PREDICATES = List.of(
            SKOS.prefLabel.asNode(), RDFS.label.asNode(), DCTerms.title.asNode(),
            NodeFactory.createURI(FOAF + "name"), NodeFactory.createURI(SCHEMA + "name"));
    static final List<Node> ALT_PREDICATES = List.of(SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode());
    static final List<Node> TEXT_PREDICATES = List.of(
            SKOS.definition.asNode(), NodeFactory.createURI(SCHEMA + "description"));

    static TextIndexConfig config() {
        EntityDefinition entity = new EntityDefinition(ENTITY, LABEL, GRAPH);
        LABEL_PREDICATES.forEach(p -> entity.set(LABEL, p));
        ALT_PREDICATES.forEach(p -> entity.set(ALT, p));
        TEXT_PREDICATES.forEach(p -> entity.set(TEXT, p));
        entity.setLangField(LANG);
        // A uid per indexed triple lets deletes (graph reloads, curator edits) remove exactly their documents.
        entity.setUidField(UID);
        TextIndexConfig config = new TextIndexConfig(entity);
        config.setAnalyzer(new FoldingAnalyzer());
        config.setQueryAnalyzer(new FoldingAnalyzer());
        // Stored values give back the matched text for highlighting.
        config.setValueStored(true);
        return config;
    }

    /**
     * After an import of {@code triples}: merges the text index into one segment when the import was a bulk one and the
     * index holds more than {@link #SEGMENTS_AFTER_BULK}; returns how many segments there were, 0 when nothing was
     * merged. A bulk load leaves one segment per flush of Lucene's buffer
     * (twelve at 5·10^6 triples), which Lucene merges only once ten are alike: every text query then opens each one,
     * and every commit syncs each of their files. At 5·10^6 triples, one-triple edits took 47 ms (median) over the
     * twelve segments and 35 ms over one; the merge took 9 s.
     */
    static int mergeAfterImport(DatasetGraph text, long triples) {
        return triples >= BULK_TRIPLES ? mergeSegments(text, SEGMENTS_AFTER_BULK) : 0;
    }

    /**
     * Merges the text index into one segment when it holds more than {@code kept}, in a write transaction of
     * {@code text}: nothing else writes meanwhile, and the merge is committed whole or not at all.
     */
    static int mergeSegments(DatasetGraph text, int kept) {
        TextIndexLucene index = (TextIndexLucene) ((DatasetGraphText) text).getTextIndex();
        try {
            int segments = SegmentInfos.readLatestCommit(index.getDirectory()).size();
            if (segments <= kept) {
                return 0;
            }
            Txn.executeWrite(text, () -> {
                try {
                    index.getIndexWriter().forceMerge(1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return segments;
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("Cannot merge the text index's segments: " + e.getMessage()
                    + ". The store is whole; text queries are slower until the index is merged (labourgraph compact).", e);
        }
    }

    /** {@code tdb} with the text index in {@code directory}, kept up to date by each commit; both see the union default graph. */
    static DatasetGraph indexed(DatasetGraph tdb, Directory directory) {
        // The endpoint's default graph is the union of the named graphs (sources + entailments).
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        DatasetGraph text = BackgroundTextIndexing.textDataset(tdb, new BackgroundTextIndexing.CheckedLuceneIndex(directory, config()));
        text.getContext().set(TDB2.symUnionDefaultGraph, true);
        return text;
    }
}
