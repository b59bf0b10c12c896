package org.labourgraph.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * The application's own SPARQL, kept as .rq resources beside this class and parsed once at class
 * initialisation: a broken query fails the first test that touches it, never a user's request.
 */
public final class QueryLibrary {
    private QueryLibrary() {}

    public static final Query SEARCH = load("search.rq");

    static Query load(String resourceName) {
        try (InputStream in = QueryLibrary.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SPARQL resource " + resourceName + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // ARQ syntax: the text:query property function takes a list argument.
            return QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (QueryParseException e) {
            throw new IllegalStateException("SPARQL resource " + resourceName + " does not parse: " + e.getMessage(), e);
        }
    }
}
