package org.labourgraph.store;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2;
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

    /** {@code tdb} with the text index in {@code directory}, kept up to date by each commit; both see the union default graph. */
    static DatasetGraph indexed(DatasetGraph tdb, Directory directory) {
        // The endpoint's default graph is the union of the named graphs (sources + entailments).
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        DatasetGraph text = BackgroundTextIndexing.textDataset(tdb, new BackgroundTextIndexing.CheckedLuceneIndex(directory, config()));
        text.getContext().set(TDB2.symUnionDefaultGraph, true);
        return text;
    }
}
