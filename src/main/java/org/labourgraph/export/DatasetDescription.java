package org.labourgraph.export;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.labourgraph.vocab.Prefixes;

/**
 * The VoID and DCAT description of the dataset, built from {@link DatasetStatistics} and the site's address:
 * one {@code void:Dataset} that is also a {@code dcat:Dataset}, a {@code dcat:Distribution} per dump, class
 * and property partitions, the named graphs as subsets, and one {@code void:Linkset} per target vocabulary and
 * link property (the links of data/alignments.ttl) with its triple count.
 */
public final class DatasetDescription {
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String IANA = "http://www.iana.org/assignments/media-types/";
    private static final String PROV = "http://www.w3.org/ns/prov#";

    private DatasetDescription() {}

    /**
     * @param stats the figures
     * @param datasetIri the dataset's IRI (e.g. {@code https://w3id.org/labourgraph/dataset})
     * @param site the served site's base address, ending in '/', e.g. {@code http://127.0.0.1:8080/}
     */
    public static Model build(DatasetStatistics stats, String datasetIri, String site) {
        Model m = ModelFactory.createDefaultModel();
        Prefixes.ALL.forEach(m::setNsPrefix);
        Resource ds = m.createResource(datasetIri)
                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(RDF.type, m.createResource(DCAT + "Dataset"));
        stats.titles().forEach((lang, t) -> ds.addProperty(DCTerms.title, t, lang));
        stats.descriptions().forEach((lang, d) -> ds.addProperty(DCTerms.description, d, lang));
        stats.licences().forEach(l -> ds.addProperty(DCTerms.license, m.createResource(l)));
        ds.addProperty(DCTerms.modified, m.createTypedLiteral(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stats.lastChange().atOffset(ZoneOffset.UTC).withNano(0)),
                XSDDatatype.XSDdateTime));
        ds.addProperty(RDFS.comment, m.createLiteral("Generated from the data when the server loads it. The dumps and these"
                + " counts cover the asserted source graphs only; the entailment graph (RDFS and SKOS closure) is part of the"
                + " SPARQL endpoint's default graph and of the fragments, but is never dumped.", "en"));
        ds.addProperty(RDFS.comment, m.createLiteral("Produite à partir des données au chargement du serveur. Les exports et ces"
                + " décomptes portent sur les graphes sources affirmés seulement ; le graphe des inférences (clôture RDFS et SKOS)"
                + " fait partie du graphe par défaut du point d'accès SPARQL et des fragments, mais n'est jamais exporté.", "fr"));

        ds.addProperty(p(VOID, "sparqlEndpoint"), m.createResource(site + "sparql"));
        ds.addProperty(p(VOID, "uriSpace"), DatasetStatistics.URI_SPACE);
        ds.addProperty(p(VOID, "uriLookupEndpoint"), m.createResource(site + "fragments?subject="));
        if (stats.rootResource() != null) {
            ds.addProperty(p(VOID, "rootResource"), m.createResource(stats.rootResource()));
        }
        stats.exampleResources().forEach(e -> ds.addProperty(p(VOID, "exampleResource"), m.createResource(e)));
        ds.addLiteral(p(VOID, "triples"), integer(m, stats.triples()));
        ds.addLiteral(p(VOID, "entities"), integer(m, stats.entities()));
        ds.addLiteral(p(VOID, "distinctSubjects"), integer(m, stats.distinctSubjects()));
        ds.addLiteral(p(VOID, "distinctObjects"), integer(m, stats.distinctObjects()));
        ds.addLiteral(p(VOID, "properties"), integer(m, stats.properties()));
        ds.addLiteral(p(VOID, "classes"), integer(m, stats.classes()));
        stats.vocabularies().forEach(v -> ds.addProperty(p(VOID, "vocabulary"), m.createResource(v)));

