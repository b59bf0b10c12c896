package org.labourgraph.web.site;

/**
 * The paths of the public contract that other sites and the w3id.org redirects (the root package's W3idRedirects) rely on,
 * each declared once: the modules register their servlets under these, and the redirects are generated from them.
 */
public final class Routes {
    /** The things the IRIs name ({@code /id/concept/…}): 303 See Other to their documents. */
    public static final String ID = "/id";
    /** The documents about them: HTML or RDF by extension, {@code ?format=} or Accept. */
    public static final String DOC = "/doc";
    /** The ontology's namespace document; each released version at {@code /ontology/X.Y.Z}. */
    public static final String ONTOLOGY = "/ontology";
    /** The data dumps ({@code /dumps/labourgraph.ttl.gz}, …). */
    public static final String DUMPS = "/dumps";
    /** The SPARQL query endpoint. */
    public static final String SPARQL = "/sparql";
    /** The curators' area, behind a login: their SPARQL view, documents with private notes, private imports. */
    public static final String CURATOR = "/curator";
    /** The Memento TimeMaps of each resource ({@code /timemap/id/concept/…}). */
    public static final String TIME_MAPS = "/timemap";

    private Routes() {}

    /** The servlet mapping for everything under a route: {@code "/id"} → {@code "/id/*"}. */
    public static String under(String route) {
        return route + "/*";
    }
}
