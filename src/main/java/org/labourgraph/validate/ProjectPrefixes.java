package org.labourgraph.validate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.shared.PrefixMapping;
import org.labourgraph.vocab.LG;

/** The project's prefixes (docs/ARCHITECTURE.md), used to print IRIs short in findings. */
final class ProjectPrefixes {
    private static final Pattern LOCAL_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.~-]*(?<!\\.)");
    private static final Pattern BRACKETED_IRI = Pattern.compile("<([^<>\\s]+)>");

    static final PrefixMapping MAPPING = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("lg", LG.NS)
            .setNsPrefix("lgc", LG.CONCEPT_NS)
            .setNsPrefix("lgp", LG.ID_NS + "person/")
            .setNsPrefix("lgw", LG.ID_NS + "work/")
            .setNsPrefix("lgn", LG.ID_NS + "note/")
            .setNsPrefix("lgnb", LG.ID_NS + "notebook/")
            .setNsPrefix("lgcat", LG.ID_NS + "category/")
            .setNsPrefix("lgpl", LG.ID_NS + "place/")
            .setNsPrefix("lgo", LG.ID_NS + "organisation/")
            .setNsPrefix("lgpr", LG.ID_NS + "product/")
            .setNsPrefix("lgpay", LG.ID_NS + "pay/")
            .setNsPrefix("lgt", LG.ID_NS + "tier/")
            .setNsPrefix("lgg", LG.GRAPH_NS)
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("schema", "https://schema.org/")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("sh", "http://www.w3.org/ns/shacl#")
            .setNsPrefix("time", "http://www.w3.org/2006/time#")
            .lock();

    private ProjectPrefixes() {}

    /** {@code https://w3id.org/labourgraph/id/concept/ghost-work} → {@code lgc:ghost-work}; other text as is. */
    static String compact(String iri) {
        String shortForm = shortForm(iri);
        return shortForm != null ? shortForm : iri;
    }

    /**
     * The prefixed name for an IRI under the longest matching namespace, or null. Unlike
     * {@link PrefixMapping#qnameFor} it accepts local names that start with a digit ({@code lgt:1}),
     * as Turtle and SPARQL do.
     */
    private static String shortForm(String iri) {
        if (iri == null) {
            return null;
        }
        String best = null;
        String bestNamespace = "";
        for (Map.Entry<String, String> prefix : MAPPING.getNsPrefixMap().entrySet()) {
            String namespace = prefix.getValue();
            if (iri.startsWith(namespace) && namespace.length() > bestNamespace.length()
                    && LOCAL_NAME.matcher(iri.substring(namespace.length())).matches()) {
                best = prefix.getKey() + ":" + iri.substring(namespace.length());
                bestNamespace = namespace;
            }
        }
        return best;
    }

    /** Shortens every {@code <iri>} inside a SPARQL-like text (property paths, messages), and a bare IRI. */
    static String compactAll(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = BRACKETED_IRI.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String shortForm = shortForm(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(shortForm != null ? shortForm : matcher.group()));
        }
        matcher.appendTail(out);
        return compact(out.toString());
    }
}