        for (DumpFormat f : DumpFormat.values()) {
            String url = site + "dumps/labourgraph." + f.extension();
            ds.addProperty(p(VOID, "dataDump"), m.createResource(url));
            if (formatsName(f) != null) {
                ds.addProperty(p(VOID, "feature"), m.createResource("http://www.w3.org/ns/formats/" + formatsName(f)));
            }
            Resource dist = m.createResource(site + "dataset#dump-" + f.extension())
                    .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                    .addProperty(DCTerms.title, "labourgraph — " + f.displayName()
                            + (f.keepsGraphs() ? " (one named graph per source file)" : " (graphs merged)"), "en")
                    .addProperty(p(DCAT, "downloadURL"), m.createResource(url))
                    .addProperty(p(DCAT, "accessURL"), m.createResource(url))
                    .addProperty(p(DCAT, "mediaType"), m.createResource(IANA + f.mediaType()))
                    .addProperty(p(DCAT, "compressFormat"), m.createResource(IANA + "application/gzip"))
                    .addProperty(RDFS.comment, "Also served gzip-compressed at " + url + ".gz", "en");
            stats.licences().forEach(l -> dist.addProperty(DCTerms.license, m.createResource(l)));
            ds.addProperty(p(DCAT, "distribution"), dist);
        }
        String skosUrl = site + "dumps/labourgraph-skos.ttl";
        Resource skos = m.createResource(site + "dataset#dump-skos")
                .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                .addProperty(DCTerms.title, "labourgraph — SKOS thesaurus only (Turtle), loadable by Skosmos", "en")
                .addProperty(p(DCAT, "downloadURL"), m.createResource(skosUrl))
                .addProperty(p(DCAT, "mediaType"), m.createResource(IANA + "text/turtle"));
        ds.addProperty(p(DCAT, "distribution"), skos);
        Resource changes = m.createResource(site + "dataset#changes")
                .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                .addProperty(DCTerms.title, "labourgraph — change feed: every revision as an RDF Patch of the public graphs", "en")
                .addProperty(p(DCAT, "accessURL"), m.createResource(site + "changes.json"))
                .addProperty(p(DCAT, "mediaType"), m.createResource(IANA + "application/rdf-patch"))
                .addProperty(RDFS.comment, "The list of revisions (JSON, ?since=N for those after N) links each revision's patch,"
                        + " /changes/N; the dumps name the revision they hold in the header X-Labourgraph-Revision. Also as Atom:"
                        + " " + site + "changes.atom", "en");
        ds.addProperty(p(DCAT, "distribution"), changes);
        ds.addProperty(RDFS.seeAlso, m.createResource(site + "changes.atom"));
        String sssomUrl = site + "dumps/" + MappingSet.FILE_NAME;
        ds.addProperty(p(DCAT, "distribution"), m.createResource(site + "dataset#dump-mappings")
                .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                .addProperty(DCTerms.title, "labourgraph — links to other vocabularies as an SSSOM mapping set (TSV)", "en")
                .addProperty(p(DCAT, "downloadURL"), m.createResource(sssomUrl))
                .addProperty(p(DCAT, "mediaType"), m.createResource(IANA + MappingSet.MEDIA_TYPE)));
        for (DatasetStatistics.Linkset l : stats.linksets()) {
            Resource target = m.createResource(l.target()).addProperty(RDF.type, m.createResource(VOID + "Dataset"));
            if (!l.label().isEmpty()) {
                target.addProperty(RDFS.label, l.label());
            }
            Resource linkset = m.createResource()
                    .addProperty(RDF.type, m.createResource(VOID + "Linkset"))
                    .addProperty(p(VOID, "subjectsTarget"), ds)
                    .addProperty(p(VOID, "objectsTarget"), target)
                    .addProperty(p(VOID, "linkPredicate"), m.createResource(l.predicate()))
                    .addLiteral(p(VOID, "triples"), integer(m, l.triples()));
            ds.addProperty(p(VOID, "subset"), linkset);
        }
        Resource service = m.createResource(site + "dataset#sparql")
                .addProperty(RDF.type, m.createResource(DCAT + "DataService"))
                .addProperty(DCTerms.title, "SPARQL 1.1 endpoint", "en")
                .addProperty(p(DCAT, "endpointURL"), m.createResource(site + "sparql"))
                .addProperty(p(DCAT, "servesDataset"), ds);
        ds.addProperty(p(DCAT, "accessService"), service);

        stats.classPartitions().forEach((cls, n) -> ds.addProperty(p(VOID, "classPartition"), m.createResource()
                .addProperty(p(VOID, "class"), m.createResource(cls))
                .addLiteral(p(VOID, "entities"), integer(m, n))));
        stats.propertyPartitions().forEach((prop, n) -> ds.addProperty(p(VOID, "propertyPartition"), m.createResource()
                .addProperty(p(VOID, "property"), m.createResource(prop))
                .addLiteral(p(VOID, "triples"), integer(m, n))));
        for (DatasetStatistics.GraphInfo g : stats.graphs()) {
            Resource subset = m.createResource(g.iri())
                    .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                    .addLiteral(p(VOID, "triples"), integer(m, g.triples()));
            if (g.licence() != null) {
                subset.addProperty(DCTerms.license, m.createResource(g.licence()));
            }
            if (g.source() != null) {
                subset.addProperty(ResourceFactory.createProperty(PROV + "wasDerivedFrom"), m.createResource(g.source()));
            }
            ds.addProperty(p(VOID, "subset"), subset);
        }
        return m;
    }

    private static String formatsName(DumpFormat f) {
        return switch (f) {
            case TURTLE -> "Turtle";
            case NTRIPLES -> "N-Triples";
            case NQUADS -> "N-Quads";
            case TRIG -> "TriG";
            case JSONLD -> "JSON-LD";
            case RDFXML -> "RDF_XML";
            case BINARY -> null; // RDF4J binary has no IRI under w3.org/ns/formats
        };
    }

    /** VoID counts are xsd:integer. */
    private static org.apache.jena.rdf.model.Literal integer(Model m, long n) {
        return m.createTypedLiteral(java.math.BigInteger.valueOf(n));
    }

    private static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns + local);
    }
}
