package org.labourgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Terms of the labourgraph ontology (ontology/labourgraph.ttl) and the project's IRI layout. */
public final class LG {
    private LG() {}

    /** Default base of every IRI the project mints; the server may be configured with another. */
    public static final String DEFAULT_BASE = "https://w3id.org/labourgraph/";
    public static final String NS = DEFAULT_BASE + "ontology#";
    public static final String ONTOLOGY_IRI = DEFAULT_BASE + "ontology";
    /** Named graphs: one per source file, {@code GRAPH_NS + file stem}. */
    public static final String GRAPH_NS = DEFAULT_BASE + "graph/";
    /** The graph of what the ontology's rules entail from the others (maintained by the store, or written by load). */
    public static final String ENTAILMENT_GRAPH = GRAPH_NS + "entailments";
    public static final String ID_NS = DEFAULT_BASE + "id/";
    public static final String CONCEPT_NS = ID_NS + "concept/";
    public static final String SCHEME_IRI = CONCEPT_NS + "scheme";
    public static final String TOP_CONCEPT_IRI = CONCEPT_NS + "digital-labour";

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    // Classes
    public static final Resource LabourForm = resource("LabourForm");
    public static final Resource Facet = resource("Facet");
    public static final Resource Tier = resource("Tier");
    public static final Resource Note = resource("Note");
    public static final Resource Notebook = resource("Notebook");
    public static final Resource Category = resource("Category");
    public static final Resource Quotation = resource("Quotation");
    public static final Resource SocialMediaPost = resource("SocialMediaPost");
    public static final Resource PayObservation = resource("PayObservation");
    public static final Resource Place = resource("Place");
    public static final Resource Country = resource("Country");
    public static final Resource Region = resource("Region");
    public static final Resource Organisation = resource("Organisation");
    public static final Resource Product = resource("Product");
    public static final Resource Visibility = resource("Visibility");
    public static final Resource SourceGraph = resource("SourceGraph");

    // Individuals
    public static final Resource Public = resource("Public");
    public static final Resource Private = resource("Private");

    // Properties
    public static final Property tier = property("tier");
    public static final Property rank = property("rank");
    public static final Property coinedIn = property("coinedIn");
    public static final Property coinedBy = property("coinedBy");
    public static final Property coined = property("coined");
    public static final Property discussedIn = property("discussedIn");
    public static final Property discusses = property("discusses");
    public static final Property inNotebook = property("inNotebook");
    public static final Property hasNote = property("hasNote");
    public static final Property category = property("category");
    public static final Property includedBy = property("includedBy");
    public static final Property includedOn = property("includedOn");
    public static final Property visibility = property("visibility");
    public static final Property publicationStatus = property("publicationStatus");
    public static final Property quotes = property("quotes");
    public static final Property amount = property("amount");
    public static final Property currency = property("currency");
    public static final Property timeUnit = property("timeUnit");
    public static final Property comparison = property("comparison");
    public static final Property earnedBy = property("earnedBy");
    public static final Property observedIn = property("observedIn");
    public static final Property statedIn = property("statedIn");
    public static final Property noteCount = property("noteCount");
    /** Kept in the store's system graph: hash of the loaded source files. */
    public static final Property contentHash = property("contentHash");
}
