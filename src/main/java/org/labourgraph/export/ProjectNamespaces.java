package org.labourgraph.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labourgraph.vocab.LG;

/**
 * The project's prefixes (docs/ARCHITECTURE.md), in the order the dumps declare them, plus the standard
 * vocabularies of the dataset description. Turtle and TriG dumps declare them; the JSON-LD context maps them.
 */
public final class ProjectNamespaces {
    private ProjectNamespaces() {}

    /** Prefix → namespace, in declaration order. */
    public static final Map<String, String> PREFIXES = prefixes();

    private static Map<String, String> prefixes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("lg", LG.NS);
        p.put("lgc", LG.CONCEPT_NS);
        p.put("lgp", LG.ID_NS + "person/");
        p.put("lgw", LG.ID_NS + "work/");
        p.put("lgn", LG.ID_NS + "note/");
        p.put("lgnb", LG.ID_NS + "notebook/");
        p.put("lgcat", LG.ID_NS + "category/");
        p.put("lgpl", LG.ID_NS + "place/");
        p.put("lgo", LG.ID_NS + "organisation/");
        p.put("lgpr", LG.ID_NS + "product/");
        p.put("lgpay", LG.ID_NS + "pay/");
        p.put("lgt", LG.ID_NS + "tier/");
        p.put("lgg", LG.GRAPH_NS);
        p.put("skos", "http://www.w3.org/2004/02/skos/core#");
        p.put("dcterms", "http://purl.org/dc/terms/");
        p.put("foaf", "http://xmlns.com/foaf/0.1/");
        p.put("schema", "https://schema.org/");
        p.put("prov", "http://www.w3.org/ns/prov#");
        p.put("owl", "http://www.w3.org/2002/07/owl#");
        p.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.put("sh", "http://www.w3.org/ns/shacl#");
        p.put("time", "http://www.w3.org/2006/time#");
        p.put("dcmitype", "http://purl.org/dc/dcmitype/");
        p.put("vann", "http://purl.org/vocab/vann/");
        p.put("void", "http://rdfs.org/ns/void#");
        p.put("dcat", "http://www.w3.org/ns/dcat#");
        p.put("hydra", "http://www.w3.org/ns/hydra/core#");
        return Collections.unmodifiableMap(p);
    }
}
