package org.labourgraph.render;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where an IRI is shown on this server. IRIs minted under the base map to this server's own pages (so a
 * server on localhost keeps its links on itself); other http(s) IRIs are outside links; anything else
 * ({@code javascript:}, {@code data:}, {@code mailto:}, relative junk) is never made a link.
 */
public final class Site {
    /** Where the curators' pages live: the same documents, read from the public and the private data together. */
    public static final String CURATOR_DOCUMENTS = "/curator/doc/";
    private static final String PUBLIC_DOCUMENTS = "/doc/";

    private final String base;
    private final String documents;

    public Site(String baseIri) {
        this(baseIri, PUBLIC_DOCUMENTS);
    }

    private Site(String baseIri, String documents) {
        this.base = baseIri;
        this.documents = documents;
    }

    /** The curators' site: resource links stay in the curator area, whose pages include private notes. */
    public static Site forCurators(String baseIri) {
        return new Site(baseIri, CURATOR_DOCUMENTS);
    }

    /** Whether the pages of this site show private content (to authenticated curators only). */
    public boolean isCuratorView() {
        return documents.equals(CURATOR_DOCUMENTS);
    }

    public String base() {
        return base;
    }

    /** The server path of a document for a resource IRI under the base, or null. */
    public String docPath(String iri) {
        if (iri == null) {
            return null;
        }
        String id = base + "id/";
        if (iri.startsWith(id) && iri.length() > id.length() && isPathSafe(iri.substring(id.length()))) {
            return documents + iri.substring(id.length());
        }
        String ontology = base + "ontology";
        if (iri.equals(ontology)) {
            return "/ontology";
        }
        if (iri.startsWith(ontology + "#") && isPathSafe(iri.substring(ontology.length() + 1))) {
            return "/ontology#" + iri.substring(ontology.length() + 1);
        }
        return null;
    }

    /** A safe href for an IRI: a page on this server, an outside http(s) address, or null (show as text). */
    public String href(String iri) {
        String local = docPath(iri);
        if (local != null) {
            return local;
        }
        return isHttp(iri) ? iri : null;
    }

    public boolean isLocal(String iri) {
        return docPath(iri) != null;
    }

    static boolean isHttp(String iri) {
        if (iri == null) {
            return false;
        }
        try {
            URI u = new URI(iri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isPathSafe(String path) {
        return path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '`');
    }

    /** A URL query value, encoded. */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
