package org.labourgraph.vocab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.shared.PrefixMapping;

/**
 * The project's one prefix map (the table in docs/ARCHITECTURE.md), in the order dumps declare it, with the standard
 * vocabularies of the dataset description: dumps and documents declare it, the JSON-LD context maps it, findings,
 * history lines and fragments print IRIs short with it.
 */
public final class Prefixes {
    private Prefixes() {}

    /** Prefix → namespace, in declaration order. */
    public static final Map<String, String> ALL = all();

    /** The same, as a locked Jena prefix mapping. */
    public static final PrefixMapping MAPPING = PrefixMapping.Factory.create().setNsPrefixes(ALL).lock();

    private static Map<String, String> all() {
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
