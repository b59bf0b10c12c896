package org.labourgraph.validate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.shared.PrefixMapping;
import org.labourgraph.vocab.Prefixes;

/** The project's prefixes ({@link Prefixes}), used to print IRIs short in findings. */
final class ProjectPrefixes {
    private static final Pattern LOCAL_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.~-]*(?<!\\.)");
    private static final Pattern BRACKETED_IRI = Pattern.compile("<([^<>\\s]+)>");

    static final PrefixMapping MAPPING = Prefixes.MAPPING;

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
