package org.labourgraph.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which graphs of an external store are the public data ({@code serve --data-graphs}): a stock store's default graph
 * is not the union of its named graphs (Virtuoso's holds its own system graphs too), so the server never assumes it.
 * <ul>
 *   <li>{@link Mode#DISCOVER} (the default): the store's named graphs under the project's graph namespace, listed
 *       from the store and listed again when they may have changed;</li>
 *   <li>{@link Mode#LISTED}: exactly the graphs given;</li>
 *   <li>{@link Mode#STORE_DEFAULT}: the store's default graph already is the public data (a Fuseki dataset with
 *       {@code tdb2:unionDefaultGraph true} holding nothing private); queries go without a dataset description.</li>
 * </ul>
 * In the first two modes every query the server sends names these graphs as its default graph (their merge) and
 * its named graphs, as the SPARQL Protocol's {@code default-graph-uri} and {@code named-graph-uri}.
 */
public record DataGraphs(Mode mode, List<String> listed) {
    public enum Mode { DISCOVER, LISTED, STORE_DEFAULT }

    public static final DataGraphs DISCOVERED = new DataGraphs(Mode.DISCOVER, List.of());

    public DataGraphs {
        listed = List.copyOf(listed);
        ServerSettings.require(mode != Mode.LISTED || !listed.isEmpty(), "--data-graphs", "lists no graph");
    }

    /**
     * {@code discover}, {@code store-default}, or graph IRIs separated by commas; a clear error names what is wrong
     * and what the option takes.
     */
    public static DataGraphs parse(String option) {
        String value = option.strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "discover" -> {
                return DISCOVERED;
            }
            case "store-default" -> {
                return new DataGraphs(Mode.STORE_DEFAULT, List.of());
            }
            default -> {
                List<String> graphs = List.of(value.split("\\s*,\\s*"));
                for (String g : graphs) {
                    URI iri;
                    try {
                        iri = URI.create(g);
                    } catch (IllegalArgumentException e) {
                        iri = null;
                    }
                    ServerSettings.require(iri != null && iri.isAbsolute(), "--data-graphs", "'" + g + "' is not an absolute"
                            + " IRI: give discover, store-default, or graph IRIs separated by commas");
                }
                return new DataGraphs(Mode.LISTED, graphs);
            }
        }
    }
}
